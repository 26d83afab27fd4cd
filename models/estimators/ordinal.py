"""Ordinal classification for the six ordered stages (Frank & Hall, 2001).

K-1 binary classifiers estimate P(stage > k); the stage probabilities are their
differences. Unlike a nominal classifier this uses the order: a document that looks
"beyond piloting" pushes all lower thresholds together.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data


class FrankHallClassifier(ClassifierMixin, BaseEstimator):
    """Ordinal classifier from binary "y > k" estimators.

    Parameters
    ----------
    estimator : classifier with ``predict_proba``, default LogisticRegression
        Cloned once per threshold.
    """

    def __init__(self, estimator=None):
        self.estimator = estimator

    def fit(self, X, y):
        X, y = validate_data(self, X, y, accept_sparse="csr")
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError(f"FrankHallClassifier needs at least two classes; got {len(self.classes_)} class")
        base = self.estimator if self.estimator is not None else LogisticRegression(max_iter=2000)
        self.estimators_ = [clone(base).fit(X, (y > k).astype(int)) for k in self.classes_[:-1]]
        return self

    def predict_proba(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        beyond = np.column_stack([est.predict_proba(X)[:, 1] for est in self.estimators_])
        beyond = np.minimum.accumulate(beyond, axis=1)  # P(y > k) must not grow with k
        upper = np.hstack([np.ones((beyond.shape[0], 1)), beyond])
        lower = np.hstack([beyond, np.zeros((beyond.shape[0], 1))])
        proba = np.clip(upper - lower, 0.0, None)
        return proba / proba.sum(axis=1, keepdims=True)

    def predict(self, X):
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def direction(self, k: int) -> np.ndarray:
        """Coefficients that move a document towards class index ``k``: w(>k-1) - w(>k)."""
        coefs = [est.coef_.ravel() for est in self.estimators_]
        towards = coefs[k - 1] if k > 0 else np.zeros_like(coefs[0])
        away = coefs[k] if k < len(coefs) else np.zeros_like(coefs[0])
        return towards - away

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags
