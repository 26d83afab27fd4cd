"""When does ``--n-jobs 2`` pay off? One process against two workers, by batch size.

    python bench/parallel.py --model DIR            # sizes 20, 100, 300, 600 (about 5 minutes on 2 cores)
    python bench/parallel.py                        # trains a model on corpus/ first (--cv 0, a few minutes)
    python bench/parallel.py --model DIR --sizes 4  # smoke test

Documents are the files in examples/ (PDF, DOCX, HTML, Markdown, text) copied round-robin
to the wanted count, so reading is included. Every run is a fresh process, so each
includes start-up and model loading as a user's run does. Three ways are timed for each
size: one process; two jobs with 32-document chunks and with the chunk size that
``plan_chunk_size`` picks, both starting the worker at once (the batch size not given); and
``innotag tag DIR --n-jobs 2`` as shipped, which starts the worker only when the work left,
timed on the first chunk, is over twice its start-up (``WORKER_START_SECONDS``). Beside the
wall time, the CPU seconds of the whole process tree and the load average before the run
are printed: on a shared machine a second process helps only when a core is free.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the process and its children, and the 1-minute load average before."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, load


def main(argv=None) -> None:
    from innotag.models.tagging import WORKER_START_SECONDS
    from innotag.models.tagging.batch import CHUNK_SIZE, plan_chunk_size

    parser = argparse.ArgumentParser(description="innotag: one process against --n-jobs 2 by batch size")
    parser.add_argument("--model", type=Path, help="model directory [default: train one on corpus/ first]")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 100, 300, 600])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2, help="runs of each setting; the fastest counts")
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
        planned_chunk = plan_chunk_size(size, args.jobs)
        settings = {"one process": (1, CHUNK_SIZE), f"{args.jobs} jobs, chunks of {CHUNK_SIZE}": (args.jobs, CHUNK_SIZE),
                    f"{args.jobs} jobs, planned chunks": (args.jobs, planned_chunk)}
        commands = {name: [sys.executable, "-c", TAG_ONCE, str(folder), str(model), str(jobs), str(chunk), str(size)]
                    for name, (jobs, chunk) in settings.items()}
        commands[f"innotag tag -j {args.jobs} (shipped)"] = INNOTAG + [
            "tag", str(folder), "--model", str(model), "--n-jobs", str(args.jobs), "--quiet", "-o",
            str(work / "out.jsonl"), "--force"]
        runs: dict[str, list] = {name: [] for name in commands}
        for _ in range(args.repeats):  # settings interleaved, so that a busy spell hits them alike
            for name, cmd in commands.items():
                runs[name].append(timed(cmd))
        row = {"documents": size, "planned_chunk": planned_chunk,
               "runs": {name: min(measured) for name, measured in runs.items()}}  # the fastest wall time
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    result = {"machine": {"cores": os.cpu_count(), "python": platform.python_version()},
              "command": " ".join(["python"] + sys.argv), "worker_start_seconds": WORKER_START_SECONDS, "rows": rows}
    print_report(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


def print_report(r: dict) -> None:
    print(f"machine: {r['machine']['cores']} cores, Python {r['machine']['python']}\ncommand: `{r['command']}`\n")
    names = list(r["rows"][0]["runs"])
    print("| documents | " + " | ".join(names) + " | planned chunk |")
    print("|---" * (len(names) + 2) + "|")
    for row in r["rows"]:
        cells = [f"{wall:.1f} s ({cpu:.0f} CPU s, load {load:.1f})" for wall, cpu, load in row["runs"].values()]
        print(f"| {row['documents']} | " + " | ".join(cells) + f" | {row['planned_chunk']} |")
    print(f"\nWall time of the fastest of the runs, with its CPU seconds (all processes) and the load average "
          f"before it. `innotag tag --n-jobs 2` starts its worker when the work left is over "
          f"{2 * r['worker_start_seconds']:.0f} s.")


if __name__ == "__main__":
    main()
