import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from innotag.models.estimators.ordinal import FrankHallClassifier


def ordinal_data(n=300, seed=0):
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 1)) * 2
    X = np.hstack([latent + rng.normal(scale=0.5, size=(n, 1)), rng.normal(size=(n, 3))])
    y = np.digitize(latent.ravel(), [-2, -1, 0, 1, 2])
    return X, y


def test_probabilities_are_a_distribution_over_all_classes():
    X, y = ordinal_data()
    model = FrankHallClassifier(LogisticRegression()).fit(X, y)
    proba = model.predict_proba(X)
    assert proba.shape == (len(X), 6)
    assert np.allclose(proba.sum(axis=1), 1) and (proba >= 0).all()
    assert (model.predict(X) == model.classes_[proba.argmax(axis=1)]).all()


def test_learns_the_order():
    X, y = ordinal_data()
    model = FrankHallClassifier(LogisticRegression()).fit(X, y)
    assert np.abs(model.predict(X) - y).mean() < 0.6
    low, high = model.predict_proba(np.array([[-4, 0, 0, 0], [4, 0, 0, 0]]))
    assert low.argmax() == 0 and high.argmax() == 5


def test_follows_scikit_learn_conventions():
    X, y = ordinal_data()
    model = FrankHallClassifier(LogisticRegression(C=0.5))
    assert clone(model).get_params()["estimator__C"] == 0.5
    assert not hasattr(model, "estimators_")
    assert model.fit(X, y) is model
    assert cross_val_score(FrankHallClassifier(), X, y, cv=3).mean() > 0.4


def test_direction_points_towards_the_class():
    X, y = ordinal_data()
    model = FrankHallClassifier(LogisticRegression()).fit(X, y)
    assert model.direction(5)[0] > 0 and model.direction(0)[0] < 0
