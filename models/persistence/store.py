"""Save and load model directories safely.

A model directory holds ``model.skops`` (the fitted estimators), ``vocabulary.json`` (the
TF-IDF vocabularies as plain term lists: skops would store every dictionary entry as its
own object, 35 MB that take seconds to load), ``meta.json`` (versions, pipeline, label
schema, thresholds, seed, corpus digest, cross-validated scores) and a ``README.md`` model card. The estimators are stored with skops, never pickle: loading
only instantiates the types in :data:`TRUSTED_TYPES`, so a file from someone else cannot
run code. A checksum in ``meta.json`` catches files changed after writing, and version
checks turn scikit-learn or preprocessing mismatches into a clear message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn

from innotag.models.estimators.model import EVIDENCE_TASKS, InnotagModel, ModelConfig
from innotag.models.schema import schema_dict
from innotag.models.errors import ModelError, check_can_write
from innotag.nlp.info import tool_version
from innotag.nlp.pipeline import PREPROCESS_VERSION

# 2: modules under the single import name innotag (the type names stored in model.skops changed)
FORMAT_VERSION = 2
MODEL_FILE, VOCABULARY_FILE, META_FILE, CARD_FILE = "model.skops", "vocabulary.json", "meta.json", "README.md"

# Every non-default type a model file may contain. Anything else is refused.
TRUSTED_TYPES = frozenset({
    "innotag.models.estimators.multilabel.ThresholdedMultiLabelClassifier",
    "innotag.models.estimators.ordinal.FrankHallClassifier",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.utils._bunch.Bunch",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.linear_model._logistic.LogisticRegression",
    "builtins.slice",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "numpy.ndarray",
})


def default_model_dir() -> Path:
    """``$INNOTAG_MODEL``, else ``$XDG_DATA_HOME/innotag/models/default`` (``~/.local/share/...``)."""
    if os.environ.get("INNOTAG_MODEL"):
        return Path(os.environ["INNOTAG_MODEL"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "innotag" / "models" / "default"


@dataclass
class LoadedModel:
    model: InnotagModel
    meta: dict
    path: Path

    @property
    def pipeline(self) -> str:
        """The preprocessing pipeline the model was trained with, as a ``--pipeline`` value."""
        return self.meta["pipeline"]["name"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(model: InnotagModel, meta: dict, output: str | Path, force: bool = False) -> Path:
    """Write the model directory atomically: a complete new directory replaces the old one."""
    import skops.io as sio

    output = Path(output)
    check_can_write(output, force)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        vectorizer, vocabularies = _split_vocabularies(model.vectorizer_)
        parts = {"vectorizer": vectorizer, "stage": model.stage_classifier_, "features": model.feature_classifier_,
                 "evidence": dict(model.evidence_classifiers_), "stage_train_prior": model.stage_train_prior_,
                 "domain_centroids": model.domain_centroids_, "domain_threshold": model.domain_threshold_}
        sio.dump(parts, staging / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
        (staging / VOCABULARY_FILE).write_text(json.dumps(vocabularies, ensure_ascii=False), "utf-8")
        full_meta = {
            "format_version": FORMAT_VERSION,
            "innotag_version": tool_version(),
            "sklearn_version": sklearn.__version__,
            "skops_version": _skops_version(),
            "preprocess_version": PREPROCESS_VERSION,
            "labels": schema_dict(),
            **meta,
            "model_sha256": _sha256(staging / MODEL_FILE),
            "vocabulary_sha256": _sha256(staging / VOCABULARY_FILE),
        }
        (staging / META_FILE).write_text(json.dumps(full_meta, ensure_ascii=False, indent=2), "utf-8")
        from innotag.models.persistence.card import model_card

        (staging / CARD_FILE).write_text(model_card(full_meta), "utf-8")
        if output.exists():
            old = output.with_name(f".{output.name}.old-{os.getpid()}")
            os.replace(output, old)
            os.replace(staging, output)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return output


def _skops_version() -> str:
    from importlib import metadata

    return metadata.version("skops")


def load_model(path: str | Path | None = None) -> LoadedModel:
    """Load a model directory (the default model when ``path`` is None) after checking it."""
    import skops.io as sio

    path = Path(path) if path is not None else default_model_dir()
    if not (path / META_FILE).is_file():
        if path == default_model_dir():
            raise ModelError(f"no default model at {path}; build it with `innotag train corpus/ --output {path}` "
                             "(or `make model`), or name one with --model")
        raise ModelError(f"{path} is not an innotag model directory (no {META_FILE}); "
                         "train one with `innotag train CORPUS --output DIR`")
    try:
        meta = json.loads((path / META_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path / META_FILE} is unreadable ({exc}); retrain the model") from None
    _check_versions(meta, path)
    model_file, vocabulary_file = path / MODEL_FILE, path / VOCABULARY_FILE
    for file, key in ((model_file, "model_sha256"), (vocabulary_file, "vocabulary_sha256")):
        if not file.is_file():
            raise ModelError(f"{file} is missing; retrain the model")
        if _sha256(file) != meta.get(key):
            raise ModelError(f"{file} has been modified since it was written (checksum mismatch); "
                             "do not use it, retrain or get an intact copy")
    try:
        untrusted = sio.get_untrusted_types(file=model_file)
        unexpected = sorted(set(untrusted) - TRUSTED_TYPES)
        if unexpected:
            raise ModelError(f"{model_file} contains types innotag does not trust ({', '.join(unexpected[:3])}); "
                             "it was not written by innotag, so it is refused")
        parts = sio.load(model_file, trusted=untrusted)
    except ModelError:
        raise
    except Exception as exc:  # skops raises assorted errors on damaged files
        raise ModelError(f"{model_file} cannot be loaded ({type(exc).__name__}: {exc}); retrain the model") from None
    _check_structure(parts, model_file)
    _restore_vocabularies(parts["vectorizer"], vocabulary_file)
    model = InnotagModel(ModelConfig.from_dict(meta.get("config", {})))
    model.vectorizer_, model.stage_classifier_, model.feature_classifier_, model.evidence_classifiers_ = (
        parts["vectorizer"], parts["stage"], parts["features"], parts["evidence"])
    model.stage_train_prior_, model.domain_centroids_ = parts["stage_train_prior"], parts["domain_centroids"]
    model.domain_threshold_ = parts["domain_threshold"]
    model.vocabulary_ = set(model.vectorizer_.named_transformers_["words"].vocabulary_)
    _check_inputs(model, meta, path)
    return LoadedModel(model, meta, path)


def _check_inputs(model: InnotagModel, meta: dict, path: Path) -> None:
    """Tag one tiny document, so that a model whose stored settings no longer build its inputs fails here, clearly.

    A model written by an older innotag may lack settings added since; they take today's
    defaults, which can add or remove input columns (innotag 0.1 had no tense profile).
    """
    from innotag.nlp.preprocess import Preprocessed

    probe = Preprocessed(sentences=["Malli otettiin käyttöön."], sentence_lemmas=[["malli", "ottaa", "käyttö"]],
                         sentence_verbs=[["ottaa~past"]], n_words=3, n_known=3)
    try:
        model.predict_arrays([probe])
    except ValueError as exc:
        raise ModelError(f"{path} was written by innotag {meta.get('innotag_version', '?')} and its inputs no longer "
                         f"match this version's ({exc}); retrain the model with this version") from None


def _split_vocabularies(vectorizer):
    """A copy of the fitted vectorizer without vocabularies, and the vocabularies as term lists."""
    stripped = deepcopy(vectorizer)
    vocabularies = {}
    for name, transformer, _ in stripped.transformers_:
        vocabulary = getattr(transformer, "vocabulary_", None)
        if vocabulary:
            vocabularies[name] = sorted(vocabulary, key=vocabulary.get)
            transformer.vocabulary_ = {}
    return stripped, vocabularies


def _restore_vocabularies(vectorizer, vocabulary_file: Path) -> None:
    try:
        vocabularies = json.loads(vocabulary_file.read_text("utf-8"))
        blocks = {name: transformer for name, transformer, _ in vectorizer.transformers_}
        for name, terms in vocabularies.items():
            if not all(isinstance(t, str) for t in terms):
                raise ValueError("terms must be strings")
            blocks[name].vocabulary_ = {term: i for i, term in enumerate(terms)}
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ModelError(f"{vocabulary_file} is not a valid vocabulary file ({exc}); retrain the model") from None


def _check_structure(parts, model_file: Path) -> None:
    """Default-trusted scikit-learn types could still be assembled into something else."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression

    from innotag.models.estimators.multilabel import ThresholdedMultiLabelClassifier

    expected = {"vectorizer": ColumnTransformer, "stage": CalibratedClassifierCV,
                "features": ThresholdedMultiLabelClassifier, "evidence": dict, "stage_train_prior": np.ndarray,
                "domain_centroids": np.ndarray, "domain_threshold": float}
    if not isinstance(parts, dict) or set(parts) != set(expected) or not all(
            isinstance(parts[k], t) for k, t in expected.items()) or not all(
            task in EVIDENCE_TASKS and isinstance(c, LogisticRegression) for task, c in parts["evidence"].items()):
        raise ModelError(f"{model_file} does not hold an innotag model; it is refused")


def _minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def _check_versions(meta: dict, path: Path) -> None:
    if meta.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{path} has model format {meta.get('format_version')}, this innotag reads format "
                         f"{FORMAT_VERSION}; retrain the model with this version (innotag train CORPUS --output DIR)")
    trained = str(meta.get("sklearn_version", "?"))
    if _minor(trained) != _minor(sklearn.__version__):
        raise ModelError(f"{path} was trained with scikit-learn {trained} but {sklearn.__version__} is installed; "
                         f"retrain the model, or install scikit-learn=={trained}")
    if meta.get("preprocess_version") != PREPROCESS_VERSION:
        raise ModelError(f"{path} was trained with preprocessing version {meta.get('preprocess_version')}, "
                         f"this innotag has {PREPROCESS_VERSION}; retrain the model")
    if meta.get("labels") != schema_dict():
        raise ModelError(f"{path} uses a different label schema; retrain the model")
