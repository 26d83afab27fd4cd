"""Expand what a user names on the command line into documents to tag.

Files are read by their format; folders are walked recursively in sorted order (hidden
files skipped; ``--glob`` filters); ``-`` is one document from standard input; JSONL and
CSV files named directly give one document per record with a text column. A record
that cannot be used becomes an item with ``error`` set, so that it gets its own output
record and the batch goes on.
"""

from __future__ import annotations

import csv
from collections import Counter
import fnmatch
import json
import sys
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
        elif path.suffix.lower() == ".csv" and path.is_file():
            yield from _csv_items(path, text_field, id_field)
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


def _csv_items(path: Path, text_field: str, id_field: str) -> Iterator[InputItem]:
    from innotag.nlp.readers import decode_bytes

    text, _ = decode_bytes(path.read_bytes(), path)
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        raise InnotagError(f"{path}: no column '{text_field}' (columns: {', '.join(reader.fieldnames or [])}); "
                           "name the text column with --text-field")
    for number, row in enumerate(reader, 2):
        yield _record_item(row, str(path), number, text_field, id_field)
