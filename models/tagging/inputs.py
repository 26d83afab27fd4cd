"""Expand what a user names on the command line into documents to tag.

Files are read by their format; folders are walked recursively in sorted order (hidden
files skipped; ``--glob`` filters); ``-`` is one document from standard input; JSONL files
and tables (CSV or TSV in any common encoding, with ``,``, ``;`` or tab between columns,
and Excel .xlsx) named directly give one document per record with a text column. A
record that cannot be used becomes an item with ``error`` set, so that it gets its own
output record and the batch goes on.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from innotag.nlp.errors import DocumentError, InnotagError
from innotag.nlp.readers import SUPPORTED_SUFFIXES, Document, make_document, read_document


@dataclass(frozen=True)
class InputItem:
    """One document to tag: a path to read, or text already in hand."""

    id: str
    path: str | None = None
    text: str | None = None
    error: str | None = None

    def load(self) -> Document:
        """The document's text, or DocumentError."""
        if self.error:
            raise DocumentError(self.id, self.error)
        if self.text is not None:
            return make_document(self.text, path=self.path or self.id, fmt="text")
        return read_document(self.path)


def iter_inputs(paths: Iterable[str | Path], *, glob: str | None = None, text_field: str = "text",
                id_field: str = "id", stdin=None, skipped: Counter | None = None) -> Iterator[InputItem]:
    """One item per document; files in folders that are not read are counted in ``skipped`` by suffix."""
    for raw in paths:
        name = str(raw)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield InputItem(id="-", path="-", text=stream.read())
            continue
        path = Path(name)
        if path.is_dir():
            yield from _walk(path, glob, skipped if skipped is not None else Counter())
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _jsonl_items(path, text_field, id_field)
        elif path.suffix.lower() in (".csv", ".tsv") and path.is_file():
            yield from _csv_items(path, text_field, id_field)
        elif path.suffix.lower() == ".xlsx" and path.is_file():
            yield from _xlsx_items(path, text_field, id_field)
        else:
            yield InputItem(id=name, path=name)


def _walk(folder: Path, glob: str | None, skipped: Counter) -> Iterator[InputItem]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if glob is not None:
            if not (fnmatch.fnmatch(path.name, glob) or fnmatch.fnmatch(str(relative), glob)):
                continue
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            skipped[path.suffix.lower() or "(no suffix)"] += 1
            continue
        yield InputItem(id=str(path), path=str(path))


def _record_item(record, source: str, number: int, text_field: str, id_field: str) -> InputItem:
    doc_id = f"{source}:{number}"
    if not isinstance(record, dict):
        return InputItem(id=doc_id, path=source, error="the record is not a JSON object")
    if record.get(id_field) not in (None, ""):
        doc_id = str(record[id_field])
    text = record.get(text_field)
    if not isinstance(text, str):
        return InputItem(id=doc_id, path=source, error=f"no text in field '{text_field}' (use --text-field)")
    return InputItem(id=doc_id, path=source, text=text)


def _jsonl_items(path: Path, text_field: str, id_field: str) -> Iterator[InputItem]:
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InnotagError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputItem(id=f"{path}:{number}", path=str(path), error=f"line {number} is not valid JSON ({exc.msg})")
                continue
            yield _record_item(record, str(path), number, text_field, id_field)


_DELIMITERS = ",;\t"


def _delimiter(text: str, path: Path) -> str:
    """The column separator: tab for .tsv; else sniffed from a sample, or the commonest in the header line."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter not in header:  # the sniffer guessed from quoted text, or gave up
        delimiter = max(_DELIMITERS, key=header.count)
    return delimiter


def _missing_column(path: Path, field: str, columns) -> InnotagError:
    return InnotagError(f"{path}: no column '{field}' (columns: {', '.join(str(c) for c in columns if c is not None)}); "
                        "name the text column with --text-field")


def _csv_items(path: Path, text_field: str, id_field: str) -> Iterator[InputItem]:
    from innotag.nlp.readers import decode_bytes

    text, _ = decode_bytes(path.read_bytes(), path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text, path), restkey=_EXTRA)
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        raise _missing_column(path, text_field, reader.fieldnames or [])
    rows = iter(reader)
    while True:
        start = reader.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputItem(id=f"{path}:{start}", path=str(path), error=f"line {start} is not valid CSV ({exc})")
            continue
        if _EXTRA in row or None in row.values():
            cells = len(reader.fieldnames) + len(row[_EXTRA]) if _EXTRA in row else sum(v is not None for v in row.values())
            yield InputItem(id=f"{path}:{start}", path=str(path),
                            error=f"line {start} has {cells} cells, the header {len(reader.fieldnames)}")
            continue
        yield _record_item(row, str(path), start, text_field, id_field)


_EXTRA = "\0extra"  # where csv puts the cells of a row longer than the header


def _xlsx_items(path: Path, text_field: str, id_field: str) -> Iterator[InputItem]:
    """Rows of the first sheet of an Excel workbook, under its first row as the header."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InnotagError(f"{path}: not a readable Excel .xlsx file ({type(exc).__name__}); "
                           "save it again from Excel, or as CSV") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else None for c in next(rows, ())]
        if text_field not in header:
            raise _missing_column(path, text_field, header)
        for number, values in enumerate(rows, 2):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            record = {name: _cell_text(value) for name, value in zip(header, values) if name is not None}
            yield _record_item(record, str(path), number, text_field, id_field)
    finally:
        book.close()


def _cell_text(value) -> str | None:
    """A cell as text; whole numbers (Excel stores every number as a float) without '.0'."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def count_inputs(paths: Iterable[str | Path], *, glob: str | None = None, text_field: str = "text",
                 id_field: str = "id") -> int | None:
    """How many documents :func:`iter_inputs` will give, without reading them; None with standard input."""
    names = [str(p) for p in paths]
    if "-" in names:
        return None
    return sum(1 for _ in iter_inputs(names, glob=glob, text_field=text_field, id_field=id_field))
