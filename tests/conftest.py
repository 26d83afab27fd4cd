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
