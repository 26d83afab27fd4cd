"""Percentile bootstrap intervals for scores on a held-out set.

Documents are resampled with replacement and every score is recomputed on each resample;
the interval is the middle ``level`` share of those scores. With a few hundred documents
the intervals are wide, which is the honest message.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def bootstrap_intervals(score: Callable[[np.ndarray], dict[str, float]], n_items: int, *, n_resamples: int = 1000,
                        level: float = 0.95, seed: int = 0) -> dict[str, list[float]]:
    """``{name: [low, high]}`` for every score that ``score(indices)`` returns."""
    rng = np.random.default_rng(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(n_resamples):
        for name, value in score(rng.integers(0, n_items, n_items)).items():
            samples.setdefault(name, []).append(value)
    tail = (1 - level) / 2 * 100
    return {name: [round(float(np.nanpercentile(values, tail)), 4), round(float(np.nanpercentile(values, 100 - tail)), 4)]
            for name, values in samples.items()}
