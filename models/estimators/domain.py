"""How far a document is from the training corpus: the ``out_of_domain`` flag.

Each stage's training documents give a centroid of their (L2-normalised) lemma TF-IDF
vectors; a document's similarity to the corpus is its cosine to the nearest centroid. A
document less similar than nearly all training documents (the ``percentile``-th
percentile) is flagged: its labels are given, but the corpus had little like it.
"""

from __future__ import annotations

import numpy as np
from sklearn.preprocessing import normalize


def stage_centroids(X, stages, n_stages: int) -> np.ndarray:
    """(n_stages, n_terms) unit-length mean vectors; a stage without documents gets zeros."""
    X = normalize(X)
    rows = [np.asarray(X[stages == k].mean(axis=0)).ravel() if (stages == k).any() else np.zeros(X.shape[1])
            for k in range(n_stages)]
    return normalize(np.vstack(rows))


def similarity(X, centroids: np.ndarray) -> np.ndarray:
    """Cosine of each row of ``X`` to its nearest centroid."""
    return np.asarray((normalize(X) @ centroids.T).max(axis=1)).ravel()
