"""fastText supervised classifiers: softmax for the stage, one-vs-all (``loss='ova'``) for the features.

Settings from fastText's text-classification tutorial: word bigrams (``wordNgrams=2``), more
epochs and a larger learning rate than the defaults, chosen from a small grid
(``epoch`` x ``lr``) on an inner 80/20 split of the training fold; the other parameters are
fastText's defaults (dim 100, minCount 1, bucket 2,000,000). ``thread=1`` and a fixed
``seed`` make training reproducible. The model is then retrained on the whole training fold.

Input is either the text as the tutorial prepares it (punctuation split off, lower case)
or innotag's lemma stream. fastText skips training lines without a label, so documents
with no ecosystem feature carry the pseudo-label ``__label__none`` (never predicted as a
feature); without it those 17% of documents would be lost as negatives. Features are the
labels whose OVA probability reaches a threshold: the tutorial's 0.5, and as a second
figure one global threshold tuned on the dev split.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import numpy as np

from peers.common import best_threshold, fasttext_text, inner_split, macro_f1, micro_f1
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

GRID = {"epoch": (25, 50), "lr": (0.1, 0.5, 1.0)}
FIXED = {"wordNgrams": 2, "dim": 100, "minCount": 1, "bucket": 2_000_000, "thread": 1, "verbose": 0}
SETTINGS = {
    "fixed": ", ".join(f"{k}={v}" for k, v in FIXED.items() if k != "verbose"),
    "grid": "epoch in {25, 50} x lr in {0.1, 0.5, 1.0} (the tutorial's ranges: epoch 5-50, lr 0.1-1.0; "
            "autotune not used), chosen on an inner 80/20 split "
            "(stage: macro-F1; features: micro-F1 at the dev-tuned threshold), then retrained on the whole fold",
    "loss": "softmax (stage), ova (features, + __label__none for documents without features)",
    "feature threshold": "0.5 (tutorial) and one global threshold tuned on the dev split",
}
NONE = "none"


def inputs(texts, docs, variant: str) -> list[str]:
    if variant == "text":
        return [fasttext_text(t) for t in texts]
    return [" ".join(d.lemmas) for d in docs]


def _lines(task: str, x: list[str], y) -> list[str]:
    out = []
    for text, label in zip(x, y):
        if task == "stage":
            labels = [STAGE_IDS[label]]
        else:
            labels = [f for f, v in zip(FEATURE_IDS, label) if v] or [NONE]
        out.append(" ".join(f"__label__{lab}" for lab in labels) + " " + text)
    return out


def train(task: str, x: list[str], y, params: dict, seed: int):
    import fasttext

    fd, path = tempfile.mkstemp(suffix=".txt", prefix="ft-train-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(_lines(task, x, y)) + "\n")
        return fasttext.train_supervised(input=path, loss="softmax" if task == "stage" else "ova", seed=seed,
                                         **FIXED, **params)
    finally:
        os.unlink(path)


def scores(model, task: str, x: list[str]) -> np.ndarray:
    names = STAGE_IDS if task == "stage" else FEATURE_IDS
    index = {f"__label__{n}": j for j, n in enumerate(names)}
    labels, probs = model.predict(x, k=-1, threshold=0.0)
    out = np.zeros((len(x), len(names)))
    for i, (labs, ps) in enumerate(zip(labels, probs)):
        for lab, p in zip(labs, ps):
            if lab in index:
                out[i, index[lab]] = p
    return out


class FastTextPeer:
    def __init__(self, variant: str = "text"):
        self.variant = variant
        self.name = f"fastText ({'text' if variant == 'text' else 'lemmas'})"

    def fit(self, texts, docs, stages, features, seed: int) -> "FastTextPeer":
        x = inputs(texts, docs, self.variant)
        inner, dev = inner_split(stages, features, seed)
        xi, xd = [x[i] for i in inner], [x[i] for i in dev]
        self.params_, self.models_, self.dev_ = {}, {}, {}
        for task, y in (("stage", stages), ("features", features)):
            best = None
            for epoch, lr in itertools.product(GRID["epoch"], GRID["lr"]):
                params = {"epoch": epoch, "lr": lr}
                s = scores(train(task, xi, y[inner], params, seed), task, xd)
                if task == "stage":
                    value, extra = macro_f1(y[dev], s.argmax(axis=1)), None
                else:
                    extra, value = best_threshold(y[dev], s)
                if best is None or value > best[0]:
                    best = (value, params, extra)
            self.params_[task] = best[1]
            self.dev_[task] = best[0]
            if task == "features":
                self.threshold_ = best[2]
            self.models_[task] = train(task, x, y, best[1], seed)
        return self

    def predict(self, texts, docs):
        x = inputs(texts, docs, self.variant)
        stage = scores(self.models_["stage"], "stage", x)
        feats = scores(self.models_["features"], "features", x)
        return {"tuned": (stage, feats, (feats >= self.threshold_).astype(int)),
                "default": (stage, feats, (feats >= 0.5).astype(int))}

    def info(self) -> dict:
        return {"params": self.params_, "threshold": self.threshold_}

    def save(self, path: Path) -> None:
        import json

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for task, model in self.models_.items():
            model.save_model(str(path / f"{task}.bin"))
        (path / "bench_thresholds.json").write_text(json.dumps({"features": self.threshold_,
                                                                "variant": self.variant}))


class FastTextTagger:
    """The two saved models; the lemma variant also runs innotag's Finnish preprocessing."""

    def __init__(self, path: Path):
        import json

        import fasttext

        path = Path(path)
        meta = json.loads((path / "bench_thresholds.json").read_text())
        self.threshold, self.variant = meta["features"], meta["variant"]
        self.models = {task: fasttext.load_model(str(path / f"{task}.bin")) for task in ("stage", "features")}
        self.preprocessor = None
        if self.variant == "lemmas":
            from innotag.nlp.preprocess import Preprocessor

            self.preprocessor = Preprocessor("accurate")

    def tag(self, texts) -> list[tuple[str, list[str]]]:
        docs = list(self.preprocessor.pipe(texts)) if self.preprocessor else None
        x = inputs(texts, docs, self.variant)
        stage = scores(self.models["stage"], "stage", x)
        feats = scores(self.models["features"], "features", x)
        return [(STAGE_IDS[int(s.argmax())], [f for f, p in zip(FEATURE_IDS, row) if p >= self.threshold])
                for s, row in zip(stage, feats)]


__all__ = ["FastTextPeer", "FastTextTagger", "SETTINGS", "micro_f1"]
