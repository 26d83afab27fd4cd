"""Evaluation: K-fold cross-validation on one corpus, or a trained model on a held-out corpus,
always beside the baselines (folds and out-of-fold scores: :mod:`.folds`)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.estimators.baselines import KeywordFeatureClassifier, KeywordStageClassifier
from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.corpus.records import Corpus
from innotag.models.corpus.validate import check_trainable
from innotag.models.estimators.features import model_inputs
from innotag.models.evaluation.metrics import feature_metrics, stage_metrics
from innotag.models.estimators.model import ModelConfig
from innotag.models.evaluation.bootstrap import bootstrap_intervals
from innotag.models.evaluation.folds import cross_validate_docs
from innotag.models.schema import STAGE_IDS
from innotag.nlp.pipeline import DEFAULT_PIPELINE
from innotag.models.errors import CorpusError

log = logging.getLogger("innotag")

@dataclass
class EvaluationResult:
    """Scores per system; ``mode`` is "cv" or "held-out".

    Held-out results also carry 95 % bootstrap ``intervals`` per system and score, scores
    ``by_genre`` when the documents name their genre, and the number of ``missing`` texts
    of a real-document set.
    """

    mode: str
    documents: int
    folds: int | None
    seed: int | None
    pipeline: str
    systems: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    model: str | None = None
    intervals: dict[str, dict] = field(default_factory=dict)
    by_genre: dict[str, dict] = field(default_factory=dict)
    missing: int = 0
    overlap: int = 0  # evaluated documents that were in the model's training corpus
    corpus: str = ""  # the evaluated corpus or real-document set
    where: dict[str, str] = field(default_factory=dict)  # the metadata the evaluated documents were selected by

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def evaluate_cv(corpus_path: str | Path, *, k: int = 5, pipeline: str = DEFAULT_PIPELINE,
                config: ModelConfig | None = None, n_jobs: int = 1, progress: bool = True) -> EvaluationResult:
    """K-fold cross-validation of innotag and the baselines on one corpus; ``config.seed`` sets the folds."""
    if k < 2:
        raise CorpusError("--cv needs at least 2 folds")
    started = time.perf_counter()
    corpus = load_corpus(corpus_path)
    if len(corpus) < 2 * k:
        raise CorpusError(f"{len(corpus)} documents are too few for {k}-fold cross-validation")
    config = config or ModelConfig()
    check_trainable(corpus, k, config)
    docs, info = preprocess_corpus(corpus, pipeline, progress=progress)
    log.info("cross-validating %d documents in %d folds", len(corpus), k)
    systems = cross_validate_docs(docs, corpus.stages, corpus.feature_matrix, config=config, k=k, n_jobs=n_jobs,
                                  evidence=corpus.evidence, groups=corpus.groups, progress=progress)
    return EvaluationResult("cv", len(corpus), k, config.seed, info.route, systems, round(time.perf_counter() - started, 1),
                            corpus=str(corpus_path))


# Scores given with bootstrap intervals (the others are reported as point values).
INTERVAL_SCORES = {"stage": ("accuracy", "macro_f1", "qwk", "within_one", "mae", "brier", "ece"),
                   "features": ("micro_f1", "macro_f1", "brier")}


def evaluate_heldout(corpus_path: str | Path, model_dir: str | Path, *, n_resamples: int = 1000, seed: int = 0,
                     where: dict[str, str] | None = None, progress: bool = True) -> EvaluationResult:
    """Score a trained model on a held-out corpus beside the keyword rules and the majority answer.

    The keyword rules fall back to the training corpus's most frequent stage; the majority
    system answers the evaluated set's most frequent stage and feature values, the floor a
    model must clear to be of any use there. ``where`` keeps only the documents whose
    metadata has all the given values (for example ``{"role": "held_out"}`` on corpus/real/).
    """
    from innotag.models.persistence.store import load_model

    started = time.perf_counter()
    corpus = select_documents(load_corpus(corpus_path), where or {})  # data errors before the model loads
    loaded = load_model(model_dir)
    docs, info = preprocess_corpus(corpus, loaded.pipeline, progress=progress)
    stages, features = corpus.stages, corpus.feature_matrix
    predictions = {"innotag": _model_predictions(loaded.model, docs)}
    X = model_inputs(docs)
    kw_stage = KeywordStageClassifier(fallback=loaded.meta.get("baselines", {}).get("majority_stage", 1)).fit(X)
    kw_features = KeywordFeatureClassifier().fit(X)
    predictions["keywords"] = (kw_stage.predict_proba(X), kw_features.predict_proba(X), kw_features.predict(X))
    prior = np.bincount(stages, minlength=len(STAGE_IDS)) / len(stages)
    prevalence = features.mean(axis=0)
    predictions["majority"] = (np.tile(prior, (len(docs), 1)), np.tile(prevalence, (len(docs), 1)),
                               np.tile((prevalence >= 0.5).astype(int), (len(docs), 1)))
    everyone = np.arange(len(docs))
    result = EvaluationResult("held-out", len(corpus), None, loaded.model.config.seed, info.route,
                              {name: score_predictions(stages, features, p, everyone) for name, p in predictions.items()},
                              model=str(model_dir), missing=len(corpus.missing), corpus=str(corpus_path),
                              where=dict(where or {}))
    trained_on = set(loaded.meta.get("corpus", {}).get("document_digests", []))
    result.overlap = sum(d in trained_on for d in corpus.document_digests())
    if result.overlap:
        log.warning("%d of the %d evaluated documents are in the model's training corpus: these scores are not "
                    "held-out; evaluate on documents the model has not seen", result.overlap, len(corpus))
    for name, p in predictions.items():
        result.intervals[name] = bootstrap_intervals(
            lambda idx, p=p: _flat(score_predictions(stages, features, p, idx)), len(docs),
            n_resamples=n_resamples, seed=seed)
    genres = np.array([e.meta.get("genre") or "" for e in corpus.examples])
    for genre in sorted(set(genres) - {""}):
        idx = np.flatnonzero(genres == genre)
        result.by_genre[genre] = {"documents": int(len(idx)), "systems": {
            name: _flat(score_predictions(stages, features, p, idx)) for name, p in predictions.items()}}
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def select_documents(corpus: Corpus, where: dict[str, str]) -> Corpus:
    """The documents whose metadata has every KEY=VALUE of ``where``; an error names the values that exist."""
    if not where:
        return corpus
    keep = [i for i, e in enumerate(corpus.examples) if all(str(e.meta.get(k)) == v for k, v in where.items())]
    if not keep:
        seen = {k: sorted({str(e.meta[k]) for e in corpus.examples if k in e.meta}) for k in where}
        raise CorpusError("no document matches " + ", ".join(f"{k}={v}" for k, v in where.items()) + "; "
                          + "; ".join(f"{k} takes {', '.join(vals) if vals else 'no value in this corpus'}"
                                      for k, vals in seen.items()))
    selected = corpus.subset(keep)
    selected.missing = corpus.missing
    return selected


def _model_predictions(model, docs):
    stage_proba, feature_proba = model.predict_arrays(docs)
    return stage_proba, feature_proba, (feature_proba >= model.feature_classifier_.thresholds_).astype(int)


def score_predictions(stages, features, predictions, idx) -> dict:
    """Stage and feature scores of one system's ``(stage_proba, feature_proba, feature_pred)`` on documents ``idx``."""
    stage_proba, feature_proba, feature_pred = (np.asarray(a)[idx] for a in predictions)
    return {"stage": stage_metrics(stages[idx], stage_proba.argmax(axis=1), stage_proba),
            "features": feature_metrics(features[idx], feature_pred, feature_proba)}


def _flat(scores: dict) -> dict[str, float]:
    return {f"{task}.{name}": scores[task][name] for task, names in INTERVAL_SCORES.items() for name in names}
