"""Evaluation: K-fold cross-validation on one corpus, or a trained model on a held-out corpus,
always beside the baselines (folds and out-of-fold scores: :mod:`.folds`)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.estimators.baselines import KeywordFeatureClassifier, KeywordStageClassifier
from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.estimators.features import model_inputs
from innotag.models.evaluation.metrics import feature_metrics, stage_metrics
from innotag.models.estimators.model import ModelConfig
from innotag.models.evaluation.folds import cross_validate_docs
from innotag.models.schema import STAGE_IDS
from innotag.nlp.pipeline import DEFAULT_PIPELINE
from innotag.models.errors import CorpusError

log = logging.getLogger("innotag")

@dataclass
class EvaluationResult:
    """Scores per system; ``mode`` is "cv" or "held-out"."""

    mode: str
    documents: int
    folds: int | None
    seed: int | None
    pipeline: str
    systems: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    model: str | None = None

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def evaluate_cv(corpus_path: str | Path, *, k: int = 5, pipeline: str = DEFAULT_PIPELINE,
                config: ModelConfig | None = None, n_jobs: int = 1, progress: bool = True) -> EvaluationResult:
    """K-fold cross-validation of innotag and the baselines on one corpus; ``config.seed`` sets the folds."""
    if k < 2:
        raise CorpusError("--cv needs at least 2 folds")
    started = time.perf_counter()
    corpus = load_corpus(corpus_path)
    if len(corpus) < 2 * k:
        raise CorpusError(f"{len(corpus)} documents are too few for {k}-fold cross-validation")
    docs, info = preprocess_corpus(corpus, pipeline, progress=progress)
    config = config or ModelConfig()
    log.info("cross-validating %d documents in %d folds", len(corpus), k)
    systems = cross_validate_docs(docs, corpus.stages, corpus.feature_matrix, config=config, k=k, n_jobs=n_jobs)
    return EvaluationResult("cv", len(corpus), k, config.seed, info.route, systems, round(time.perf_counter() - started, 1))


def evaluate_heldout(corpus_path: str | Path, model_dir: str | Path, *, progress: bool = True) -> EvaluationResult:
    """Score a trained model on a held-out corpus; baselines are fitted on the model's training corpus."""
    from innotag.models.persistence.store import load_model

    started = time.perf_counter()
    loaded = load_model(model_dir)
    corpus = load_corpus(corpus_path)
    docs, info = preprocess_corpus(corpus, loaded.pipeline, progress=progress)
    stages, features = corpus.stages, corpus.feature_matrix
    stage_proba, feature_proba = loaded.model.predict_arrays(docs)
    feature_pred = (feature_proba >= loaded.model.feature_classifier_.thresholds_).astype(int)
    systems = {"innotag": {"stage": stage_metrics(stages, stage_proba.argmax(axis=1), stage_proba),
                           "features": feature_metrics(features, feature_pred, feature_proba)}}
    baselines = loaded.meta.get("baselines", {})
    X = model_inputs(docs)
    kw_stage = KeywordStageClassifier(fallback=baselines.get("majority_stage", 1)).fit(X)
    kw_features = KeywordFeatureClassifier().fit(X, features)
    systems["keywords"] = {"stage": stage_metrics(stages, kw_stage.predict(X), kw_stage.predict_proba(X)),
                           "features": feature_metrics(features, kw_features.predict(X), kw_features.predict_proba(X))}
    prior = np.tile(np.asarray(baselines.get("stage_prior", np.full(6, 1 / 6))), (len(docs), 1))
    prevalence = np.tile(np.asarray(baselines.get("feature_prevalence", np.zeros(6))), (len(docs), 1))
    systems["majority"] = {"stage": stage_metrics(stages, prior.argmax(axis=1), prior),
                           "features": feature_metrics(features, (prevalence >= 0.5).astype(int), prevalence)}
    return EvaluationResult("held-out", len(corpus), None, loaded.model.config.seed, info.route, systems,
                            round(time.perf_counter() - started, 1), model=str(model_dir))
