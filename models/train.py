"""Train the default model (or any model) from an annotated corpus and write a model directory."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.corpus.records import Corpus
from innotag.models.corpus.validate import check_trainable
from innotag.models.errors import check_can_write
from innotag.models.estimators.model import InnotagModel, ModelConfig
from innotag.models.schema import STAGE_IDS
from innotag.nlp.pipeline import DEFAULT_PIPELINE

log = logging.getLogger("innotag")

# innotag's own annotated corpus, where the source tree is installed (an editable install or a checkout).
OWN_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


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
    configuration (0 skips it), pooled over the folds and per fold; they are never computed
    on the training data.
    """
    from innotag.models.evaluation.folds import cross_validate_docs
    from innotag.models.persistence.store import save_model

    started = time.perf_counter()
    check_can_write(output, force)
    corpus = load_corpus(corpus_path)
    config = config or ModelConfig()
    stats = check_trainable(corpus, cv_folds, config)
    docs, info = preprocess_corpus(corpus, pipeline, progress=progress)
    stages, features = corpus.stages, corpus.feature_matrix
    scores = None
    if cv_folds:
        log.info("cross-validating (%d folds) for the scores stored with the model", cv_folds)
        scores = cross_validate_docs(docs, stages, features, config=config, k=cv_folds, n_jobs=n_jobs,
                                     evidence=corpus.evidence, groups=corpus.groups, progress=progress)
    log.info("fitting the model on all %d documents", len(corpus))
    model = InnotagModel(config).fit(docs, stages, features, corpus.evidence)
    meta = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "pipeline": info.to_dict(),
        "config": config.to_dict(),
        "corpus": corpus_description(corpus_path, corpus, stats),
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


def corpus_description(corpus_path: str | Path, corpus: Corpus, stats: dict) -> dict:
    """What the model card and ``evaluate`` need to know of the training corpus.

    ``own_corpus`` compares it with innotag's own corpus (None where that is not installed):
    whether the files are the same, and how many of the documents are among its documents.
    """
    digests = corpus.document_digests()
    own = None
    if OWN_CORPUS.is_dir():
        reference = load_corpus(OWN_CORPUS)
        known = set(reference.document_digests())
        own = {"identical": reference.sha256() == corpus.sha256(), "documents": sum(d in known for d in digests),
               "of": len(reference)}
    return {"path": str(corpus_path), "name": Path(corpus_path).resolve().name, "documents": len(corpus),
            "sha256": corpus.sha256(), "document_digests": sorted(digests), "stages": stats["stages"],
            "features": stats["features"], "own_corpus": own}
