"""spaCy text classification: ``textcat`` (exclusive) for the stage, ``textcat_multilabel`` for the features.

Set up as ``spacy init config --pipeline textcat[,textcat_multilabel] --optimize efficiency``
(CPU) writes it: the bag-of-words ``spacy.TextCatBOW.v3`` architecture (unigrams, 2^18
hash rows, output layer), spaCy's default training settings (Adam 0.001, dropout 0.1,
``batch_by_words`` with a compounding size 100 -> 1000, evaluation every 200 steps,
patience 1600 steps, at most 20,000 steps) and a fixed seed (``spacy.util.fix_random_seed``).
The tokens come from the tokenizer of innotag's Finnish pipeline
(``spacy_fi_experimental_web_md``) on a blank Finnish ``Language``.

``spacy train`` keeps the checkpoint with the best dev score (spaCy's ``cats_score``:
macro-F for the exclusive stage, macro-AUC for the multi-label features). Here the dev set
is an 80/20 split of each training fold; the model is then retrained on the whole training
fold for the same number of epochs, so that it sees as many documents as innotag does.
The feature decision threshold is spaCy's 0.5 (its scorer's default) and, as a second
figure, one global threshold tuned on the dev split (innotag tunes its thresholds too).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import numpy as np

from peers.common import N_FEATURES, best_threshold, inner_split, macro_f1
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

PACKAGE = "spacy_fi_experimental_web_md"
ARCHITECTURE = "spacy.TextCatBOW.v3"
NGRAM_SIZE = 1
LENGTH = 262144
DROPOUT = 0.1
EVAL_FREQUENCY = 200
PATIENCE = 1600
MAX_STEPS = 20000

SETTINGS = {
    "tokenizer": f"{PACKAGE} tokenizer on spacy.blank('fi')",
    "architecture": f"{ARCHITECTURE}, ngram_size={NGRAM_SIZE}, length={LENGTH}, no_output_layer=False "
                    "(quickstart: CPU, efficiency; the CPU 'accuracy' TextCatEnsemble with tok2vec not run)",
    "training": f"Adam.v1 defaults, dropout {DROPOUT}, batch_by_words compounding 100->1000 x1.001, "
                f"eval every {EVAL_FREQUENCY} steps, patience {PATIENCE}, max_steps {MAX_STEPS}",
    "selection": "best dev cats_score (stage macro-F, features macro-AUC) on an inner 80/20 split of the "
                 "training fold, then retrained on the whole fold for the same number of epochs",
    "feature threshold": "0.5 (spaCy default) and one global threshold tuned on the dev split",
}
COMPONENTS = {"stage": "textcat", "features": "textcat_multilabel"}
LABELS = {"stage": list(STAGE_IDS), "features": list(FEATURE_IDS)}


@functools.lru_cache(maxsize=1)
def tokenizer_bytes() -> bytes:
    """The serialized tokenizer of innotag's Finnish pipeline package (its components are not loaded)."""
    import importlib

    import spacy

    package_dir = Path(importlib.import_module(PACKAGE).__file__).parent
    config = next(package_dir.glob("*/config.cfg"))
    components = list(spacy.util.load_config(config)["nlp"]["pipeline"])
    return spacy.load(PACKAGE, exclude=components).tokenizer.to_bytes(exclude=["vocab"])


def blank_nlp():
    import spacy

    nlp = spacy.blank("fi")
    nlp.tokenizer.from_bytes(tokenizer_bytes())
    return nlp


def _make_nlp(task: str):
    nlp = blank_nlp()
    component = COMPONENTS[task]
    config = {"model": {"@architectures": ARCHITECTURE, "exclusive_classes": task == "stage", "length": LENGTH,
                        "ngram_size": NGRAM_SIZE, "no_output_layer": False}}
    if task == "features":
        config["threshold"] = 0.5
    pipe = nlp.add_pipe(component, config=config)
    for label in LABELS[task]:
        pipe.add_label(label)
    return nlp


def _cats(task: str, y) -> dict:
    if task == "stage":
        return {label: float(i == y) for i, label in enumerate(STAGE_IDS)}
    return {label: float(v) for label, v in zip(FEATURE_IDS, y)}


def _scores(nlp, task: str, docs) -> np.ndarray:
    pipe = nlp.get_pipe(COMPONENTS[task])
    scores = np.asarray(pipe.predict(docs))
    order = [list(pipe.labels).index(label) for label in LABELS[task]]
    return scores[:, order]


