"""The lines of annotated JSONL files: one file, or the ``*.jsonl`` files at the top of a folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from innotag.models.errors import CorpusError


def corpus_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such corpus file or folder")
    if path.is_dir():
        # only the top level: sub-folders (such as corpus/annotations/) hold other label files
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise CorpusError(f"{path}: the folder has no *.jsonl corpus files at its top level")
        return files
    return [path]


def iter_records(path: str | Path) -> Iterator[tuple[str, dict | None, str | None]]:
    """Yield ``(source, record, error)`` for every non-blank line of a corpus."""
    for file in corpus_files(path):
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            yield f"{file}", None, "the file is not UTF-8; save the corpus as UTF-8 JSON lines"
            continue
        except OSError as exc:
            yield f"{file}", None, f"cannot be read ({exc.strerror or exc})"
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            source = f"{file}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield source, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield source, None, "a corpus line must be a JSON object"
                continue
            yield source, record, None
