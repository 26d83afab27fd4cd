"""Scores for the ordinal stage label and the multi-label ecosystem features."""

from __future__ import annotations

import warnings

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
        "qwk": _kappa(y_true, y_pred, labels),
        "within_one": float((errors <= 1).mean()),
        "per_stage_f1": dict(zip(STAGE_IDS, map(float, f1_score(y_true, y_pred, labels=labels, average=None,
                                                                zero_division=0)))),
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }
    if proba is not None:
        proba = np.asarray(proba)
        onehot = np.eye(len(STAGE_IDS))[y_true]
        out["brier"] = float(((proba - onehot) ** 2).sum(axis=1).mean())
        out["reliability"] = reliability(proba.max(axis=1), y_pred == y_true)
        out["ece"] = float(sum(b["n"] * abs(b["confidence"] - b["accuracy"]) for b in out["reliability"]) / len(y_true))
    return out


def reliability(confidence, correct, bins: int = 10) -> list[dict]:
    """Per confidence bin: how many calls, their mean probability and how many were right.

    Well-calibrated calls are right as often as their probability says: a 0.9 call about
    nine times in ten. ``ece`` above weighs each bin's gap by its share of the calls.
    """
    confidence, correct = np.asarray(confidence, dtype=float), np.asarray(correct, dtype=bool)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    return [{"low": float(edges[b]), "high": float(edges[b + 1]), "n": int((which == b).sum()),
             "confidence": float(confidence[which == b].mean()), "accuracy": float(correct[which == b].mean())}
            for b in range(bins) if (which == b).any()]


def _kappa(y_true, y_pred, labels) -> float:
    """Quadratic weighted kappa; 0 (no agreement beyond chance) where it is undefined, e.g. a single class."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(y_true, y_pred, labels=labels, weights="quadratic")
    return float(value) if np.isfinite(value) else 0.0


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


def fold_spread(values) -> dict[str, float]:
    """Mean, standard deviation (over folds, n-1) and range of one score's per-fold values."""
    values = np.asarray(values, dtype=float)
    return {"mean": float(values.mean()), "sd": float(values.std(ddof=1)) if len(values) > 1 else 0.0,
            "min": float(values.min()), "max": float(values.max())}