def _dev_score(task: str, y, scores: np.ndarray) -> float:
    if task == "stage":
        return macro_f1(np.asarray(y), scores.argmax(axis=1))
    from sklearn.metrics import roc_auc_score

    Y = np.asarray(y)
    aucs = [roc_auc_score(Y[:, j], scores[:, j]) for j in range(Y.shape[1]) if 0 < Y[:, j].sum() < len(Y)]
    return float(np.mean(aucs)) if aucs else 0.0


def train_task(task: str, docs, y, seed: int, *, dev_docs=None, dev_y=None, steps: int | None = None,
               patience: int = PATIENCE):
    """spaCy's training loop; with a dev set: returns (nlp at the end, best step, dev scores at best step)."""
    import random

    from spacy.training import Example
    from spacy.util import fix_random_seed, registry
    from thinc.api import compounding

    fix_random_seed(seed)
    nlp = _make_nlp(task)
    examples = [Example.from_dict(doc, {"cats": _cats(task, label)}) for doc, label in zip(docs, y)]
    optimizer = nlp.initialize(lambda: examples)
    batcher = registry.batchers.get("spacy.batch_by_words.v1")(
        size=compounding(100.0, 1000.0, 1.001), tolerance=0.2, discard_oversize=False)
    limit = steps or MAX_STEPS
    best = (-1.0, 0, None)
    step = 0
    while True:
        random.shuffle(examples)
        for batch in batcher(examples):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer)
            if dev_docs is not None and step % EVAL_FREQUENCY == 0:
                scores = _scores(nlp, task, dev_docs)
                value = _dev_score(task, dev_y, scores)
                if value > best[0]:
                    best = (value, step, scores)
            step += 1
            if step >= limit or (dev_docs is not None and step - 1 - best[1] >= patience):
                return nlp, best[1] + 1, best[2]


class SpacyPeer:
    name = "spaCy textcat"

    def __init__(self, patience: int = PATIENCE):
        self.patience = patience

    def fit(self, texts, docs, stages, features, seed: int) -> "SpacyPeer":
        nlp = blank_nlp()
        tokens = list(nlp.tokenizer.pipe(texts))
        inner, dev = inner_split(stages, features, seed)
        self.steps_, self.dev_scores_ = {}, {}
        self.models_ = {}
        for task, y in (("stage", stages), ("features", features)):
            _, best_steps, dev_scores = train_task(task, [tokens[i] for i in inner], y[inner], seed,
                                                   dev_docs=[tokens[i] for i in dev], dev_y=y[dev],
                                                   patience=self.patience)
            # the same number of epochs on the whole training fold
            full_steps = max(1, math.ceil(best_steps * len(texts) / len(inner)))
            self.models_[task], _, _ = train_task(task, tokens, y, seed, steps=full_steps)
            self.steps_[task] = (best_steps, full_steps)
            self.dev_scores_[task] = dev_scores
        self.threshold_, _ = best_threshold(features[dev], self.dev_scores_["features"])
        return self

    def predict(self, texts, docs):
        tokens = list(blank_nlp().tokenizer.pipe(texts))
        stage_proba = _scores(self.models_["stage"], "stage", tokens)
        feature_scores = _scores(self.models_["features"], "features", tokens)
        return {"tuned": (stage_proba, feature_scores, (feature_scores >= self.threshold_).astype(int)),
                "default": (stage_proba, feature_scores, (feature_scores >= 0.5).astype(int))}

    def info(self) -> dict:
        return {"steps (inner best, full)": self.steps_, "threshold": self.threshold_, "patience": self.patience}

    def save(self, path: Path) -> None:
        nlp = self.models_["stage"]
        nlp.add_pipe(COMPONENTS["features"], source=self.models_["features"])
        nlp.to_disk(path)
        (Path(path) / "bench_thresholds.json").write_text(json.dumps({"features": self.threshold_}))


class SpacyTagger:
    """The saved pipeline (tokenizer + textcat + textcat_multilabel) as a tagger."""

    def __init__(self, path: Path):
        import spacy

        self.nlp = spacy.load(path)
        self.threshold = json.loads((Path(path) / "bench_thresholds.json").read_text())["features"]

    def tag(self, texts) -> list[tuple[str, list[str]]]:
        out = []
        for doc in self.nlp.pipe(texts):
            stage = max(STAGE_IDS, key=lambda s: doc.cats[s])
            out.append((stage, [f for f in FEATURE_IDS if doc.cats[f] >= self.threshold]))
        return out


assert N_FEATURES == len(FEATURE_IDS)
