"""One tagging run, as ``innotag tag`` performs it: inputs in, records out, a summary back."""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from innotag.models.errors import InputError, OutputError, check_can_write
from innotag.models.persistence.store import default_model_dir
from innotag.models.tagging import PARALLEL_MIN_DOCUMENTS, WHOLE_FILE_FORMATS
from innotag.models.tagging.batch import check_backend, load_worker_tagger, plan_work, tag_stream
from innotag.models.tagging.inputs import count_inputs, iter_inputs
from innotag.models.tagging.output import (ResultWriter, check_format, discard_output, finish_output,
                                           open_output)

log = logging.getLogger("innotag")


class TaggingInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run; the message says how far it got and how to go on."""


@dataclass
class TagSummary:
    documents: int = 0
    failed: int = 0
    flagged: int = 0
    skipped: int = 0
    seconds: float = 0.0
    stopped_early: bool = False

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        skipped = f", {self.skipped} already done" if self.skipped else ""
        stopped = " (stopped at the first failure)" if self.stopped_early else ""
        documents = f"{self.documents} document{'' if self.documents == 1 else 's'}"
        return (f"{documents}, {self.failed} failed, {self.flagged} flagged{skipped} in "
                f"{self.seconds:.1f} s ({self.docs_per_second:.1f} documents/s){stopped}")


def run_tagging(paths: Iterable[str | Path], *, model: str | Path | None = None, output: Path | None = None,
                fmt: str = "jsonl", force: bool = False, resume: bool = False, explain: bool = False,
                csv_dialect: str = "standard", glob: str | None = None, text_field: str = "text",
                id_field: str = "id", n_jobs: int = 1, backend: str = "loky", scheduler: str | None = None,
                pipeline: str | None = None, fail_fast: bool = False, progress: bool = True, stdout=None,
                stderr=None, started: float | None = None) -> TagSummary:
    """Tag documents and write one record each to ``output`` (or stdout).

    Failures are written as records with ``error`` set and reported on stderr; the run
    goes on unless ``fail_fast``. ``started`` (a ``time.perf_counter()`` value) is where
    the summary's time counts from: the command line passes its own start, so that
    start-up counts too; by default the call's start.
    """
    from tqdm import tqdm

    started = time.perf_counter() if started is None else started
    # Every check that can fail comes before the output file is created.
    if resume and output is None:
        raise OutputError("--resume continues an --output file; name it with --output FILE")
    check_format(fmt, csv_dialect, resume)
    check_backend(backend, scheduler)
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    whole_file = fmt in WHOLE_FILE_FORMATS
    if output is None and fmt == "xlsx" and stdout.isatty():
        raise OutputError("an Excel workbook cannot be shown on a terminal; name a file with --output FILE.xlsx")
    if output is not None and not resume:
        check_can_write(output, force)  # before the model loads, not after
    paths = list(paths)
    skipped_files: Counter = Counter()
    items = iter_inputs(paths, glob=glob, text_field=text_field, id_field=id_field, skipped=skipped_files)
    first = next(items, None)  # an empty folder or a glob that matches nothing fails before the model loads
    if first is None:
        raise InputError(_nothing_found(paths, glob, skipped_files))
    items = itertools.chain([first], items)
    total = count_inputs(paths, glob=glob, text_field=text_field, id_field=id_field)
    workers, chunk_size = plan_work(total, n_jobs, backend)
    if workers < n_jobs:
        log.info("%d documents: tagging in one process (--n-jobs pays off from %d documents)", total,
                 PARALLEL_MIN_DOCUMENTS)
    model_dir = Path(model) if model else default_model_dir()
    load_worker_tagger(model_dir, pipeline)
    summary = TagSummary()
    done: set[str] = set()
    if output is not None:
        stream, done = open_output(output, fmt, force=force, resume=resume, explain=explain, csv_dialect=csv_dialect)
    else:
        stream = stdout.buffer if whole_file else stdout  # Excel and HTML are written as bytes
    writer = ResultWriter(stream, fmt, write_header=not done, explain=explain, csv_dialect=csv_dialect)
    bar = tqdm(desc="tagging", unit="doc", total=total, file=stderr, disable=None if progress else True,
               leave=False, dynamic_ncols=True)
    if done:
        items = _skip_done(items, done, summary, bar)
    # The bar and lines written to the terminal that shows it must not share a line.
    shares_terminal = output is None and not bar.disable and stdout.isatty()

    def above_bar(write, *args, **kwargs):
        with bar.get_lock():
            bar.clear()
            write(*args, **kwargs)
            bar.refresh()

    try:
        for result in tag_stream(items, model_dir, pipeline=pipeline, n_jobs=workers, backend=backend,
                                 scheduler=scheduler, chunk_size=chunk_size, explain=explain,
                                 on_document=bar.update):
            if shares_terminal:
                above_bar(writer.write, result)
            else:
                writer.write(result)
            summary.documents += 1
            if result.error:
                summary.failed += 1
                above_bar(print, f"innotag: error: {result.error}", file=stderr)
                if fail_fast:
                    summary.stopped_early = True
                    break
            elif result.flags and result.stage is None:
                summary.flagged += 1
    except KeyboardInterrupt:
        count = summary.documents + summary.skipped
        so_far = f"interrupted after {count} document{'' if count == 1 else 's'}"
        if output is not None and whole_file:
            discard_output(stream, output)
            raise TaggingInterrupted(f"{so_far}; nothing was written ({fmt} is written whole at the end: "
                                     "use --format jsonl or csv to make runs resumable)") from None
        if output is not None:
            stream.close()  # keep the .part file for --resume
        how = "rerun with --resume to continue" if output is not None else "use --output FILE to make runs resumable"
        raise TaggingInterrupted(f"{so_far}; {how}") from None
    finally:
        bar.close()
    if output is not None and summary.stopped_early:
        if whole_file:
            discard_output(stream, output)
        else:
            stream.close()  # leave the .part file for --resume: the run is not complete
    else:
        writer.close()
        if output is not None:
            finish_output(stream, output)
    summary.seconds = time.perf_counter() - started
    return summary


CONVERT = {".doc", ".odt", ".rtf", ".ppt", ".pptx", ".odp"}


def _nothing_found(paths, glob: str | None, skipped: Counter) -> str:
    message = f"no documents found in {', '.join(map(str, paths))}"
    if glob:
        message += f" matching --glob '{glob}'"
    if skipped:
        message += "; skipped " + ", ".join(f"{suffix} ×{n}" for suffix, n in skipped.most_common())
        if CONVERT & set(skipped):
            message += " (convert .doc, .odt and the like to .docx or PDF)"
    return message


def _skip_done(items, done: set[str], summary: TagSummary, bar):
    for item in items:
        if item.id in done:
            summary.skipped += 1
            bar.update()
            continue
        yield item
