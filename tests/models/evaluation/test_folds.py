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


def test_a_document_and_its_revisions_share_a_fold(small_corpus):
    corpus = load_corpus(small_corpus)
    plain = joint_folds(corpus.stages, corpus.feature_matrix, 3, seed=0)
    alone = joint_folds(corpus.stages, corpus.feature_matrix, 3, seed=0, groups=corpus.groups)
    assert all((a[1] == b[1]).all() for a, b in zip(plain, alone))  # no revisions: the same folds
    groups = list(corpus.groups)
    groups[1] = groups[2] = groups[40] = groups[0]  # three revisions of the first document
    folds = joint_folds(corpus.stages, corpus.feature_matrix, 3, seed=0, groups=groups)
    assert sorted(np.concatenate([test for _, test in folds]).tolist()) == list(range(len(corpus)))
    assert sum({0, 1, 2, 40} <= set(test.tolist()) for _, test in folds) == 1
