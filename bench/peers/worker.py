"""One measured job of bench/peers.py, run in a fresh process so its peak memory is its own.

    python bench/peers/worker.py '{"job": "train" | "tag", "system": ..., ...}'

``train``: fit a system on a whole corpus from raw texts (innotag's preprocessing cache is
pointed at an empty folder by the caller) and save the model. ``tag``: load a saved model
(timed apart) and tag a list of texts. The last line of stdout is the JSON answer.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import peers.common  # noqa: E402,F401


def train_job(job: dict) -> dict:
    from innotag.models.corpus.load import load_corpus

    started = time.perf_counter()
    system, out = job["system"], Path(job["out"])
    if system == "innotag":
        from innotag.models.estimators.model import ModelConfig
        from innotag.models.train import train

        train(job["corpus"], out, config=ModelConfig(seed=job["seed"]), cv_folds=0, force=True, progress=False)
        return {"seconds": time.perf_counter() - started}
    from peers.cv import make_peer

    corpus = load_corpus(job["corpus"])
    peer = make_peer(system, job.get("options"))
    docs = None
    if system == "fasttext-lemmas":
        from innotag.nlp.preprocess import Preprocessor

        docs = list(Preprocessor("accurate").pipe(corpus.texts))
    peer.fit(corpus.texts, docs, corpus.stages, corpus.feature_matrix, job["seed"])
    peer.save(out)
    return {"seconds": time.perf_counter() - started, "info": json.loads(json.dumps(peer.info(), default=str))}


def tag_job(job: dict) -> dict:
    texts = json.loads(Path(job["texts"]).read_text("utf-8"))
    system, model = job["system"], Path(job["model"])
    started = time.perf_counter()
    if system == "innotag":
        from innotag import Tagger

        tagger = Tagger.load(model)
        loaded = time.perf_counter()
        results = [(r.stage, r.features) for r in tagger.tag_many(texts)]
    elif system == "spacy":
        from peers.spacy_peer import SpacyTagger

        tagger = SpacyTagger(model)
        loaded = time.perf_counter()
        results = tagger.tag(texts)
    else:
        from peers.fasttext_peer import FastTextTagger

        tagger = FastTextTagger(model)
        loaded = time.perf_counter()
        results = tagger.tag(texts)
    done = time.perf_counter()
    return {"load_s": loaded - started, "tag_s": done - loaded, "documents": len(results),
            "stages": dict(Counter(str(r[0]) for r in results))}


def main() -> None:
    job = json.loads(sys.argv[1])
    answer = train_job(job) if job["job"] == "train" else tag_job(job)
    print(json.dumps(answer))


if __name__ == "__main__":
    main()
