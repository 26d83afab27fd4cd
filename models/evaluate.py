"""Evaluation: stratified K-fold cross-validation or a held-out corpus, always beside the baselines.

Folds are stratified jointly on the stage and the six features with iterative
stratification (Sechidis et al. 2011), so the same folds serve both tasks; every system
(the model and both baselines) is trained and scored on the same folds.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from iterstrat.ml_stratifiers import MultilabelStratifiedKFold
from joblib import Parallel, delayed
from sklearn.dummy import DummyClassifier

from models.baselines import KeywordFeatureClassifier, KeywordStageClassifier, PrevalenceClassifier
from models.corpus import load_corpus
from models.features import model_inputs
from models.metrics import feature_metrics, stage_metrics
from models.model import InnotagModel, ModelConfig
from models.schema import STAGE_IDS
from models.train import preprocess_corpus
from nlp.errors import CorpusError

log = logging.getLogger("innotag")

SYSTEMS = ("innotag", "keywords", "majority")


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


def joint_folds(stages: np.ndarray, features: np.ndarray, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds stratified on stage and features together."""
    Y = np.hstack([np.eye(len(STAGE_IDS), dtype=int)[stages], features])
    splitter = MultilabelStratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(stages)), Y))


def _fit_score_fold(docs, stages, features, train, test, config: ModelConfig):
    train_docs = [docs[i] for i in train]
    test_docs = [docs[i] for i in test]
    model = InnotagModel(config).fit(train_docs, stages[train], features[train])
    stage_proba, feature_proba = model.predict_arrays(test_docs)
    out = {"innotag": (stage_proba, feature_proba, (feature_proba >= model.feature_classifier_.thresholds_).astype(int))}
    X_train, X_test = model_inputs(train_docs), model_inputs(test_docs)
    kw_stage = KeywordStageClassifier().fit(X_train, stages[train])
    kw_feat = KeywordFeatureClassifier().fit(X_train, features[train])
    out["keywords"] = (kw_stage.predict_proba(X_test), kw_feat.predict_proba(X_test), kw_feat.predict(X_test))
    majority = DummyClassifier(strategy="prior").fit(X_train, stages[train])
    prior = np.zeros((len(test), len(STAGE_IDS)))
    prior[:, majority.classes_] = majority.predict_proba(X_test)
    prevalence = PrevalenceClassifier().fit(X_train, features[train])
    out["majority"] = (prior, prevalence.predict_proba(X_test), prevalence.predict(X_test))
    return test, out


def cross_validate_docs(docs, stages, features, *, config: ModelConfig, k: int = 5, n_jobs: int = 1,
                        systems=SYSTEMS) -> dict[str, dict]:
    """Out-of-fold predictions for every system, then one score per system on all documents."""
    folds = joint_folds(stages, features, k, config.seed)
    fold_results = Parallel(n_jobs=n_jobs)(
        delayed(_fit_score_fold)(docs, stages, features, train, test, config) for train, test in folds)
    scores = {}
    for system in systems:
        stage_proba = np.zeros((len(docs), len(STAGE_IDS)))
        feature_proba = np.zeros(features.shape, dtype=float)
        feature_pred = np.zeros(features.shape, dtype=int)
        for test, out in fold_results:
            stage_proba[test], feature_proba[test], feature_pred[test] = out[system]
        stage_pred = stage_proba.argmax(axis=1)
        scores[system] = {"stage": stage_metrics(stages, stage_pred, stage_proba),
                          "features": feature_metrics(features, feature_pred, feature_proba)}
    return scores


def evaluate_cv(corpus_path: str | Path, *, k: int = 5, seed: int = 0, pipeline: str = "accurate",
                config: ModelConfig | None = None, n_jobs: int = 1, progress: bool = True) -> EvaluationResult:
    """K-fold cross-validation of innotag and the baselines on one corpus."""
    if k < 2:
        raise CorpusError("--cv needs at least 2 folds")
    started = time.perf_counter()
    corpus = load_corpus(corpus_path)
    if len(corpus) < 2 * k:
        raise CorpusError(f"{len(corpus)} documents are too few for {k}-fold cross-validation")
    docs, info = preprocess_corpus(corpus, pipeline, progress=progress)
    config = config or ModelConfig(seed=seed)
    config.seed = seed
    log.info("cross-validating %d documents in %d folds", len(corpus), k)
    systems = cross_validate_docs(docs, corpus.stages, corpus.feature_matrix, config=config, k=k, n_jobs=n_jobs)
    return EvaluationResult("cv", len(corpus), k, seed, info.route, systems, round(time.perf_counter() - started, 1))


def evaluate_heldout(corpus_path: str | Path, model_dir: str | Path, *, progress: bool = True) -> EvaluationResult:
    """Score a trained model on a held-out corpus; baselines are fitted on the model's training corpus."""
    from models.persistence import load_model

    started = time.perf_counter()
    loaded = load_model(model_dir)
    corpus = load_corpus(corpus_path)
    docs, info = preprocess_corpus(corpus, loaded.meta["pipeline"]["requested"], progress=progress)
    stages, features = corpus.stages, corpus.feature_matrix
    stage_proba, feature_proba = loaded.model.predict_arrays(docs)
    feature_pred = (feature_proba >= loaded.model.feature_classifier_.thresholds_).astype(int)
    systems = {"innotag": {"stage": stage_metrics(stages, stage_proba.argmax(axis=1), stage_proba),
                           "features": feature_metrics(features, feature_pred, feature_proba)}}
    baselines = loaded.meta.get("baselines", {})
    X = model_inputs(docs)
    kw_stage = KeywordStageClassifier()
    kw_stage.classes_, kw_stage.fallback_ = np.arange(len(STAGE_IDS)), baselines.get("majority_stage", 1)
    kw_features = KeywordFeatureClassifier()
    systems["keywords"] = {"stage": stage_metrics(stages, kw_stage.predict(X), kw_stage.predict_proba(X)),
                           "features": feature_metrics(features, kw_features.predict(X), kw_features.predict_proba(X))}
    prior = np.tile(np.asarray(baselines.get("stage_prior", np.full(6, 1 / 6))), (len(docs), 1))
    prevalence = np.tile(np.asarray(baselines.get("feature_prevalence", np.zeros(6))), (len(docs), 1))
    systems["majority"] = {"stage": stage_metrics(stages, prior.argmax(axis=1), prior),
                           "features": feature_metrics(features, (prevalence >= 0.5).astype(int), prevalence)}
    return EvaluationResult("held-out", len(corpus), None, loaded.meta.get("seed"), info.route, systems,
                            round(time.perf_counter() - started, 1), model=str(model_dir))
