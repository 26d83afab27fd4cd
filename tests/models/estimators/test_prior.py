import numpy as np

from innotag.models.estimators.prior import adjust


def test_prior_shift_moves_probability_towards_common_stages_and_keeps_rows_normalised():
    proba = np.array([[0.5, 0.5], [0.9, 0.1]])
    shifted = adjust(proba, [0.5, 0.5], [0.2, 0.8])
    np.testing.assert_allclose(shifted.sum(axis=1), 1)
    np.testing.assert_allclose(shifted[0], [0.2, 0.8])
    assert shifted[1, 1] > proba[1, 1]


def test_same_prior_and_unit_temperature_change_nothing():
    proba = np.array([[0.2, 0.3, 0.5]])
    np.testing.assert_allclose(adjust(proba, [1 / 3] * 3, [1 / 3] * 3), proba)
    np.testing.assert_allclose(adjust(proba, [1 / 3] * 3), proba)


def test_temperature_softens_but_keeps_the_order():
    proba = np.array([[0.1, 0.2, 0.7]])
    soft = adjust(proba, [1 / 3] * 3, temperature=2.0)
    assert soft[0, 2] < 0.7 and np.argsort(soft[0]).tolist() == [0, 1, 2]
