"""Shared fixtures: files the tests build themselves, and a private cache directory."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

# Session-wide: caches and the default model location never touch the user's home.
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="innotag-tests-"))
os.environ["INNOTAG_CACHE_DIR"] = str(_SESSION_DIR / "cache")
os.environ["XDG_DATA_HOME"] = str(_SESSION_DIR / "data")
os.environ.pop("INNOTAG_MODEL", None)

FINNISH = ("Lastensuojelun sijaishuollossa asuvat nuoret osallistuivat yhteiskehittämiseen "
           "hyvinvointialueilla. Työpajoissa pohdittiin, miten ääni kuuluu päätöksissä.")


def small_corpus_records(per_stage: int = 14) -> list[dict]:
    """The first ``per_stage`` documents of each stage of the repository's corpus, by id."""
    records = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    records.sort(key=lambda r: r["id"])
    chosen, counts = [], {}
    for record in records:
        if counts.get(record["stage"], 0) < per_stage:
            counts[record["stage"]] = counts.get(record["stage"], 0) + 1
            chosen.append(record)
    return chosen


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """A small annotated corpus (84 documents) taken from corpus/."""
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "small.jsonl", small_corpus_records())


@pytest.fixture(scope="session")
def trained_model(small_corpus, tmp_path_factory) -> Path:
    """A model trained once per test session on the small corpus with the fast pipeline."""
    from innotag.models.train import train

    output = tmp_path_factory.mktemp("models") / "small"
    train(small_corpus, output, pipeline="fast", cv_folds=0, progress=False)
    return output


def make_pdf(path, text: str | None = FINNISH) -> None:
    """Write a PDF with ``text`` as its text layer, or with only a drawing when text is None."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 80, 40, style="F")
    else:
        pdf.set_font("helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))


def make_docx(path, paragraphs=(FINNISH,), table=None) -> None:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))


@pytest.fixture(scope="session")
def real_set(tmp_path_factory) -> Path:
    """A real-set-shaped folder (index.jsonl + texts/) built from corpus documents outside ``small_corpus``:
    two genres, and one indexed document whose text is missing."""
    folder = tmp_path_factory.mktemp("real")
    (folder / "texts").mkdir()
    taken = {r["id"] for r in small_corpus_records()}
    records = [r for r in small_corpus_records(per_stage=20) if r["id"] not in taken]
    index = []
    for n, r in enumerate(records):
        index.append({"id": r["id"], "url": f"https://example.fi/{n}", "title": r["text"][:40],
                      "genre": "news" if n % 2 else "report", "source_type": "other", "stage": r["stage"],
                      "features": r["features"]})
        if n:  # the first one's text is "not collected"
            (folder / "texts" / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    write_jsonl(folder / "index.jsonl", index)
    return folder


def sample_result(doc_id: str = "a", explained: bool = False):
    """A TagResult as the tagger makes it: stage kokeilu, one feature present, optionally with evidence."""
    from innotag.models.schema import FEATURE_IDS, STAGE_IDS
    from innotag.models.tagging.tagger import TagResult

    result = TagResult(id=doc_id, path=doc_id, stage="kokeilu", stage_probability=0.7,
                       stage_probabilities={s: (0.7 if s == "kokeilu" else 0.06) for s in STAGE_IDS},
                       expected_stage=3.1, features=["monitoimijaisuus"],
                       feature_probabilities={f: (0.8 if f == "monitoimijaisuus" else 0.2) for f in FEATURE_IDS},
                       thresholds={f: 0.4 for f in FEATURE_IDS}, ecosystem_score=1)
    if explained:
        result.explanation = {
            "stage": {"terms": [{"term": "kokeilla", "weight": 0.4}],
                      "sentences": ["Mallia kokeiltiin syksyllä <b>kolmessa</b> kunnassa.", "Palaute kerättiin."]},
            "monitoimijaisuus": {"terms": [], "sentences": ["Järjestö ja kunta tekivät työn yhdessä."]}}
    return result


@pytest.fixture
def evaluation_result():
    """A held-out EvaluationResult from known predictions (no model): innotag mostly right, keywords
    half right, the majority answer never finding a feature (F1 0)."""
    import numpy as np

    from innotag.models.evaluation.evaluate import EvaluationResult, score_predictions

    rng = np.random.default_rng(0)
    n = 60
    stages = np.arange(n) % 6
    features = rng.integers(0, 2, (n, 6))

    def system(right_share: float, find_features: bool):
        right = rng.random(n) < right_share
        called = np.where(right, stages, (stages + 1) % 6)
        confidence = rng.uniform(0.3, 0.95, n)
        stage_proba = np.repeat(((1 - confidence) / 5)[:, None], 6, axis=1)
        stage_proba[np.arange(n), called] = confidence
        found = np.where(rng.random((n, 6)) < right_share, features, 1 - features) if find_features else 0 * features
        return stage_proba, found.astype(float), found

    predictions = {"innotag": system(0.8, True), "keywords": system(0.5, True), "majority": system(0.17, False)}
    systems = {name: score_predictions(stages, features, p, np.arange(n)) for name, p in predictions.items()}
    return EvaluationResult("held-out", n, None, 0, "fast", systems, model="/models/my-model",
                            corpus="data/held-out.jsonl")


def make_real_set(folder, n_present=3, n_missing=2):
    """A real-document set folder: ``n_present`` indexed documents with texts, then ``n_missing`` without."""
    (folder / "texts").mkdir(parents=True)
    lines = []
    for i in range(n_present + n_missing):
        text = f"Hanke {i} kokeili uutta mallia nuorten kanssa. Kunta ja järjestö tekivät työn yhdessä."
        lines.append({"id": f"r{i}", "url": f"https://example.fi/{i}", "title": f"Hanke {i}", "genre": "blog_article",
                      "source_type": "ngo", "stage": "kokeilu", "features": ["monitoimijaisuus"],
                      "evidence": {"stage": [[0, 44]]}})
        if i < n_present:
            (folder / "texts" / f"r{i}.txt").write_text(text, encoding="utf-8")
    (folder / "index.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return folder
