from innotag.models.persistence.card import model_card
from innotag.models.schema import FEATURE_IDS, STAGE_IDS


def meta(prior, own=None, cross_validation=None):
    return {"created": "2026-12-07", "innotag_version": "0.2.0", "sklearn_version": "1.9.1",
            "pipeline": {"route": "fast", "package": "blank", "version": "1", "voikko": False},
            "corpus": {"documents": 84, "path": "my.jsonl", "name": "my.jsonl", "sha256": "ab" * 32,
                       "stages": dict.fromkeys(STAGE_IDS, 14), "features": dict.fromkeys(FEATURE_IDS, 21),
                       "own_corpus": own},
            "config": {"stage_model": "ordinal", "feature_model": "svm", "seed": 3, "stage_prior": prior,
                       "stage_temperature": 2.5},
            "thresholds": dict.fromkeys(FEATURE_IDS, 0.4), "cross_validation": cross_validation}


def test_card_describes_the_corpus_it_was_trained_on_and_its_prior():
    card = model_card(meta([0.1, 0.3, 0.3, 0.1, 0.1, 0.1]))
    assert "84 documents of `my.jsonl`" in card and "seed 3" in card and "temperature 2.5" in card
    assert "own stage balance" in model_card(meta(None))
    assert "ab" * 32 in card and "| tarve | 14 |" in card and "| yhteinen_visio | 21 | 25% |" in card


def test_card_says_whether_the_corpus_is_innotags_own():
    def origin(own):
        return next(line for line in model_card(meta(None, own)).splitlines() if line.startswith("- `my.jsonl`"))

    assert "innotag's own written corpus (`corpus/`, the same files" in origin({"identical": True, "documents": 84,
                                                                               "of": 84})
    assert "a selection from innotag's own written corpus" in origin({"identical": False, "documents": 84, "of": 1368})
    assert "none of its documents are in innotag's own" in origin({"identical": False, "documents": 0, "of": 1368})
    assert "10 of its 84 documents are from innotag's own" in origin({"identical": False, "documents": 10, "of": 1368})
    assert "not compared" in origin(None)
    assert "written for innotag" not in model_card(meta(None, {"identical": False, "documents": 0, "of": 1368}))


def test_card_labels_cross_validation_as_corpus_scores_with_their_spread():
    scores = {"stage": {"macro_f1": 0.8, "qwk": 0.9, "within_one": 0.95, "mae": 0.3},
              "features": {"micro_f1": 0.85, "macro_f1": 0.84},
              "per_fold": {"stage.macro_f1": [0.7, 0.8, 0.9]}}
    card = model_card(meta(None, cross_validation={"folds": 3, "scores": {"innotag": scores}}))
    assert "## Corpus cross-validation (3-fold" in card and "not what the model gets on real documents" in card
    assert "| stage macro-F1 | 0.800 ± 0.100 | 0.700–0.900 | 0.70, 0.80, 0.90 |" in card
