"""Choose the model configuration on real documents, with corpus cross-validation beside it.

    python bench/model_selection.py [--corpus corpus/] [--real corpus/real] [--folds 5] [--seed 0]

For every configuration: a model trained on the whole corpus scored on the real
development set (the texts present under corpus/real/texts; never used for training),
and K-fold cross-validation on the corpus. Each configuration is also scored with its
stage probabilities moved to the real stage prior (and softened by a temperature), where
each document's prior and temperature come from the other folds of the development set. The real-set scores decide; corpus CV is an
upper bound that only shows that the corpus is still learnt. Prints one Markdown row per
configuration.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.corpus.records import Corpus
from innotag.models.estimators.model import InnotagModel, ModelConfig
from innotag.models.estimators.prior import adjust
from innotag.models.evaluation.bootstrap import bootstrap_intervals
from innotag.models.evaluation.evaluate import score_predictions
from innotag.models.evaluation.folds import cross_validate_docs

# Stage probabilities as learnt from the balanced corpus (the prior and temperature are
# applied afterwards, cross-fitted on the development set), and no tense profile.
V1 = dict(stage_model="nominal", stage_prior=None, stage_temperature=1.0, tense_profile=False)
CONFIGS = {
    "document-level (v1 default)": dict(V1),
    "no character n-grams": dict(V1, char_ngrams=False),
    "C=0.3": dict(V1, stage_c=0.3, feature_c=0.3),
    "C=1": dict(V1, stage_c=1.0, feature_c=1.0),
    "verb tense block": dict(V1, verb_tense=True),
    "tense profile": dict(V1, tense_profile=True),
    "ordinal": dict(V1, stage_model="ordinal"),
    "ordinal, tense profile (v2 default)": dict(V1, stage_model="ordinal", tense_profile=True),
    "ordinal, tense profile, verb tense block": dict(V1, stage_model="ordinal", tense_profile=True, verb_tense=True),
    "evidence stage 0.5": dict(V1, evidence_mix_stage=0.5),
    "evidence stage 0.8": dict(V1, evidence_mix_stage=0.8),
    "evidence stage 0.8, features 0.8": dict(V1, evidence_mix_stage=0.8, evidence_mix_features=0.8),
    "evidence 0.8/0.8, ordinal, tense profile": dict(V1, evidence_mix_stage=0.8, evidence_mix_features=0.8,
                                                     stage_model="ordinal", tense_profile=True),
}


def load(paths) -> Corpus:
    parts = [load_corpus(p) for p in paths]
    return Corpus([e for c in parts for e in c.examples], [f for c in parts for f in c.files])


TEMPERATURES = (1.0, 1.5, 2.0, 3.0, 4.0)


def cross_fitted_adjustment(stage_proba, train_prior, stages, temperature: bool, seed: int, k: int = 5):
    """Stage probabilities moved to the real prior (and softened), each fold's prior and temperature
    estimated on the other folds of the development set only, so no document informs its own score."""
    out = np.zeros_like(stage_proba)
    folds = np.random.default_rng(seed).permutation(len(stages)) % k
    for fold in range(k):
        rest, here = folds != fold, folds == fold
        prior = (np.bincount(stages[rest], minlength=stage_proba.shape[1]) + 1) / (rest.sum() + stage_proba.shape[1])
        best = 1.0
        if temperature:
            onehot = np.eye(stage_proba.shape[1])[stages[rest]]
            best = min(TEMPERATURES, key=lambda t: ((adjust(stage_proba[rest], train_prior, prior, t) - onehot) ** 2)
                       .sum(axis=1).mean())
        out[here] = adjust(stage_proba[here], train_prior, prior, best)
    return out


def real_rows(model, docs, corpus, seed):
    """(label, scores, QWK interval) for the model as trained and with the cross-fitted real prior (and temperature)."""
    raw, feature_proba = model.predict_arrays(docs)
    stages, features = corpus.stages, corpus.feature_matrix
    feature_pred = (feature_proba >= model.feature_classifier_.thresholds_).astype(int)
    rows = []
    for label, stage_proba in (("", raw),
                               (" + real prior", cross_fitted_adjustment(raw, model.stage_train_prior_, stages, False, seed)),
                               (" + real prior + temperature",
                                cross_fitted_adjustment(raw, model.stage_train_prior_, stages, True, seed))):
        predictions = (stage_proba, feature_proba, feature_pred)
        scores = score_predictions(stages, features, predictions, np.arange(len(docs)))
        interval = bootstrap_intervals(
            lambda idx: {"qwk": score_predictions(stages, features, predictions, idx)["stage"]["qwk"]}, len(docs),
            n_resamples=300, seed=seed)["qwk"]
        rows.append((label, scores, interval))
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=["corpus"])
    parser.add_argument("--real", default="corpus/real")
    parser.add_argument("--folds", type=int, default=5, help="corpus CV folds (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pipeline", default="accurate")
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="names of configurations to run")
    args = parser.parse_args(argv)
    corpus = load(args.corpus)
    docs, info = preprocess_corpus(corpus, args.pipeline, progress=False)
    real = load_corpus(args.real)
    real_docs, _ = preprocess_corpus(real, args.pipeline, progress=False)
    print(f"# model selection: trained on {len(corpus)} corpus documents ({', '.join(args.corpus)}), scored on "
          f"{len(real)} real documents ({len(real.missing)} without text); corpus CV {args.folds} folds; "
          f"seed {args.seed}; pipeline {info.route}; {platform.processor() or platform.machine()}")
    print("| configuration | real QWK [95 % CI] | real accuracy | real within-one | real feature micro-F1 | "
          "real stage Brier | corpus CV stage macro-F1 | corpus CV feature micro-F1 | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, params in CONFIGS.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        config = ModelConfig(seed=args.seed, **params)
        model = InnotagModel(config).fit(docs, corpus.stages, corpus.feature_matrix, corpus.evidence)
        cv = "| – | –"
        if args.folds:
            cv_scores = cross_validate_docs(docs, corpus.stages, corpus.feature_matrix, config=config, k=args.folds,
                                            n_jobs=args.n_jobs, systems=("innotag",), evidence=corpus.evidence)
            cv = f"| {cv_scores['innotag']['stage']['macro_f1']:.3f} | {cv_scores['innotag']['features']['micro_f1']:.3f}"
        for label, scores, qwk_interval in real_rows(model, real_docs, real, args.seed):
            st, fe = scores["stage"], scores["features"]
            print(f"| {name}{label} | {st['qwk']:.3f} [{qwk_interval[0]:.2f}, {qwk_interval[1]:.2f}] | "
                  f"{st['accuracy']:.3f} | {st['within_one']:.3f} | {fe['micro_f1']:.3f} | {st['brier']:.3f} {cv} | "
                  f"{time.perf_counter() - started:.0f} |", flush=True)


if __name__ == "__main__":
    main()
