"""Cross-validation folds and out-of-fold scores of innotag beside the baselines.

Folds are stratified jointly on the stage and the six features with iterative
stratification (Sechidis et al. 2011), so the same folds serve both tasks; every system
(the model and both baselines) is trained and scored on the same folds.
"""

from __future__ import annotations

import numpy as np
from iterstrat.ml_stratifiers import MultilabelStratifiedKFold
from joblib import Parallel, delayed
from sklearn.dummy import DummyClassifier

from innotag.models.estimators.baselines import KeywordFeatureClassifier, KeywordStageClassifier, PrevalenceClassifier
from innotag.models.estimators.features import model_inputs
from innotag.models.estimators.model import InnotagModel, ModelConfig
from innotag.models.evaluation.metrics import feature_metrics, stage_metrics
from innotag.models.schema import STAGE_IDS

SYSTEMS = ("innotag", "keywords", "majority")


def joint_folds(stages: np.ndarray, features: np.ndarray, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds stratified on stage and features together."""
    Y = np.hstack([np.eye(len(STAGE_IDS), dtype=int)[stages], features])
    splitter = MultilabelStratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(stages)), Y))


def _fit_score_fold(docs, stages, features, train, test, config: ModelConfig, evidence=None):
    train_docs = [docs[i] for i in train]
    test_docs = [docs[i] for i in test]
    train_evidence = [evidence[i] for i in train] if evidence else None
    model = InnotagModel(config).fit(train_docs, stages[train], features[train], train_evidence)
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
                        systems=SYSTEMS, evidence=None) -> dict[str, dict]:
    """Out-of-fold predictions for every system, then one score per system on all documents."""
    folds = joint_folds(stages, features, k, config.seed)
    fold_results = Parallel(n_jobs=n_jobs)(
        delayed(_fit_score_fold)(docs, stages, features, train, test, config, evidence) for train, test in folds)
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
