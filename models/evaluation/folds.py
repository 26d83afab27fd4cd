"""Cross-validation folds and out-of-fold scores of innotag beside the baselines.

Folds are stratified jointly on the stage and the six features with iterative
stratification (Sechidis et al. 2011), so the same folds serve both tasks; every system
(the model and both baselines) is trained and scored on the same folds. Documents of one
group (a document and its revisions to other stages, see ``Corpus.groups``) share a fold:
a revision scored against a model trained on its source would measure the pair, not the model.
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
# Scores also given per fold, so that their spread over folds can be reported.
FOLD_SCORES = (("stage", "macro_f1"), ("stage", "qwk"), ("stage", "accuracy"), ("features", "micro_f1"))


def _group_keys(groups) -> tuple[np.ndarray, np.ndarray]:
    """Each document's group number, numbered in order of first appearance, and each group's first document."""
    _, first, inverse = np.unique(np.asarray(groups, dtype=str), return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse], first[order]


def joint_folds(stages: np.ndarray, features: np.ndarray, k: int, seed: int,
                groups=None) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds stratified on stage and features together; documents with the same ``groups`` key share a fold.

    The first document of each group is stratified; the rest of the group follows it.
    """
    Y = np.hstack([np.eye(len(STAGE_IDS), dtype=int)[stages], features])
    # Without groups every document is its own group: the folds of plain stratification.
    keys, first = _group_keys(np.arange(len(stages)) if groups is None else groups)
    splitter = MultilabelStratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    fold_of_group = np.empty(len(first), dtype=int)
    for fold, (_, test) in enumerate(splitter.split(np.zeros(len(first)), Y[first])):
        fold_of_group[test] = fold
    fold_of = fold_of_group[keys]
    return [(np.flatnonzero(fold_of != fold), np.flatnonzero(fold_of == fold)) for fold in range(k)]


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
                        systems=SYSTEMS, evidence=None, groups=None, progress: bool = False) -> dict[str, dict]:
    """Out-of-fold predictions for every system, then one score per system on all documents.

    Each system's scores also hold ``per_fold``: the :data:`FOLD_SCORES` of each fold's test
    documents, in fold order. ``progress`` shows a bar over the folds (on a terminal only).
    """
    from tqdm import tqdm

    folds = joint_folds(stages, features, k, config.seed, groups)
    jobs = Parallel(n_jobs=n_jobs, return_as="generator_unordered")(
        delayed(_fit_score_fold)(docs, stages, features, train, test, config, evidence) for train, test in folds)
    by_test = {}
    for test, out in tqdm(jobs, total=k, desc="cross-validation", unit="fold", disable=None if progress else True,
                          leave=False):
        by_test[test.tobytes()] = out
    fold_results = [(test, by_test[test.tobytes()]) for _, test in folds]
    scores = {}
    for system in systems:
        stage_proba = np.zeros((len(docs), len(STAGE_IDS)))
        feature_proba = np.zeros(features.shape, dtype=float)
        feature_pred = np.zeros(features.shape, dtype=int)
        per_fold = {f"{task}.{name}": [] for task, name in FOLD_SCORES}
        for test, out in fold_results:
            stage_proba[test], feature_proba[test], feature_pred[test] = out[system]
            fold = {"stage": stage_metrics(stages[test], out[system][0].argmax(axis=1)),
                    "features": feature_metrics(features[test], out[system][2])}
            for task, name in FOLD_SCORES:
                per_fold[f"{task}.{name}"].append(fold[task][name])
        stage_pred = stage_proba.argmax(axis=1)
        scores[system] = {"stage": stage_metrics(stages, stage_pred, stage_proba),
                          "features": feature_metrics(features, feature_pred, feature_proba),
                          "per_fold": per_fold}
    return scores
