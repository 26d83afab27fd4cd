"""Annif (NatLibFi), driven through its command line in its own virtual environment.

``bash bench/setup_annif.sh`` creates ``bench/.venvs/annif``. The stages and the features
are two small subject vocabularies (TSV, loaded with ``annif load-vocab``); every project
uses Annif's Finnish analyzer ``voikko(fi)`` (``simplemma(fi)`` when Voikko is missing) and
the backends' default parameters:

* stage: the ``svc`` backend (a linear SVM, Annif's backend for one subject per
  document) and, as a second row, the ``tfidf`` backend; the stage is the top suggestion;
* features: the ``tfidf`` backend (``svc`` takes one subject per document); the features
  are the suggestions that pass Annif's limit and score threshold, chosen by
  ``annif optimize`` (best "F1 score (doc avg)") on an inner 80/20 split of the training
  fold; the project is then retrained on the whole fold.

Training corpora are Annif's short-text TSV format (one document a line, newlines
folded into spaces); test documents go through ``annif index`` with ``--limit`` above the
number of subjects and threshold 0, so all scores come back and the optimized limit and
threshold are applied here exactly as Annif's filter does (top ``limit``, score >=
threshold). Annif's TF-IDF backend skips training documents without subjects.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np

from peers.common import BENCH, Measured, dir_size_mb, inner_split, run_measured
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

VENV = BENCH / ".venvs" / "annif"
BASE_URI = "http://innotag.invalid/"
VOCABS = {"stage": STAGE_IDS, "features": FEATURE_IDS}
LIMIT_ALL = 10  # more than the number of subjects in either vocabulary
SETTINGS = {
    "analyzer": "voikko(fi) (simplemma(fi) without Voikko); NLTK punkt_tab: empty parameters (see setup_annif.sh)",
    "stage": "svc backend (defaults: min_df 1, ngram 1); second row: tfidf backend; stage = top suggestion",
    "features": "tfidf backend; limit and threshold from `annif optimize` (best F1 doc avg) on an inner 80/20 "
                "split, then retrained on the whole fold",
}


def available(venv: Path = VENV) -> bool:
    return (venv / "bin" / "annif").exists()


def uri(vocab: str, label: str) -> str:
    return f"<{BASE_URI}{vocab}/{label}>"


def one_line(text: str) -> str:
    return " ".join(text.split())


class AnnifCLI:
    """One Annif data directory with its projects file; every call is a fresh ``annif`` process."""

    def __init__(self, workdir: Path, venv: Path = VENV):
        self.venv = venv
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.projects: dict[str, dict] = {}
        self.env = dict(os.environ, NLTK_DATA=str(venv / "nltk_data"),
                        ANNIF_PROJECTS=str(self.workdir / "projects.cfg"),
                        ANNIF_DATADIR=str(self.workdir / "data"))
        for key in ("PYTHONPATH", "VIRTUAL_ENV"):
            self.env.pop(key, None)
        self.analyzer = "voikko(fi)" if self._has_voikko() else "simplemma(fi)"
        self.seconds: dict[str, float] = {}
        self.vocabs_loaded = False

    def _has_voikko(self) -> bool:
        probe = run_measured([str(self.venv / "bin" / "python"), "-c",
                              "import voikko.libvoikko as v; v.Voikko('fi').analyze('talo')"], env=self.env)
        return probe.returncode == 0

    def versions(self) -> dict:
        code = ("import json, importlib.metadata as m, sklearn, nltk\n"
                "out = {'annif': m.version('annif'), 'scikit-learn': sklearn.__version__, 'nltk': nltk.__version__}\n"
                "try:\n    import voikko.libvoikko as v; out['voikko'] = m.version('voikko') + ' (libvoikko '"
                " + v.Voikko.getVersion() + ')'\nexcept Exception as e:\n    out['voikko'] = 'missing'\n"
                "print(json.dumps(out))")
        probe = run_measured([str(self.venv / "bin" / "python"), "-c", code], env=self.env)
        data = json.loads(probe.stdout) if probe.returncode == 0 else {"annif": "unknown"}
        data["analyzer"] = self.analyzer
        return data

    def run(self, *args: str, label: str | None = None) -> Measured:
        measured = run_measured([str(self.venv / "bin" / "annif"), *args], env=self.env, cwd=self.workdir)
        if measured.returncode != 0:
            raise RuntimeError(f"annif {' '.join(args)} failed:\n{measured.stderr[-3000:]}")
        if label:
            self.seconds[label] = self.seconds.get(label, 0.0) + measured.seconds
        return measured

    # -- set-up -------------------------------------------------------------------------
    def load_vocabs(self, label: str | None = "vocabularies") -> None:
        """Load both vocabularies (Annif only knows a vocabulary that a configured project uses)."""
        for vocab, labels in VOCABS.items():
            path = self.workdir / f"{vocab}-vocab.tsv"
            path.write_text("".join(f"{uri(vocab, s)}\t{s}\n" for s in labels), "utf-8")
            self.run("load-vocab", vocab, str(path), "--language", "fi", "--force", label=label)
        self.vocabs_loaded = True

    def add_project(self, project_id: str, backend: str, vocab: str) -> None:
        self.projects[project_id] = {"name": project_id, "language": "fi", "backend": backend,
                                     "analyzer": self.analyzer, "vocab": vocab, "limit": 100}
        text = "".join(f"[{pid}]\n" + "".join(f"{k}={v}\n" for k, v in cfg.items()) + "\n"
                       for pid, cfg in self.projects.items())
        (self.workdir / "projects.cfg").write_text(text, "utf-8")

    def write_corpus(self, name: str, texts, labels=None, vocab: str | None = None) -> Path:
        """Annif's TSV corpus; without labels, text-only lines (for ``annif index``)."""
        path = self.workdir / f"{name}.tsv"
        with path.open("w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                line = one_line(text)
                if labels is not None:
                    y = labels[i]
                    names = [STAGE_IDS[y]] if vocab == "stage" else [f for f, v in zip(FEATURE_IDS, y) if v]
                    line += "\t" + " ".join(uri(vocab, n) for n in names)
                f.write(line + "\n")
        return path

    # -- commands -----------------------------------------------------------------------
    def train(self, project_id: str, corpus: Path, label: str | None = None) -> None:
        self.run("train", project_id, str(corpus), label=label)

    def optimize(self, project_id: str, corpus: Path, label: str | None = None) -> tuple[int, float, float]:
        out = self.run("optimize", project_id, str(corpus), label=label).stdout
        match = re.search(r"Best\s+F1 score \(doc avg\):\s*([\d.]+)\s+Limit:\s*(\d+)\s+Threshold:\s*([\d.]+)", out)
        if not match:
            raise RuntimeError(f"cannot read the output of annif optimize:\n{out[-2000:]}")
        return int(match.group(2)), float(match.group(3)), float(match.group(1))

    def index(self, project_id: str, corpus: Path, vocab: str, label: str | None = None) -> tuple[np.ndarray, Measured]:
        """Scores (n, subjects) of every document of a text-only TSV corpus."""
        out_path = corpus.with_suffix(f".{project_id}.jsonl")
        measured = self.run("index", project_id, str(corpus), "--limit", str(LIMIT_ALL), "--threshold", "0",
                            "--no-include-doc", "--force", "--output", str(out_path), label=label)
        names = VOCABS[vocab]
        rows = [json.loads(line) for line in out_path.read_text("utf-8").splitlines() if line.strip()]
        scores = np.zeros((len(rows), len(names)))
        for i, row in enumerate(rows):
            for hit in row["results"]:
                scores[i, names.index(hit["label"])] = hit["score"]
        return scores, measured

    def project_size_mb(self, *project_ids: str) -> float:
        data = self.workdir / "data"
        return (sum(dir_size_mb(data / "projects" / p) for p in project_ids)
                + sum(dir_size_mb(data / "vocabs" / v) for v in VOCABS))


def annif_filter(scores: np.ndarray, limit: int, threshold: float) -> np.ndarray:
    """Annif's suggestion filter: the top ``limit`` scores of each row that are >= threshold (and > 0)."""
    out = np.zeros(scores.shape, dtype=int)
    for i, row in enumerate(scores):
        top = np.argsort(-row, kind="stable")[:limit]
        for j in top:
            if row[j] > 0 and row[j] >= threshold:
                out[i, j] = 1
    return out


def fit_predict_fold(cli: AnnifCLI, tag: str, train_texts, stages, features, test_texts, seed: int) -> dict:
    """Train the fold's projects and return the test documents' stage and feature scores per system.

    The wall time of the training calls is added to ``cli.seconds`` under the project ids
    ``{tag}-stage-svc``, ``{tag}-stage-tfidf`` and ``{tag}-features`` (the latter with optimize).
    """
    inner, dev = inner_split(stages, features, seed)
    ids = {"svc": f"{tag}-stage-svc", "tfidf": f"{tag}-stage-tfidf", "inner": f"{tag}-features-inner",
           "features": f"{tag}-features"}
    cli.add_project(ids["svc"], "svc", "stage")
    cli.add_project(ids["tfidf"], "tfidf", "stage")
    cli.add_project(ids["inner"], "tfidf", "features")
    cli.add_project(ids["features"], "tfidf", "features")
    if not cli.vocabs_loaded:
        cli.load_vocabs()
    stage_corpus = cli.write_corpus(f"{tag}-train-stage", train_texts, stages, "stage")
    cli.train(ids["svc"], stage_corpus, label=ids["svc"])
    cli.train(ids["tfidf"], stage_corpus, label=ids["tfidf"])
    cli.train(ids["inner"], cli.write_corpus(f"{tag}-inner-features", [train_texts[i] for i in inner],
                                             features[inner], "features"), label=ids["features"])
    limit, threshold, dev_f1 = cli.optimize(ids["inner"], cli.write_corpus(
        f"{tag}-dev-features", [train_texts[i] for i in dev], features[dev], "features"), label=ids["features"])
    cli.train(ids["features"], cli.write_corpus(f"{tag}-train-features", train_texts, features, "features"),
              label=ids["features"])
    out = {"limit": limit, "threshold": threshold, "dev_f1_doc_avg": dev_f1, "projects": ids}
    if test_texts is not None:
        test = cli.write_corpus(f"{tag}-test", test_texts)
        out["svc"], _ = cli.index(ids["svc"], test, "stage")
        out["tfidf"], _ = cli.index(ids["tfidf"], test, "stage")
        out["features"], _ = cli.index(ids["features"], test, "features")
    return out
