"""Baselines that every score is reported beside: majority/prevalence and codebook keyword rules.

The keyword rules are deliberately transparent: the codebook's cue words
(:mod:`innotag.models.estimators.cues`) matched in the normalised lemma stream.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from innotag.models.estimators.cues import FEATURE_CUES, STAGE_CUES
from innotag.models.estimators.features import LEMMAS


def cue_hits(lemma_texts, cues) -> np.ndarray:
    """(n_documents, n_groups) counts of cue occurrences in space-separated lemma texts."""
    padded = [f" {text} " for text in lemma_texts]
    return np.array([[sum(doc.count(f" {cue} ") for cue in group) for group in cues] for doc in padded])


def _lemma_column(X):
    X = np.asarray(X, dtype=object)
    return X[:, LEMMAS] if X.ndim == 2 else X


class KeywordStageClassifier(ClassifierMixin, BaseEstimator):
    """The stage whose codebook cue words occur most; ties go to the later stage.

    A document with no cue gets ``fallback`` (a stage index), or, when that is None, the
    most frequent stage of the training labels.
    """

    def __init__(self, fallback: int | None = None):
        self.fallback = fallback

    def fit(self, X, y=None):
        self.classes_ = np.arange(len(STAGE_CUES))
        if self.fallback is not None:
            self.fallback_ = int(self.fallback)
        elif y is None:
            raise ValueError("give training labels y, or a fallback stage")
        else:
            self.fallback_ = int(np.bincount(np.asarray(y), minlength=len(STAGE_CUES)).argmax())
        return self

    def predict(self, X):
        hits = cue_hits(_lemma_column(X), STAGE_CUES)
        latest_best = hits.shape[1] - 1 - np.argmax(hits[:, ::-1], axis=1)
        return np.where(hits.max(axis=1) > 0, latest_best, self.fallback_)

    def predict_proba(self, X):
        return np.eye(len(STAGE_CUES))[self.predict(X)]


class KeywordFeatureClassifier(ClassifierMixin, BaseEstimator):
    """A feature is present when any of its codebook cue words occurs."""

    def fit(self, X, Y=None):
        """Nothing to learn: the rules are the codebook's."""
        self.n_labels_ = len(FEATURE_CUES)
        return self

    def predict(self, X):
        return (cue_hits(_lemma_column(X), FEATURE_CUES) > 0).astype(int)

    def predict_proba(self, X):
        return self.predict(X).astype(float)


class PrevalenceClassifier(ClassifierMixin, BaseEstimator):
    """Each label's training prevalence as its probability; present only when the prevalence is at least 0.5."""

    def fit(self, X, Y):
        self.prevalence_ = np.asarray(Y, dtype=float).mean(axis=0)
        return self

    def predict_proba(self, X):
        return np.tile(self.prevalence_, (len(X), 1))

    def predict(self, X):
        return (self.predict_proba(X) >= 0.5).astype(int)
