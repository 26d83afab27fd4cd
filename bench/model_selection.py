"""Choose the model configuration by cross-validation (the defaults of innotag.models.estimators.model.ModelConfig).

    python bench/model_selection.py [--corpus corpus/] [--folds 5] [--seed 0] [--pipeline accurate]

Every configuration is scored on the same folds; prints one row per configuration.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.estimators.model import ModelConfig
from innotag.models.evaluation.folds import cross_validate_docs

CONFIGS = {
    "nominal, words": dict(stage_model="nominal", char_ngrams=False, cues=False),
    "ordinal, words": dict(stage_model="ordinal", char_ngrams=False, cues=False),
    "nominal, words+compounds": dict(stage_model="nominal", char_ngrams=False, compounds=True, cues=False),
    "nominal, words+chars": dict(stage_model="nominal", cues=False),
    "ordinal, words+chars": dict(stage_model="ordinal", cues=False),
    "nominal, words+chars+compounds": dict(stage_model="nominal", compounds=True, cues=False),
    "nominal, words+chars, logreg features": dict(stage_model="nominal", cues=False, feature_model="logreg"),
    "nominal, words+chars, C=1": dict(stage_model="nominal", cues=False, stage_c=1.0, feature_c=1.0),
    "nominal, words+chars, C=30": dict(stage_model="nominal", cues=False, stage_c=30.0, feature_c=30.0),
    "nominal, words+chars+cues (default)": dict(),
    "ordinal, words+chars+cues": dict(stage_model="ordinal"),
}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pipeline", default="accurate")
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="names of configurations to run")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.corpus)
    docs, info = preprocess_corpus(corpus, args.pipeline, progress=False)
    print(f"# model selection: {len(corpus)} documents, {args.folds}-fold CV, seed {args.seed}, "
          f"pipeline {info.route}, {platform.processor() or platform.machine()}")
    print("| configuration | stage macro-F1 | QWK | within-one | MAE | stage Brier | feature micro-F1 | "
          "feature macro-F1 | feature Brier | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, params in CONFIGS.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        config = ModelConfig(seed=args.seed, **params)
        scores = cross_validate_docs(docs, corpus.stages, corpus.feature_matrix, config=config, k=args.folds,
                                     n_jobs=args.n_jobs, systems=("innotag",))["innotag"]
        st, fe = scores["stage"], scores["features"]
        print(f"| {name} | {st['macro_f1']:.3f} | {st['qwk']:.3f} | {st['within_one']:.3f} | {st['mae']:.3f} | "
              f"{st['brier']:.3f} | {fe['micro_f1']:.3f} | {fe['macro_f1']:.3f} | {fe['brier']:.3f} | "
              f"{time.perf_counter() - started:.0f} |", flush=True)


if __name__ == "__main__":
    main()
