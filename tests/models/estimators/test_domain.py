import numpy as np
import scipy.sparse as sp

from innotag.models.estimators.domain import similarity, stage_centroids


def test_documents_like_a_stage_are_near_its_centroid_and_others_are_far():
    X = sp.csr_matrix(np.array([[1.0, 0, 0], [2.0, 0.1, 0], [0, 1.0, 0], [0, 2.0, 0.1]]))
    centroids = stage_centroids(X, np.array([0, 0, 1, 1]), 3)
    assert centroids.shape == (3, 3) and not centroids[2].any()
    near, far = similarity(sp.csr_matrix([[1.0, 0.05, 0]]), centroids), similarity(sp.csr_matrix([[0, 0, 1.0]]), centroids)
    assert near[0] > 0.95 and far[0] < 0.1
