import json

import numpy as np
import pytest

from innotag.models.corpus.load import load_corpus
from innotag.models.errors import CorpusError
from innotag.models.estimators.model import ModelConfig
from innotag.models.evaluation.evaluate import evaluate_cv, evaluate_heldout
from innotag.models.evaluation.folds import joint_folds
from innotag.models.evaluation.report import format_evaluation, write_report


def test_cross_validation_scores_every_system_on_the_same_folds(small_corpus, tmp_path):
    result = evaluate_cv(small_corpus, k=3, pipeline="fast", progress=False)
    assert set(result.systems) == {"innotag", "keywords", "majority"}
    for scores in result.systems.values():
        assert sum(map(sum, scores["stage"]["confusion"])) == result.documents
        assert all(len(values) == 3 for values in scores["per_fold"].values())
    assert result.corpus == str(small_corpus)
    table = format_evaluation(result)
    assert "macro-F1" in table and "QWK" in table and "within-one" in table and "Brier" in table
    assert "corpus cross-validation: 3 folds of the 84" in table and "mean ± sd" in table
    json.dumps(result.to_dict())
    written = write_report(result, tmp_path / "report")
    assert all(p.exists() and p.stat().st_size > 0 for p in written)
    assert (tmp_path / "report" / "confusion.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "report" / "reliability.png").read_bytes()[:4] == b"\x89PNG"


def test_same_seed_same_scores(small_corpus):
    a = evaluate_cv(small_corpus, k=3, pipeline="fast", config=ModelConfig(seed=1), progress=False)
    b = evaluate_cv(small_corpus, k=3, pipeline="fast", config=ModelConfig(seed=1), progress=False)
    assert a.systems == b.systems


def test_held_out_evaluation(small_corpus, trained_model):
    result = evaluate_heldout(small_corpus, trained_model, progress=False)
    assert result.mode == "held-out" and result.documents == 84
    assert set(result.systems) == {"innotag", "keywords", "majority"}


def test_heldout_on_a_real_set_has_intervals_genres_and_counts_missing_texts(real_set, trained_model):
    result = evaluate_heldout(real_set, trained_model, n_resamples=200, progress=False)
    assert result.documents == 35 and result.missing == 1 and result.overlap == 0
    for system in ("innotag", "keywords", "majority"):
        low, high = result.intervals[system]["stage.qwk"]
        assert low <= result.systems[system]["stage"]["qwk"] + 1e-9 and result.systems[system]["stage"]["qwk"] <= high + 1e-9
    assert set(result.by_genre) == {"news", "report"}
    assert sum(g["documents"] for g in result.by_genre.values()) == 35
    # the majority system answers the evaluated set's most frequent stage
    assert result.systems["majority"]["stage"]["accuracy"] == max(
        np.bincount(load_corpus(real_set).stages)) / 35
    text = format_evaluation(result)
    assert "95 % bootstrap interval" in text and "BY GENRE" in text and "1 indexed document has no text here and was not scored" in text


def test_evaluating_a_model_on_its_own_training_documents_is_flagged(small_corpus, trained_model, caplog):
    with caplog.at_level("WARNING", logger="innotag"):
        result = evaluate_heldout(small_corpus, trained_model, n_resamples=100, progress=False)
    assert result.overlap == result.documents == 84
    assert "not held-out" in caplog.text and "NOT held-out" in format_evaluation(result)


def test_where_scores_only_the_documents_with_that_metadata(real_set, trained_model):
    result = evaluate_heldout(real_set, trained_model, n_resamples=100, where={"genre": "news"}, progress=False)
    assert result.documents == 18 and result.where == {"genre": "news"} and set(result.by_genre) == {"news"}
    assert format_evaluation(result).startswith("held-out evaluation on 18 documents (genre=news)")


def test_where_that_matches_nothing_names_the_values_there(real_set, trained_model):
    with pytest.raises(CorpusError, match="no document matches genre=blog; genre takes news, report"):
        evaluate_heldout(real_set, trained_model, where={"genre": "blog"}, progress=False)
