import json
import shutil

import numpy as np
import pytest

from innotag.models.corpus.load import load_corpus
from innotag.models.persistence.store import MODEL_FILE, VOCABULARY_FILE, load_model
from innotag.models.corpus.load import preprocess_corpus
from innotag.models.errors import ModelError


@pytest.fixture
def model_copy(trained_model, tmp_path):
    target = tmp_path / "model"
    shutil.copytree(trained_model, target)
    return target


def _edit_meta(path, **changes):
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    meta.update(changes)
    (path / "meta.json").write_text(json.dumps(meta), "utf-8")


def test_round_trip_predictions_are_identical(small_corpus, trained_model, model_copy):
    from innotag.models.estimators.model import InnotagModel

    docs, _ = preprocess_corpus(load_corpus(small_corpus), "fast", progress=False)
    loaded = load_model(model_copy)
    assert isinstance(loaded.model, InnotagModel)
    again = load_model(trained_model)
    for a, b in zip(loaded.model.predict_arrays(docs), again.model.predict_arrays(docs)):
        assert np.array_equal(a, b)


def test_saved_thresholds_are_the_ones_used(small_corpus, model_copy):
    loaded = load_model(model_copy)
    docs, _ = preprocess_corpus(load_corpus(small_corpus), "fast", progress=False)
    predictions = loaded.model.predict(docs)
    _, feature_proba = loaded.model.predict_arrays(docs)
    for prediction, proba in zip(predictions, feature_proba):
        assert prediction.thresholds == loaded.meta["thresholds"]
        expected = [f for f, p in zip(loaded.meta["labels"]["features"], proba) if p >= loaded.meta["thresholds"][f]]
        assert prediction.features == expected


@pytest.mark.parametrize("name", [MODEL_FILE, VOCABULARY_FILE])
def test_tampered_files_are_refused(model_copy, name):
    data = bytearray((model_copy / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (model_copy / name).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="modified since it was written"):
        load_model(model_copy)


def _replace_model_file(path, obj):
    import hashlib

    import skops.io as sio

    sio.dump(obj, path / MODEL_FILE)
    _edit_meta(path, model_sha256=hashlib.sha256((path / MODEL_FILE).read_bytes()).hexdigest())


def test_code_in_a_foreign_file_is_refused_even_with_a_matching_checksum(model_copy):
    import os

    from sklearn.preprocessing import FunctionTransformer

    _replace_model_file(model_copy, {"vectorizer": FunctionTransformer(func=os.system), "stage": None,
                                     "features": None})
    with pytest.raises(ModelError, match="does not trust"):
        load_model(model_copy)


def test_trusted_types_in_a_foreign_structure_are_refused(model_copy):
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    _replace_model_file(model_copy, {"vectorizer": Pipeline([("s", StandardScaler())]), "stage": None,
                                     "features": None})
    with pytest.raises(ModelError, match="does not hold an innotag model"):
        load_model(model_copy)


@pytest.mark.parametrize("changes, message", [
    ({"sklearn_version": "0.24.2"}, "scikit-learn 0.24.2"),
    ({"format_version": 99}, "model format 99"),
    ({"preprocess_version": 0}, "preprocessing version"),
    ({"labels": {"stages": ["a"], "features": []}}, "label schema"),
])
def test_version_mismatch_is_a_clear_error(model_copy, changes, message):
    _edit_meta(model_copy, **changes)
    with pytest.raises(ModelError, match=message):
        load_model(model_copy)


def test_a_model_whose_settings_no_longer_build_its_inputs_is_a_clear_error(model_copy):
    # As a model of innotag 0.1, which had no tense profile, read by a version that defaults it on.
    meta = json.loads((model_copy / "meta.json").read_text("utf-8"))
    _edit_meta(model_copy, config={**meta["config"], "tense_profile": not meta["config"]["tense_profile"]})
    with pytest.raises(ModelError, match="inputs no longer match.*retrain"):
        load_model(model_copy)


def test_missing_model_says_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.setenv("INNOTAG_MODEL", str(tmp_path / "default"))
    with pytest.raises(ModelError, match="innotag train corpus/"):
        load_model()
    with pytest.raises(ModelError, match="not an innotag model directory"):
        load_model(tmp_path)
