import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier

from innotag.models.estimators.multilabel import ThresholdedMultiLabelClassifier, best_f1_threshold


@pytest.mark.parametrize("seed", range(5))
def test_best_threshold_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 60)
    proba = np.clip(y * 0.3 + rng.random(60) * 0.7, 0, 1)
    threshold = best_f1_threshold(y, proba)
    brute = max(f1_score(y, proba >= t) for t in np.unique(proba))
    assert f1_score(y, proba >= threshold) == pytest.approx(brute)


def multilabel_data(n=240, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 5))
    Y = np.column_stack([(X[:, 0] > 0.8), (X[:, 1] + X[:, 2] > 0), (X[:, 3] > -0.5)]).astype(int)
    return X, Y


def test_predict_applies_the_stored_thresholds():
    X, Y = multilabel_data()
    model = ThresholdedMultiLabelClassifier(LogisticRegression(), cv=4, random_state=0).fit(X, Y)
    assert model.thresholds_.shape == (3,) and model.calibration_.shape == (3, 2)
    assert (model.predict(X) == (model.predict_proba(X) >= model.thresholds_)).all()
    model.thresholds_ = np.array([0.0, 1.01, 0.5])
    predicted = model.predict(X)
    assert predicted[:, 0].all() and not predicted[:, 1].any()


def test_tuned_thresholds_beat_a_fixed_half_on_a_rare_label():
    X, Y = multilabel_data(seed=1)
    rare = Y[:, :1]
    tuned = ThresholdedMultiLabelClassifier(LogisticRegression(C=0.05), cv=4, random_state=0).fit(X, rare)
    fixed = OneVsRestClassifier(LogisticRegression(C=0.05)).fit(X, np.hstack([rare, 1 - rare]))
    X_new, Y_new = multilabel_data(seed=2)
    assert f1_score(Y_new[:, 0], tuned.predict(X_new)[:, 0]) >= f1_score(Y_new[:, 0], fixed.predict(X_new)[:, 0])


def test_same_seed_same_thresholds():
    X, Y = multilabel_data()
    a = ThresholdedMultiLabelClassifier(LogisticRegression(), random_state=3).fit(X, Y)
    b = ThresholdedMultiLabelClassifier(LogisticRegression(), random_state=3).fit(X, Y)
    assert (a.thresholds_ == b.thresholds_).all()
