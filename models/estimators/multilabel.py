"""Multi-label classification: one calibrated classifier and one tuned threshold per label.

scikit-learn's ``OneVsRestClassifier`` thresholds every label at 0.5 and ignores tuned
thresholds (scikit-learn#30036), so this estimator keeps its own. For each label, the
base classifier's decision scores are predicted out of fold on the training data; a
sigmoid (Platt) calibration is fitted on those scores, and the decision threshold that
maximises F1 on the calibrated out-of-fold probabilities is stored in ``thresholds_``:
the very values ``predict`` applies. One pass of K fits serves both, so calibration does
not multiply the training cost.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.utils.multiclass import type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data


def best_f1_threshold(y_true: np.ndarray, proba: np.ndarray) -> float:
    """Threshold on ``proba`` with the highest F1: the midpoint below the best cut."""
    order = np.argsort(-proba, kind="stable")
    sorted_proba, sorted_true = proba[order], y_true[order]
    positives = sorted_true.sum()
    if positives == 0:
        return 1.0
    tp = np.cumsum(sorted_true)
    f1 = 2 * tp / (np.arange(1, len(proba) + 1) + positives)
    valid = np.append(sorted_proba[1:] < sorted_proba[:-1], True)  # cut only where the score changes
    best = int(np.argmax(np.where(valid, f1, -1)))
    below = sorted_proba[best + 1] if best + 1 < len(sorted_proba) else 0.0
    return float((sorted_proba[best] + below) / 2)


def platt_scaling(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a sigmoid mapping decision scores to probabilities."""
    lr = LogisticRegression(C=1e4, max_iter=1000).fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


class ThresholdedMultiLabelClassifier(ClassifierMixin, BaseEstimator):
    """One clone of ``estimator`` per label, Platt-calibrated, with a tuned threshold per label.

    Parameters
    ----------
    estimator : classifier with ``decision_function``, default LogisticRegression
    cv : int
        Folds for the out-of-fold scores that calibration and thresholds are fitted on.
    random_state : int or None
        Seeds the fold split.
    """

    def __init__(self, estimator=None, cv: int = 5, random_state=None):
        self.estimator = estimator
        self.cv = cv
        self.random_state = random_state

    def fit(self, X, Y):
        X, Y = validate_data(self, X, Y, accept_sparse="csr", multi_output=True)
        if Y.ndim != 2 or not np.isin(Y, (0, 1)).all():
            raise ValueError(f"Unknown label type: {type_of_target(Y)}; Y must be a 2-D 0/1 indicator matrix "
                             "(n_samples, n_labels)")
        Y = Y.astype(int)
        base = self.estimator if self.estimator is not None else LogisticRegression(max_iter=2000)
        self.estimators_, calibration, thresholds = [], [], []
        for j in range(Y.shape[1]):
            y = Y[:, j]
            minority = int(min(y.sum(), len(y) - y.sum()))
            if minority < 2:
                raise ValueError(f"label {j} needs at least two positive and two negative examples")
            folds = StratifiedKFold(n_splits=min(self.cv, minority), shuffle=True, random_state=self.random_state)
            scores = cross_val_predict(clone(base), X, y, cv=folds, method="decision_function")
            slope, intercept = platt_scaling(scores, y)
            calibration.append((slope, intercept))
            thresholds.append(best_f1_threshold(y, expit(slope * scores + intercept)))
            self.estimators_.append(clone(base).fit(X, y))
        self.calibration_ = np.array(calibration)
        self.thresholds_ = np.array(thresholds)
        self.n_labels_ = Y.shape[1]
        return self

    def predict_proba(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        scores = np.column_stack([est.decision_function(X) for est in self.estimators_])
        return expit(scores * self.calibration_[:, 0] + self.calibration_[:, 1])

    def predict(self, X):
        return (self.predict_proba(X) >= self.thresholds_).astype(int)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.target_tags.single_output = False
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_label = True
        return tags
