"""When does ``--n-jobs 2`` pay off? One process against two workers, by batch size.

    python bench/parallel.py --model DIR            # sizes 20, 100, 300, 600 (about 5 minutes on 2 cores)
    python bench/parallel.py                        # trains a model on corpus/ first (--cv 0, a few minutes)
    python bench/parallel.py --model DIR --sizes 4  # smoke test

Documents are the files in examples/ (PDF, DOCX, HTML, Markdown, text) copied round-robin
to the wanted count, so reading is included. Every run is a fresh process, so each
includes start-up and model loading as a user's run does. Three ways are timed for each
size: one process; two loky workers with the fixed 32-document chunks of earlier
versions; two workers with the chunk size that ``plan_work`` picks for that size. The last column is
``innotag tag DIR --n-jobs 2`` as shipped, which runs small batches in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from innotag.nlp.readers import SUPPORTED_SUFFIXES

REPO = Path(__file__).resolve().parents[1]
INNOTAG = [sys.executable, "-c", "from innotag import cli; cli.main()"]
# One run of the library, in its own process: tag a folder with a given worker count and chunk size.
TAG_ONCE = """
import sys
from innotag.models.tagging.batch import tag_stream
from innotag.models.tagging.inputs import iter_inputs
folder, model, jobs, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
results = list(tag_stream(iter_inputs([folder]), model, n_jobs=jobs, chunk_size=chunk))
assert len(results) == int(sys.argv[5]), len(results)
"""


def write_documents(n: int, folder: Path) -> None:
    """n files cycling through examples/, each keeping its format."""
    examples = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in SUPPORTED_SUFFIXES)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        source = examples[i % len(examples)]
        shutil.copyfile(source, folder / f"doc{i:05}{source.suffix}")


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return time.perf_counter() - started


def main(argv=None) -> None:
    from innotag.models.tagging import PARALLEL_MIN_DOCUMENTS
    from innotag.models.tagging.batch import CHUNK_SIZE, parallel_chunk_size

    parser = argparse.ArgumentParser(description="innotag: one process against --n-jobs 2 by batch size")
    parser.add_argument("--model", type=Path, help="model directory [default: train one on corpus/ first]")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 100, 300, 600])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1, help="runs of each setting; the fastest counts")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "out" / "parallel.json")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="innotag-bench-"))
    model = args.model
    if model is None:
        model = work / "model"
        timed(INNOTAG + ["train", str(REPO / "corpus"), "--output", str(model), "--cv", "0", "--quiet"])
    rows = []
    for size in args.sizes:
        folder = work / f"docs-{size}"
        write_documents(size, folder)
        planned_chunk = parallel_chunk_size(size, args.jobs)
        settings = {"one process": (1, CHUNK_SIZE), f"{args.jobs} workers, chunks of {CHUNK_SIZE}": (args.jobs, CHUNK_SIZE),
                    f"{args.jobs} workers, planned chunks": (args.jobs, planned_chunk)}
        row = {"documents": size, "planned_chunk": planned_chunk}
        for name, (jobs, chunk) in settings.items():
            row[name] = min(timed([sys.executable, "-c", TAG_ONCE, str(folder), str(model), str(jobs), str(chunk),
                                   str(size)]) for _ in range(args.repeats))
        out = work / "out.jsonl"
        row["innotag tag -j 2 (shipped)"] = min(
            timed(INNOTAG + ["tag", str(folder), "--model", str(model), "--n-jobs", str(args.jobs), "--quiet",
                             "-o", str(out), "--force"]) for _ in range(args.repeats))
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    result = {"machine": {"cores": os.cpu_count(), "python": platform.python_version()},
              "command": " ".join(["python"] + sys.argv), "threshold": PARALLEL_MIN_DOCUMENTS, "rows": rows}
    print_report(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


def print_report(r: dict) -> None:
    print(f"machine: {r['machine']['cores']} cores, Python {r['machine']['python']}\ncommand: `{r['command']}`\n")
    columns = [k for k in r["rows"][0] if k not in ("documents", "planned_chunk")]
    print("| documents | " + " | ".join(f"{c} (s)" for c in columns) + " | planned chunk |")
    print("|---" * (len(columns) + 2) + "|")
    for row in r["rows"]:
        print(f"| {row['documents']} | " + " | ".join(f"{row[c]:.1f}" for c in columns)
              + f" | {row['planned_chunk']} |")
    print(f"\n`innotag tag --n-jobs 2` runs batches under {r['threshold']} documents in one process.")


if __name__ == "__main__":
    main()
