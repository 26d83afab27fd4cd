import numpy as np

from innotag.models.evaluation.bootstrap import bootstrap_intervals


def test_interval_contains_the_score_and_narrows_with_more_data():
    rng = np.random.default_rng(0)

    def width(n):
        correct = rng.random(n) < 0.7
        interval = bootstrap_intervals(lambda idx: {"accuracy": correct[idx].mean()}, n, n_resamples=400)["accuracy"]
        assert interval[0] <= correct.mean() <= interval[1]
        return interval[1] - interval[0]

    assert width(2000) < width(100) / 2


def test_same_seed_same_interval():
    values = np.arange(50) % 3 == 0
    a = bootstrap_intervals(lambda idx: {"m": values[idx].mean()}, 50, n_resamples=200, seed=3)
    b = bootstrap_intervals(lambda idx: {"m": values[idx].mean()}, 50, n_resamples=200, seed=3)
    assert a == b
