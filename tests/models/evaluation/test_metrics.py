import numpy as np
import pytest

from innotag.models.evaluation.metrics import feature_metrics, stage_metrics


def test_stage_metrics_on_a_known_case():
    y_true = np.array([0, 1, 2, 3, 4, 5])
    y_pred = np.array([0, 1, 2, 3, 5, 3])
    m = stage_metrics(y_true, y_pred)
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["mae"] == pytest.approx(3 / 6)
    assert m["within_one"] == pytest.approx(5 / 6)
    assert m["macro_mae"] == pytest.approx(3 / 6)
    assert m["confusion"][5][3] == 1 and 0 < m["qwk"] < 1


def test_macro_mae_weights_stages_equally():
    y_true = np.array([0, 0, 0, 0, 5])
    m = stage_metrics(y_true, np.array([0, 0, 0, 0, 0]))
    assert m["mae"] == pytest.approx(1.0) and m["macro_mae"] == pytest.approx(2.5)


def test_feature_metrics():
    Y = np.array([[1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0]])
    P = np.array([[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 1]])
    m = feature_metrics(Y, P, P.astype(float))
    assert m["micro_f1"] == pytest.approx(2 * 2 / (3 + 3))
    assert m["per_feature"]["yhteinen_visio"]["recall"] == 0.5
    assert m["brier"] == pytest.approx(2 / 12)


def test_reliability_bins_and_calibration_error():
    from innotag.models.evaluation.metrics import reliability

    bins = reliability([0.95, 0.95, 0.55, 0.55], [True, False, True, True])
    assert [(b["n"], b["accuracy"]) for b in bins] == [(2, 1.0), (2, 0.5)]
    proba = np.eye(6)[[0, 1, 2, 3]] * 0.9 + 0.1 / 6
    scores = stage_metrics([0, 1, 2, 3], [0, 1, 2, 0], proba)
    assert 0 < scores["ece"] < 1 and sum(b["n"] for b in scores["reliability"]) == 4
