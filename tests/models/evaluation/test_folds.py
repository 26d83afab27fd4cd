import numpy as np

from innotag.models.corpus.load import load_corpus
from innotag.models.evaluation.folds import joint_folds


def test_joint_folds_cover_each_document_once_and_keep_stages_balanced(small_corpus):
    corpus = load_corpus(small_corpus)
    folds = joint_folds(corpus.stages, corpus.feature_matrix, 3, seed=0)
    test_ids = np.concatenate([test for _, test in folds])
    assert sorted(test_ids.tolist()) == list(range(len(corpus)))
    for _, test in folds:
        assert np.bincount(corpus.stages[test], minlength=6).min() >= 3
    again = joint_folds(corpus.stages, corpus.feature_matrix, 3, seed=0)
    assert all((a[1] == b[1]).all() for a, b in zip(folds, again))
