"""Stage probabilities for real documents: the real stage prior and a softening temperature.

The corpus is balanced by design (about one sixth per stage), so a model trained on it
answers as if every stage were equally common. Real documents are not: most report plans
and pilots. By Bayes' rule the probabilities move to another prior by multiplying with the
ratio of the priors and renormalising (Saerens et al. 2002). A temperature above 1 then
softens probabilities that the corpus made too sure of themselves.
"""

from __future__ import annotations

import numpy as np


def adjust(proba: np.ndarray, train_prior, target_prior=None, temperature: float = 1.0) -> np.ndarray:
    """Rows of ``proba`` softened by ``temperature`` and moved from ``train_prior`` to ``target_prior``."""
    proba = np.clip(np.asarray(proba, dtype=float), 1e-12, None)
    if temperature != 1.0:
        proba = proba ** (1.0 / temperature)
        proba /= proba.sum(axis=1, keepdims=True)
    if target_prior is not None:
        proba = proba * (np.asarray(target_prior, dtype=float) / np.asarray(train_prior, dtype=float))
    return proba / proba.sum(axis=1, keepdims=True)
