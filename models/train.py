"""Train the default model (or any model) from an annotated corpus and write a model directory."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from innotag.models.errors import CorpusError, check_can_write
from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.estimators.model import InnotagModel, ModelConfig
from innotag.models.schema import STAGE_IDS
from innotag.nlp.pipeline import DEFAULT_PIPELINE

log = logging.getLogger("innotag")

# Below this many documents a stage's calls and its cross-validated scores swing with a few documents.
MIN_RELIABLE_PER_STAGE = 30


@dataclass
class TrainResult:
    model_dir: Path
    meta: dict
    seconds: float


def train(corpus_path: str | Path, output: str | Path, *, pipeline: str = DEFAULT_PIPELINE,
          config: ModelConfig | None = None, cv_folds: int = 5, force: bool = False, n_jobs: int = 1,
          progress: bool = True) -> TrainResult:
    """Fit a model on the whole corpus and save it with its cross-validated scores.

    ``config`` (default: :class:`ModelConfig()`) holds every setting, the seed included. The
    scores in ``meta.json`` come from ``cv_folds``-fold cross-validation with the same
    configuration (0 skips it); they are never computed on the training data.
    """
    from innotag.models.evaluation.folds import cross_validate_docs
    from innotag.models.persistence.store import save_model

    started = time.perf_counter()
    check_can_write(output, force)
    corpus = load_corpus(corpus_path)
    docs, info = preprocess_corpus(corpus, pipeline, progress=progress)
    config = config or ModelConfig()
    stages, features = corpus.stages, corpus.feature_matrix
    if len(set(stages.tolist())) < 2:
        raise CorpusError("the corpus needs documents of at least two stages to train on")
    counts = np.bincount(stages, minlength=len(STAGE_IDS))
    for stage, count in zip(STAGE_IDS, counts):
        if count < MIN_RELIABLE_PER_STAGE:
            log.warning("stage %s has %d training documents; calls and cross-validated scores for it are "
                        "unreliable below about %d", stage, count, MIN_RELIABLE_PER_STAGE)
    scores = None
    if cv_folds:
        log.info("cross-validating (%d folds) for the scores stored with the model", cv_folds)
        scores = cross_validate_docs(docs, stages, features, config=config, k=cv_folds, n_jobs=n_jobs,
                                     evidence=corpus.evidence)
    log.info("fitting the model on %d documents", len(corpus))
    model = InnotagModel(config).fit(docs, stages, features, corpus.evidence)
    meta = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "pipeline": info.to_dict(),
        "config": config.to_dict(),
        "corpus": {"path": str(corpus_path), "documents": len(corpus), "sha256": corpus.sha256(),
                   "document_digests": sorted(corpus.document_digests()),
                   "stages": {s: int((stages == i).sum()) for i, s in enumerate(STAGE_IDS)}},
        "thresholds": model.thresholds,
        "cross_validation": {"folds": cv_folds, "scores": scores} if scores else None,
        "baselines": {"majority_stage": int(np.bincount(stages, minlength=len(STAGE_IDS)).argmax()),
                      "stage_prior": (np.bincount(stages, minlength=len(STAGE_IDS)) / len(stages)).tolist(),
                      "feature_prevalence": features.mean(axis=0).tolist()},
    }
    model_dir = save_model(model, meta, output, force=force)
    seconds = round(time.perf_counter() - started, 1)
    log.info("model written to %s in %.1f s", model_dir, seconds)
    return TrainResult(model_dir, meta, seconds)
