"""Tagging throughput and peak memory of innotag, the floors beneath it, and how cost grows.

    python bench/throughput.py                 # full run (about 15 minutes on 2 cores)
    python bench/throughput.py --quick         # tiny run, for the smoke test

Documents are corpus texts repeated to the wanted count and written as .txt files, so
reading is included. Each tagging run is the real command line, ``innotag tag DIR``, in a
subprocess; its wall time includes start-up and model loading, and its peak memory is
the largest sum of resident memory over the whole process tree (workers included),
sampled from /proc. Each pipeline is measured with a model trained on that pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from innotag.models.corpus.load import load_corpus
from innotag.models.schema import STAGE_IDS

REPO = Path(__file__).resolve().parents[1]
INNOTAG = [sys.executable, "-c", "from innotag import cli; cli.main()"]
_WORD = re.compile(r"\w+")


def write_documents(texts: list[str], n: int, folder: Path) -> int:
    """n .txt files cycling through the corpus texts; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        text = texts[i % len(texts)]
        (folder / f"doc{i:05}.txt").write_text(text, encoding="utf-8")
        words += len(_WORD.findall(text))
    return words


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_measured(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak process-tree RSS (MB) of a command."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0,):
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return seconds, peak / 1024


def tag_run(folder: Path, model: Path, jobs: int, out: Path) -> tuple[float, float]:
    return run_measured(INNOTAG + ["tag", str(folder), "--model", str(model), "--n-jobs", str(jobs), "--quiet",
                                   "--format", "jsonl", "--output", str(out), "--force"])


def floors(folder: Path, pipelines: list[str]) -> dict[str, float]:
    """Seconds for reading alone, reading plus spaCy tokenization, and each pipeline alone."""
    import spacy

    from innotag.nlp.pipeline import load_pipeline
    from innotag.nlp.readers import read_document

    paths = sorted(folder.glob("*.txt"))
    started = time.perf_counter()
    texts = [read_document(p).text for p in paths]
    reading = time.perf_counter() - started
    tokenizer = spacy.blank("fi")
    started = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    out = {"reading": reading, "reading + spaCy tokenizer": reading + time.perf_counter() - started}
    for name in pipelines:
        nlp, _ = load_pipeline(name)
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=128):
            pass
        out[f"reading + {name} pipeline"] = reading + time.perf_counter() - started
    return out


