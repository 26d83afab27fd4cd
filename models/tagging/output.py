"""Write tagging results: JSONL, CSV or a terminal table record by record, Excel or HTML whole.

A run writing to ``--output FILE`` writes to ``FILE.part`` first and renames it to
``FILE`` when the run is complete. JSONL and CSV are written one flushed record at a
time: an interrupted run leaves ``FILE.part``, and ``--resume`` reads the records in it,
skips those documents and appends the rest, so the final file equals that of an
uninterrupted run. Excel and HTML files can only be written whole, at the end.

:func:`results_to_bytes` gives the same bytes for results already in hand (for example
in a web service).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import IO

from innotag.models.errors import OutputError, check_can_write
from innotag.models.schema import SHORT_NAMES
from innotag.models.tagging import CSV_DIALECTS, FORMATS, WHOLE_FILE_FORMATS
from innotag.models.tagging.columns import CSV_COLUMNS, EVIDENCE_COLUMNS, evidence_sentences, result_row
from innotag.models.tagging.excel import xlsx_bytes
from innotag.models.tagging.html_report import html_report
from innotag.models.tagging.tagger import TagResult


def check_format(fmt: str, csv_dialect: str = "standard", resume: bool = False) -> None:
    """Refuse an unknown format or dialect, or resuming a whole-file format, before any work."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if csv_dialect not in CSV_DIALECTS:
        raise OutputError(f"unknown CSV dialect '{csv_dialect}'; use one of {', '.join(CSV_DIALECTS)}")
    if resume and fmt not in ("jsonl", "csv"):
        raise OutputError(f"--resume needs --format jsonl or csv (written record by record); {fmt} is "
                          "written whole at the end, so tag to jsonl or csv and convert, or start over with --force")


def csv_row(result: TagResult, explain: bool = False, csv_dialect: str = "standard") -> dict:
    """A result's CSV row: empty cells where a value does not apply, decimals as the dialect writes them."""
    decimal = CSV_DIALECTS[csv_dialect].decimal
    row = result_row(result, explain)
    for key, value in row.items():
        if value is None:
            row[key] = ""
        elif isinstance(value, float) and decimal != ".":
            row[key] = repr(value).replace(".", decimal)
    return row


def _html(results: list[TagResult], explain: bool) -> bytes:
    return html_report(results, explain).encode("utf-8")


_WHOLE_FILE_WRITERS = {"xlsx": xlsx_bytes, "html": _html}


class ResultWriter:
    """Writes results in one format: record by record to a text stream, or whole to a binary one at close()."""

    def __init__(self, stream: IO, fmt: str, write_header: bool = True, explain: bool = False,
                 csv_dialect: str = "standard"):
        check_format(fmt, csv_dialect)
        self.stream, self.fmt, self.explain, self.csv_dialect = stream, fmt, explain, csv_dialect
        self._collected: list[TagResult] | None = [] if fmt in WHOLE_FILE_FORMATS else None
        self._csv = None
        if fmt == "csv":
            dialect = CSV_DIALECTS[csv_dialect]
            columns = CSV_COLUMNS + (EVIDENCE_COLUMNS if explain else [])
            self._csv = csv.DictWriter(stream, fieldnames=columns, delimiter=dialect.delimiter)
            if write_header:
                if dialect.bom:
                    stream.write("\ufeff")
                self._csv.writeheader()
        if fmt == "table" and write_header:
            stream.write(_table_line("document", "stage", "p", "features", "score", "flags / error") + "\n")

    def write(self, result: TagResult) -> None:
        if self._collected is not None:
            self._collected.append(result)
            return
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self._csv.writerow(csv_row(result, self.explain, self.csv_dialect))
        else:
            self.stream.write(format_table_row(result) + "\n")
            for key, sentences in evidence_sentences(result).items():
                for sentence in sentences:  # under the row, so a reader sees why
                    self.stream.write(f"    {SHORT_NAMES[key] if key != 'stage' else 'stage'}: {sentence}\n")
        self.stream.flush()

    def close(self) -> None:
        """Write a whole-file format's results; the stream stays open."""
        if self._collected is not None:
            self.stream.write(_WHOLE_FILE_WRITERS[self.fmt](self._collected, self.explain))
        self.stream.flush()


