"""Write tagging results as JSONL, CSV or a terminal table; atomic files and resumable runs.

A run writing to ``--output FILE`` writes to ``FILE.part`` first, one flushed record at a
time, and renames it to ``FILE`` when the run is complete. An interrupted run leaves
``FILE.part``; ``--resume`` reads the records in it, skips those documents and appends the
rest, so the final file equals that of an uninterrupted run.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TextIO

from innotag.models.tagging import FORMATS
from innotag.models.schema import FEATURE_IDS, SHORT_NAMES, STAGE_IDS
from innotag.models.tagging.tagger import TagResult
from innotag.models.errors import OutputError, check_can_write


CSV_COLUMNS = (["id", "path", "stage", "stage_probability", "expected_stage"]
               + [f"p_{s}" for s in STAGE_IDS] + list(FEATURE_IDS) + [f"p_{f}" for f in FEATURE_IDS]
               + ["ecosystem_score", "flags", "error"])
# With --explain: the evidence sentences of the stage call and of each feature present.
EVIDENCE_COLUMNS = ["evidence_stage"] + [f"evidence_{f}" for f in FEATURE_IDS]
EVIDENCE_SEPARATOR = " | "


def evidence_sentences(result: TagResult) -> dict[str, list[str]]:
    """The sentences behind each call of an explained result, by call ("stage" or a feature id)."""
    return {key: value["sentences"] for key, value in (result.explanation or {}).items()}


def csv_row(result: TagResult, explain: bool = False) -> dict:
    row = {"id": result.id, "path": result.path or "", "stage": result.stage or "",
           "stage_probability": result.stage_probability if result.stage_probability is not None else "",
           "expected_stage": result.expected_stage if result.expected_stage is not None else "",
           "ecosystem_score": result.ecosystem_score if result.ecosystem_score is not None else "",
           "flags": ";".join(result.flags), "error": result.error or ""}
    for s in STAGE_IDS:
        row[f"p_{s}"] = result.stage_probabilities[s] if result.stage_probabilities else ""
    for f in FEATURE_IDS:
        row[f] = int(f in result.features) if result.features is not None else ""
        row[f"p_{f}"] = result.feature_probabilities[f] if result.feature_probabilities else ""
    if explain:
        evidence = evidence_sentences(result)
        for key in ["stage", *FEATURE_IDS]:
            row[f"evidence_{key}"] = EVIDENCE_SEPARATOR.join(evidence.get(key, []))
    return row


class ResultWriter:
    """Streams results in one format to a text stream."""

    def __init__(self, stream: TextIO, fmt: str, write_header: bool = True, explain: bool = False):
        if fmt not in FORMATS:
            raise OutputError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
        self.stream, self.fmt, self.explain = stream, fmt, explain
        columns = CSV_COLUMNS + (EVIDENCE_COLUMNS if explain else [])
        self._csv = csv.DictWriter(stream, fieldnames=columns) if fmt == "csv" else None
        if self._csv and write_header:
            self._csv.writeheader()
        if fmt == "table" and write_header:
            stream.write(_table_line("document", "stage", "p", "features", "score", "flags / error") + "\n")

    def write(self, result: TagResult) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self._csv.writerow(csv_row(result, self.explain))
        else:
            self.stream.write(format_table_row(result) + "\n")
            for key, sentences in evidence_sentences(result).items():
                for sentence in sentences:  # under the row, so a reader sees why
                    self.stream.write(f"    {SHORT_NAMES[key] if key != 'stage' else 'stage'}: {sentence}\n")
        self.stream.flush()


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


def open_output(output: Path, fmt: str, *, force: bool = False, resume: bool = False) -> tuple[TextIO, set[str]]:
    """Open ``output``'s ``.part`` file for writing; return it and the ids already done."""
    part = part_path(output)
    check_can_write(output, force)
    done: set[str] = set()
    if resume:
        if fmt == "table":
            raise OutputError("--resume needs --format jsonl or csv")
        if part.exists():
            done, keep = _completed(part, fmt)
            with open(part, "r+", encoding="utf-8", newline="") as fh:
                fh.truncate(keep)
        stream = open(part, "a", encoding="utf-8", newline="")
        if not done and fmt == "csv":
            stream.truncate(0)
        return stream, done
    if part.exists() and not force:
        raise OutputError(f"an interrupted run left {part}; use --resume to continue it or --force to start over")
    output.parent.mkdir(parents=True, exist_ok=True)
    return open(part, "w", encoding="utf-8", newline=""), done


def _completed(part: Path, fmt: str) -> tuple[set[str], int]:
    """Ids of complete records in a partial output, and the byte length they occupy."""
    data = part.read_bytes()
    keep = data.rfind(b"\n") + 1  # a record cut off mid-line is dropped and redone
    text = data[:keep].decode("utf-8")
    if fmt == "jsonl":
        done = set()
        for line in text.splitlines():
            try:
                done.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                raise OutputError(f"{part} has a line that is not an innotag record; "
                                  "remove the file or use --force to start over") from None
        return done, keep
    rows = list(csv.DictReader(io.StringIO(text)))
    return {row["id"] for row in rows}, keep


def finish_output(stream: TextIO, output: Path) -> None:
    """Close the ``.part`` file and move it into place atomically."""
    stream.flush()
    os.fsync(stream.fileno())
    stream.close()
    os.replace(part_path(output), output)
