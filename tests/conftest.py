"""Shared fixtures: files the tests build themselves, and a private cache directory."""

from __future__ import annotations

import pytest

FINNISH = ("Lastensuojelun sijaishuollossa asuvat nuoret osallistuivat yhteiskehittämiseen "
           "hyvinvointialueilla. Työpajoissa pohdittiin, miten ääni kuuluu päätöksissä.")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Keep caches and the default model location out of the user's home."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("INNOTAG_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.delenv("INNOTAG_MODEL", raising=False)


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