def results_to_bytes(results: list[TagResult], fmt: str, *, explain: bool = False,
                     csv_dialect: str = "standard") -> bytes:
    """Results in one format (jsonl, csv, xlsx, html or table) as the bytes of a file, UTF-8 where text."""
    buffer = io.BytesIO()
    whole = fmt in WHOLE_FILE_FORMATS
    stream = buffer if whole else io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    writer = ResultWriter(stream, fmt, explain=explain, csv_dialect=csv_dialect)
    for result in results:
        writer.write(result)
    writer.close()
    if not whole:
        stream.detach()
    return buffer.getvalue()


def _table_line(doc, stage, p, features, score, notes) -> str:
    return f"{doc:<36.36} {stage:<18} {p:>5} {features:<44} {score:>5}  {notes}"


def _display_name(doc_id: str) -> str:
    """A file below the current folder by its relative path, cut from the left to fit the column."""
    path = Path(doc_id)
    if path.is_absolute():
        try:
            doc_id = str(path.relative_to(Path.cwd()))
        except ValueError:
            pass
    return doc_id if len(doc_id) <= 36 else "…" + doc_id[-35:]


def format_table_row(result: TagResult) -> str:
    doc = _display_name(result.id)
    if result.error:
        return _table_line(doc, "-", "", "", "", f"error: {result.error}")
    if result.stage is None:
        return _table_line(doc, "-", "", "", "", ", ".join(result.flags))
    features = ",".join(SHORT_NAMES[f] for f in result.features) or "-"
    return _table_line(doc, result.stage, f"{result.stage_probability:.2f}", features, str(result.ecosystem_score),
                       ", ".join(result.flags))


def part_path(output: Path) -> Path:
    return output.with_name(output.name + ".part")


def open_output(output: Path, fmt: str, *, force: bool = False, resume: bool = False, explain: bool = False,
                csv_dialect: str = "standard") -> tuple[IO, set[str]]:
    """Open ``output``'s ``.part`` file for writing; return it and the ids already done.

    The stream is text for the record-by-record formats and binary for Excel and HTML.
    """
    check_format(fmt, csv_dialect, resume)
    part = part_path(output)
    check_can_write(output, force)
    done: set[str] = set()
    if resume:
        if part.exists():
            done, keep = _completed(part, fmt, explain, csv_dialect)
            with open(part, "r+", encoding="utf-8", newline="") as fh:
                fh.truncate(keep)
        stream = open(part, "a", encoding="utf-8", newline="")
        if not done and fmt == "csv":
            stream.truncate(0)
        return stream, done
    if part.exists() and not force:
        raise OutputError(f"an interrupted run left {part}; use --resume to continue it or --force to start over")
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt in WHOLE_FILE_FORMATS:
        return open(part, "wb"), done
    return open(part, "w", encoding="utf-8", newline=""), done


def _completed(part: Path, fmt: str, explain: bool, csv_dialect: str) -> tuple[set[str], int]:
    """Ids of complete records in a partial output, and the byte length they occupy."""
    data = part.read_bytes()
    keep = data.rfind(b"\n") + 1  # a record cut off mid-line is dropped and redone
    text = data[:keep].decode("utf-8-sig")
    if fmt == "jsonl":
        done = set()
        for line in text.splitlines():
            try:
                done.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                raise OutputError(f"{part} has a line that is not an innotag record; "
                                  "remove the file or use --force to start over") from None
        return done, keep
    reader = csv.DictReader(io.StringIO(text), delimiter=CSV_DIALECTS[csv_dialect].delimiter)
    expected = CSV_COLUMNS + (EVIDENCE_COLUMNS if explain else [])
    if reader.fieldnames is not None and reader.fieldnames != expected:
        raise OutputError(f"{part} was written with other options (--explain or --csv-dialect differ); "
                          "rerun with the same options, or use --force to start over")
    return {row["id"] for row in reader}, keep


def finish_output(stream: IO, output: Path) -> None:
    """Close the ``.part`` file and move it into place atomically."""
    stream.flush()
    os.fsync(stream.fileno())
    stream.close()
    os.replace(part_path(output), output)


def discard_output(stream: IO, output: Path) -> None:
    """Close and remove an unfinished ``.part`` file that cannot be resumed."""
    stream.close()
    part_path(output).unlink(missing_ok=True)