def train_model(corpus: Path, pipeline: str, out: Path) -> float:
    seconds, _ = run_measured(INNOTAG + ["train", str(corpus), "--output", str(out), "--pipeline", pipeline,
                                         "--cv", "0", "--force", "--quiet"])
    return seconds


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="innotag tagging throughput, floors and cost growth")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--docs", type=int, default=2000, help="documents for the main throughput table")
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2000, 8000], help="documents for cost growth")
    parser.add_argument("--pipelines", nargs="*", default=["accurate", "fast"])
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--fractions", type=float, nargs="*", default=[0.25, 0.5, 1.0],
                        help="corpus shares for the training-time rows (first pipeline only)")
    parser.add_argument("--growth-pipelines", nargs="*", default=["fast"],
                        help="pipelines for the cost-growth rows (8,000 documents on 'accurate' take ~10 min a run)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes for a smoke test")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "out" / "throughput.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.sizes, args.fractions, args.pipelines, args.growth_pipelines = 40, [20, 40], [0.5], ["fast"], ["fast"]
    corpus = load_corpus(REPO / args.corpus)
    texts = corpus.texts
    work = Path(tempfile.mkdtemp(prefix="innotag-bench-"))
    results: dict = {"machine": {"cores": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
                                 "python": platform.python_version()}, "command": " ".join(["python"] + sys.argv)}

    # Training time per pipeline (full corpus) and by corpus share, with the CLI.
    models, training = {}, []
    for n, pipeline in enumerate(args.pipelines):
        models[pipeline] = work / f"model-{pipeline}"
        for fraction in sorted(set(args.fractions if n == 0 else []) | {1.0}):
            subset = work / f"corpus-{fraction}.jsonl"
            # the same share of every stage (at least 3 each, what training needs)
            keep = [e for stage in range(len(STAGE_IDS)) for e in [x for x in corpus.examples if x.stage == stage][
                : max(3, round(sum(x.stage == stage for x in corpus.examples) * fraction))]]
            subset.write_text("".join(json.dumps({"id": e.id, "text": e.text, "stage": e.stage_id,
                                                  "features": list(e.features)}, ensure_ascii=False) + "\n"
                                      for e in keep), encoding="utf-8")
            target = models[pipeline] if fraction == 1.0 else work / f"model-{pipeline}-{fraction}"
            seconds = train_model(subset, pipeline, target)
            if n == 0 and fraction in args.fractions or fraction == 1.0:
                training.append({"pipeline": pipeline, "share": fraction, "documents": len(keep), "seconds": seconds})
    results["training"] = training

    # Main table: args.docs documents, every pipeline and job count.
    folder = work / f"docs-{args.docs}"
    words = write_documents(texts, args.docs, folder)
    rows = []
    for pipeline in args.pipelines:
        for jobs in args.jobs:
            seconds, peak = tag_run(folder, models[pipeline], jobs, work / "out.jsonl")
            rows.append({"pipeline": pipeline, "jobs": jobs, "documents": args.docs, "words": words,
                         "seconds": seconds, "docs_per_s": args.docs / seconds, "words_per_s": words / seconds,
                         "peak_rss_mb": peak})
    results["tagging"] = rows
    results["floors"] = [{"step": step, "seconds": s, "docs_per_s": args.docs / s, "words_per_s": words / s}
                         for step, s in floors(folder, args.pipelines).items()]

    # Cost growth with the number of documents.
    growth = []
    for size in args.sizes:
        sized = work / f"docs-{size}"
        if not sized.exists():
            write_documents(texts, size, sized)
        for pipeline in args.growth_pipelines:
            for jobs in args.jobs:
                seconds, peak = tag_run(sized, models[pipeline], jobs, work / "out.jsonl")
                growth.append({"documents": size, "pipeline": pipeline, "jobs": jobs, "seconds": seconds,
                               "peak_rss_mb": peak})
    results["growth"] = growth
    results["model_mb"] = {p: sum(f.stat().st_size for f in m.iterdir()) / 2**20 for p, m in models.items()}
    print_report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


def print_report(r: dict) -> None:
    m = r["machine"]
    print(f"# innotag throughput\n\nmachine: {m['cores']} cores, {m['cpu']}, Python {m['python']}\ncommand: `{r['command']}`\n")
    print("## Tagging (end to end: `innotag tag DIR`, start-up and model loading included)\n")
    print("| pipeline | --n-jobs | documents | seconds | documents/s | words/s | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for row in r["tagging"]:
        print(f"| {row['pipeline']} | {row['jobs']} | {row['documents']} | {row['seconds']:.1f} | "
              f"{row['docs_per_s']:.1f} | {row['words_per_s']:.0f} | {row['peak_rss_mb']:.0f} |")
    print("\n## Floors (same documents, one process)\n")
    print("| step | seconds | documents/s | words/s |")
    print("|---|---|---|---|")
    for row in r["floors"]:
        print(f"| {row['step']} | {row['seconds']:.1f} | {row['docs_per_s']:.0f} | {row['words_per_s']:.0f} |")
    print("\nTagging throughput as a share of each floor (--n-jobs 1):\n")
    for row in r["tagging"]:
        if row["jobs"] != 1:
            continue
        shares = ", ".join(f"{f['step']}: {row['docs_per_s'] / f['docs_per_s']:.2f}" for f in r["floors"])
        print(f"- {row['pipeline']}: {shares}")
    print("\n## Cost growth\n")
    print("| documents | pipeline | --n-jobs | seconds | peak RSS (MB) |")
    print("|---|---|---|---|---|")
    for row in r["growth"]:
        print(f"| {row['documents']} | {row['pipeline']} | {row['jobs']} | {row['seconds']:.1f} | {row['peak_rss_mb']:.0f} |")
    print("\n## Training (`innotag train --cv 0`, preprocessing cache warm)\n")
    print("| pipeline | corpus share | documents | seconds |")
    print("|---|---|---|---|")
    for row in r["training"]:
        print(f"| {row['pipeline']} | {row['share']:.0%} | {row['documents']} | {row['seconds']:.1f} |")
    print("\nmodel size on disk: " + ", ".join(f"{p} {mb:.1f} MB" for p, mb in r["model_mb"].items()))


if __name__ == "__main__":
    main()
