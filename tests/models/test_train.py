import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import write_jsonl
from innotag.models.errors import CorpusError
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

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


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_cross_validated_scores_are_stored_pooled_and_per_fold_with_progress(small_corpus, tmp_path, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    meta = train(small_corpus, tmp_path / "m", pipeline="fast", cv_folds=3, progress=True).meta
    scores = meta["cross_validation"]["scores"]
    assert set(scores) == {"innotag", "keywords", "majority"}
    assert 0 <= scores["innotag"]["stage"]["macro_f1"] <= 1
    per_fold = json.loads((tmp_path / "m" / "meta.json").read_text("utf-8"))["cross_validation"]["scores"]["innotag"]["per_fold"]
    assert set(per_fold) == {"stage.macro_f1", "stage.qwk", "stage.accuracy", "features.micro_f1"}
    assert all(len(values) == 3 and all(0 <= v <= 1 for v in values) for values in per_fold.values())
    assert "cross-validation" in terminal.getvalue() and "3/3" in terminal.getvalue()


def test_meta_describes_the_training_corpus(trained_model, small_corpus):
    corpus = json.loads((trained_model / "meta.json").read_text("utf-8"))["corpus"]
    assert corpus["name"] == small_corpus.name and corpus["stages"] == dict.fromkeys(STAGE_IDS, 14)
    assert set(corpus["features"]) == set(FEATURE_IDS) and len(corpus["sha256"]) == 64
    own = load_corpus(Path(__file__).resolve().parents[2] / "corpus")
    assert corpus["own_corpus"] == {"identical": False, "documents": 84, "of": len(own)}


def test_a_corpus_that_cannot_be_cross_validated_is_refused_before_preprocessing(small_corpus, tmp_path, monkeypatch):
    records = [json.loads(line) for line in small_corpus.read_text("utf-8").splitlines()]
    kept = [r for r in records if r["stage"] != "tarve"] + [r for r in records if r["stage"] == "tarve"][:2]
    path = write_jsonl(tmp_path / "c.jsonl", kept)
    monkeypatch.setattr("innotag.models.train.preprocess_corpus", lambda *a, **k: pytest.fail("preprocessed"))
    with pytest.raises(CorpusError, match="stage tarve: 2 documents; training with 5-fold cross-validation needs at least 4"):
        train(path, tmp_path / "m", pipeline="fast", cv_folds=5, progress=False)


def test_existing_output_needs_force(small_corpus, trained_model):
    with pytest.raises(OutputError, match="--force"):
        train(small_corpus, trained_model, pipeline="fast", cv_folds=0, progress=False)


def test_training_warns_about_stages_with_few_documents(small_corpus, tmp_path, caplog):
    with caplog.at_level("WARNING", logger="innotag"):
        train(small_corpus, tmp_path / "m", pipeline="fast", cv_folds=0, progress=False)
    assert "stage tarve has 14 training documents" in caplog.text and "unreliable" in caplog.text
