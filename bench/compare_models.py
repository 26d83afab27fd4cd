"""Compare trained models on the same real documents, with paired bootstrap intervals of the differences.

    python bench/compare_models.py MODEL_A MODEL_B [MODEL ...] [--real corpus/real] [--where role=held_out]

Every model tags the same documents of a real-document set (only those whose metadata
matches every ``--where KEY=VALUE``); the first model is the reference. For each other model
it prints stage QWK, accuracy and within-one and feature micro-F1, and the difference from
the reference with a 95 % interval from resampling the documents (the same resamples for
every score and model), so that "B is better than A" can be told from noise. A model
trained with the part of the corpus modelled on real pages must be compared on
``--where role=held_out``: the template pages are not held out from it.
"""

from __future__ import annotations

import argparse

import numpy as np

from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.evaluation.evaluate import select_documents
from innotag.models.evaluation.metrics import feature_metrics, stage_metrics
from innotag.models.persistence.store import load_model

SCORES = ("stage QWK", "accuracy", "within-one", "feature micro-F1")


def scores(stages, features, stage_pred, feature_pred, idx) -> np.ndarray:
    stage = stage_metrics(stages[idx], stage_pred[idx], None)
    return np.array([stage["qwk"], stage["accuracy"], stage["within_one"],
                     feature_metrics(features[idx], feature_pred[idx], None)["micro_f1"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="+", help="model directories; the first is the reference")
    parser.add_argument("--real", default="corpus/real")
    parser.add_argument("--where", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    where = dict(item.split("=", 1) for item in args.where)
    corpus = select_documents(load_corpus(args.real), where)
    stages, features = corpus.stages, corpus.feature_matrix
    calls, docs_by_pipeline = [], {}
    for path in args.models:
        loaded = load_model(path)
        if loaded.pipeline not in docs_by_pipeline:
            docs_by_pipeline[loaded.pipeline] = preprocess_corpus(corpus, loaded.pipeline, progress=False)[0]
        stage_proba, feature_proba = loaded.model.predict_arrays(docs_by_pipeline[loaded.pipeline])
        calls.append((stage_proba.argmax(axis=1),
                      (feature_proba >= loaded.model.feature_classifier_.thresholds_).astype(int)))
    everyone = np.arange(len(stages))
    rng = np.random.default_rng(args.seed)
    resamples = [rng.integers(0, len(stages), len(stages)) for _ in range(args.resamples)]
    selection = ", ".join(f"{k}={v}" for k, v in where.items()) or "all"
    print(f"{len(stages)} documents of {args.real} ({selection}); {args.resamples} paired resamples\n")
    print("| model | " + " | ".join(SCORES) + " |")
    print("|---|" + "---|" * len(SCORES))
    reference = scores(stages, features, *calls[0], everyone)
    reference_resampled = np.array([scores(stages, features, *calls[0], idx) for idx in resamples])
    for number, (path, call) in enumerate(zip(args.models, calls)):
        own = scores(stages, features, *call, everyone)
        cells = [f"{v:.3f}" for v in own]
        if number:
            diffs = np.array([scores(stages, features, *call, idx) for idx in resamples]) - reference_resampled
            low, high = np.nanpercentile(diffs, [2.5, 97.5], axis=0)
            change = own - reference
            cells = [f"{v:.3f} ({d:+.3f} [{lo:+.2f}, {hi:+.2f}])" for v, d, lo, hi in zip(own, change, low, high)]
        print(f"| {path} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
