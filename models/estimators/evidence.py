"""Sentence-level evidence: which sentences report the effort itself, and which are background.

Real documents at every stage explain their setting (laws, national programmes, funders,
the county); a document-level model learns those words as stage evidence when the
training documents do not spread them evenly. The corpus therefore marks, per document,
the passages that carry the stage and each feature's evidence. From them a sentence
classifier learns P(evidence | sentence), and a document enters the stage or feature
model also as the evidence-weighted sum of its sentence vectors, so background sentences
count for little.
"""

from __future__ import annotations

import re

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def sentence_evidence(sentences: list[str], passages: list[str], min_overlap: float = 0.6) -> np.ndarray:
    """Boolean per sentence: does it lie in (or contain, or largely share words with) an evidence passage?

    Annotated passages are character spans of the raw text; the preprocessor's sentences
    may be cut slightly differently, hence the word-overlap rule.
    """
    marks = np.zeros(len(sentences), dtype=bool)
    if not passages:
        return marks
    normed = [_norm(p) for p in passages]
    words = [set(_WORD.findall(p)) for p in normed]
    for i, sentence in enumerate(sentences):
        s = _norm(sentence)
        s_words = set(_WORD.findall(s))
        for passage, p_words in zip(normed, words):
            if s and (s in passage or passage in s or (
                    s_words and len(s_words & p_words) / len(s_words | p_words) >= min_overlap)):
                marks[i] = True
                break
    return marks


def weighted_documents(S, owner: np.ndarray, weights: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """Rows: per document, the L2-normalised sum of its sentence rows of ``S`` times their weights."""
    pool = sp.csr_matrix((weights, (owner, np.arange(len(owner)))), shape=(n_docs, len(owner)))
    return normalize(pool @ S)
