from innotag.models.persistence.card import model_card
from innotag.models.schema import FEATURE_IDS


def meta(prior):
    return {"created": "2026-12-07", "innotag_version": "0.2.0", "sklearn_version": "1.9.1",
            "pipeline": {"route": "fast", "package": "blank", "version": "1", "voikko": False},
            "corpus": {"documents": 84, "path": "my.jsonl", "sha256": "0" * 64},
            "config": {"stage_model": "ordinal", "feature_model": "svm", "seed": 3, "stage_prior": prior,
                       "stage_temperature": 2.5},
            "thresholds": dict.fromkeys(FEATURE_IDS, 0.4), "cross_validation": None}


def test_card_describes_the_corpus_it_was_trained_on_and_its_prior():
    card = model_card(meta([0.1, 0.3, 0.3, 0.1, 0.1, 0.1]))
    assert "84 documents of `my.jsonl`" in card and "seed 3" in card and "temperature 2.5" in card
    assert "own stage balance" in model_card(meta(None))
