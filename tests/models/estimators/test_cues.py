from innotag.models.estimators.cues import FEATURE_CUES, STAGE_CUES, cue_vocabulary
from innotag.models.schema import FEATURE_IDS, STAGE_IDS


def test_one_cue_group_per_label_written_as_lemmas():
    assert len(STAGE_CUES) == len(STAGE_IDS) and len(FEATURE_CUES) == len(FEATURE_IDS)
    vocabulary = cue_vocabulary()
    assert vocabulary == sorted(set(vocabulary)) and "ohjausryhmä" in vocabulary and "pilotti" not in vocabulary
    assert all(cue == cue.lower() for group in STAGE_CUES + FEATURE_CUES for cue in group)
