import json

import numpy as np
import pytest

from innotag.models.corpus.load import load_corpus
from innotag.models.persistence.store import load_model
from innotag.models.corpus.load import preprocess_corpus
from innotag.models.train import train
from innotag.models.errors import OutputError


def test_training_is_deterministic(small_corpus, trained_model, tmp_path):
    again = train(small_corpus, tmp_path / "again", pipeline="fast", cv_folds=0, progress=False).model_dir
    first, second = load_model(trained_model), load_model(again)
    docs, _ = preprocess_corpus(load_corpus(small_corpus), "fast", progress=False)
    for a, b in zip(first.model.predict_arrays(docs), second.model.predict_arrays(docs)):
        assert np.array_equal(a, b)
    assert first.meta["thresholds"] == second.meta["thresholds"]
    assert first.meta["corpus"]["sha256"] == second.meta["corpus"]["sha256"]


def test_meta_describes_the_model(trained_model):
    meta = json.loads((trained_model / "meta.json").read_text("utf-8"))
    for key in ("innotag_version", "sklearn_version", "pipeline", "labels", "thresholds", "config", "corpus",
                "created", "config", "model_sha256"):
        assert key in meta
    assert meta["pipeline"]["route"] == "fast" and meta["corpus"]["documents"] == 84
    assert (trained_model / "README.md").read_text("utf-8").startswith("# innotag model")


def test_cross_validated_scores_are_stored(small_corpus, tmp_path):
    meta = train(small_corpus, tmp_path / "m", pipeline="fast", cv_folds=3, progress=False).meta
    scores = meta["cross_validation"]["scores"]
    assert set(scores) == {"innotag", "keywords", "majority"}
    assert 0 <= scores["innotag"]["stage"]["macro_f1"] <= 1


def test_existing_output_needs_force(small_corpus, trained_model):
    with pytest.raises(OutputError, match="--force"):
        train(small_corpus, trained_model, pipeline="fast", cv_folds=0, progress=False)


def test_training_warns_about_stages_with_few_documents(small_corpus, tmp_path, caplog):
    with caplog.at_level("WARNING", logger="innotag"):
        train(small_corpus, tmp_path / "m", pipeline="fast", cv_folds=0, progress=False)
    assert "stage tarve has 14 training documents" in caplog.text and "unreliable" in caplog.text
