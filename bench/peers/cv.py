"""Cross-validation of the in-process peers (spaCy, fastText): one task per (system, fold)."""

from __future__ import annotations

import time

import numpy as np

import peers.common  # noqa: F401  (puts the repository on sys.path)

PEER_SYSTEMS = ("spacy", "fasttext-text", "fasttext-lemmas")


def make_peer(system: str, options: dict | None = None):
    options = options or {}
    if system == "spacy":
        from peers.spacy_peer import PATIENCE, SpacyPeer

        return SpacyPeer(patience=options.get("spacy_patience") or PATIENCE)
    from peers.fasttext_peer import FastTextPeer

    return FastTextPeer(system.split("-", 1)[1])


def fit_predict(system: str, fold: int, texts, docs, stages, features, train, test, seed: int,
                options: dict | None = None) -> dict:
    """Fit on the training fold, predict the test fold; runs in a joblib worker."""
    started = time.perf_counter()
    peer = make_peer(system, options)

    def pick(seq, idx):
        return [seq[i] for i in idx]

    peer.fit(pick(texts, train), pick(docs, train) if docs is not None else None, stages[train], features[train],
             seed)
    predictions = peer.predict(pick(texts, test), pick(docs, test) if docs is not None else None)
    return {"system": system, "fold": fold, "test": test, "predictions": predictions, "info": peer.info(),
            "seconds": time.perf_counter() - started}


def assemble(results: list[dict], n: int, n_stages: int, n_features: int) -> dict[str, tuple]:
    """Out-of-fold arrays per decision variant ("tuned", "default")."""
    variants = {}
    for r in results:
        for variant, (stage_proba, feature_scores, feature_pred) in r["predictions"].items():
            if variant not in variants:
                variants[variant] = (np.zeros((n, n_stages)), np.zeros((n, n_features)),
                                     np.zeros((n, n_features), dtype=int))
            sp, fs, fp = variants[variant]
            sp[r["test"]], fs[r["test"]], fp[r["test"]] = stage_proba, feature_scores, feature_pred
    return variants
