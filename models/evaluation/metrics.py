"""Scores for the ordinal stage label and the multi-label ecosystem features."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import (accuracy_score, cohen_kappa_score, confusion_matrix, f1_score,
                             precision_recall_fscore_support)

from innotag.models.schema import FEATURE_IDS, STAGE_IDS


def stage_metrics(y_true, y_pred, proba=None) -> dict:
    """Accuracy, macro-F1, MAE in stages, macro-averaged MAE, QWK, within-one accuracy, confusion."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = list(range(len(STAGE_IDS)))
    errors = np.abs(y_true - y_pred)
    per_class_mae = [float(errors[y_true == k].mean()) for k in labels if (y_true == k).any()]
    out = {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "mae": float(errors.mean()),
        "macro_mae": float(np.mean(per_class_mae)),
        "qwk": float(cohen_kappa_score(y_true, y_pred, labels=labels, weights="quadratic")),
        "within_one": float((errors <= 1).mean()),
        "per_stage_f1": dict(zip(STAGE_IDS, map(float, f1_score(y_true, y_pred, labels=labels, average=None,
                                                                zero_division=0)))),
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }
    if proba is not None:
        onehot = np.eye(len(STAGE_IDS))[y_true]
        out["brier"] = float(((np.asarray(proba) - onehot) ** 2).sum(axis=1).mean())
    return out


def feature_metrics(Y_true, Y_pred, proba=None) -> dict:
    """Precision, recall and F1 per feature, micro and macro F1, Brier score."""
    Y_true, Y_pred = np.asarray(Y_true), np.asarray(Y_pred)
    p, r, f, support = precision_recall_fscore_support(Y_true, Y_pred, average=None, zero_division=0)
    out = {
        "micro_f1": float(f1_score(Y_true, Y_pred, average="micro", zero_division=0)),
        "macro_f1": float(f1_score(Y_true, Y_pred, average="macro", zero_division=0)),
        "per_feature": {name: {"precision": float(p[j]), "recall": float(r[j]), "f1": float(f[j]),
                               "support": int(support[j])} for j, name in enumerate(FEATURE_IDS)},
        "ecosystem_score_mae": float(np.abs(Y_true.sum(axis=1) - Y_pred.sum(axis=1)).mean()),
    }
    if proba is not None:
        out["brier"] = float(((np.asarray(proba) - Y_true) ** 2).mean())
    return out
