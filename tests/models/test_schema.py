import pytest

from conftest import REPO
from innotag.models.schema import FEATURE_IDS, FEATURES, STAGE_IDS, STAGES, stage_index


def test_six_ordered_stages_and_six_features():
    assert STAGE_IDS == ("tarve", "ideointi", "kokeilu", "vakiinnuttaminen", "skaalaaminen", "systeeminen_muutos")
    assert [s.number for s in STAGES] == [1, 2, 3, 4, 5, 6]
    assert len(FEATURE_IDS) == 6


@pytest.mark.parametrize("value, index", [("tarve", 0), (3, 2), ("6", 5), ("skaalaaminen", 4)])
def test_stage_index_accepts_ids_and_numbers(value, index):
    assert stage_index(value) == index


@pytest.mark.parametrize("value", ["pilotti", 0, 7, True, None])
def test_stage_index_rejects_other_values(value):
    with pytest.raises(ValueError):
        stage_index(value)


def test_codebook_documents_every_label():
    codebook = (REPO / "corpus" / "CODEBOOK.md").read_text("utf-8")
    for label in STAGE_IDS + FEATURE_IDS:
        assert f"`{label}`" in codebook


def test_every_label_has_a_one_line_meaning_in_both_languages():
    for label in STAGES + FEATURES:
        assert label.about_fi and label.about_en and label.about_fi != label.about_en
        assert "\n" not in label.about_fi + label.about_en
