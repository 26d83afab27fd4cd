import numpy as np
import scipy.sparse as sp

from innotag.models.estimators.evidence import sentence_evidence, weighted_documents


def test_sentences_inside_or_around_a_passage_are_evidence():
    sentences = ["Laki velvoittaa kunnat.", "Mallia kokeiltiin kahdessa koulussa syksyllä.",
                 "Kokeilu jatkuu", "Yhteystiedot"]
    marks = sentence_evidence(sentences, ["Mallia  kokeiltiin kahdessa\nkoulussa syksyllä. Kokeilu jatkuu keväällä."])
    assert marks.tolist() == [False, True, True, False]
    assert not sentence_evidence(sentences, []).any()


def test_word_overlap_catches_differently_cut_sentences():
    marks = sentence_evidence(["Toimintamalli otettiin käyttöön kolmessa kunnassa vuonna 2024"],
                              ["Vuonna 2024 toimintamalli otettiin käyttöön kolmessa kunnassa."])
    assert marks.tolist() == [True]


def test_weighted_documents_pool_sentences_of_each_document():
    S = sp.csr_matrix(np.array([[1.0, 0], [0, 1.0], [0, 1.0]]))
    owner = np.array([0, 0, 1])
    X = weighted_documents(S, owner, np.array([1.0, 0.0, 0.5]), 2).toarray()
    np.testing.assert_allclose(X, [[1.0, 0.0], [0.0, 1.0]])
