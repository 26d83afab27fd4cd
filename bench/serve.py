"""``innotag serve`` against ``innotag tag``: request rate, latency and the server's memory over time.

    python bench/serve.py                        # default model, 1,000 requests (a few minutes on 2 cores)
    python bench/serve.py --model DIR --requests 50 --json out.json   # a smaller run

The server is the real command, ``innotag serve --port 0``, in a subprocess; requests are
``POST /v1/tag`` uploads of the files in examples/ in turn, from one client (sequential)
and from four at once. The model is loaded once, before the first request. Beside it,
the per-call cost of ``innotag tag FILE`` (start-up and model loading included) on each
example. Memory is the server's resident size (VmRSS) after 100, 500 and 1,000 requests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from innotag.nlp.readers import SUPPORTED_SUFFIXES

REPO = Path(__file__).resolve().parents[1]
INNOTAG = [sys.executable, "-c", "from innotag import cli; cli.main()"]
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in SUPPORTED_SUFFIXES)  # not the screenshot


def start_server(model: Path) -> tuple[subprocess.Popen, str, float]:
    """The server process, its address and the seconds from start to its first answer."""
    started = time.perf_counter()
    proc = subprocess.Popen(INNOTAG + ["serve", "--model", str(model), "--port", "0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://[\d.]+:\d+", line)
    if not match:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}{proc.stderr.read()}")
    url = match.group(0)
    requests.get(url + "/v1/health", timeout=60).raise_for_status()
    return proc, url, time.perf_counter() - started


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def tag_file(session: requests.Session, url: str, path: Path) -> float:
    """Seconds for one POST /v1/tag upload of ``path``."""
    data = path.read_bytes()
    started = time.perf_counter()
    response = session.post(url + "/v1/tag", files={"file": (path.name, data)}, timeout=120)
    seconds = time.perf_counter() - started
    response.raise_for_status()
    return seconds


def latency_summary(seconds: list[float], wall: float) -> dict:
    ordered = sorted(seconds)
    return {"requests": len(seconds), "per_s": len(seconds) / wall, "median_ms": statistics.median(ordered) * 1000,
            "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000}


def sequential(url: str, n: int, checkpoints=(), pid: int | None = None) -> tuple[dict, dict]:
    """``n`` requests one after another; the server's RSS at each checkpoint (requests done)."""
    session, times, memory = requests.Session(), [], {}
    started = time.perf_counter()
    for i in range(n):
        times.append(tag_file(session, url, EXAMPLES[i % len(EXAMPLES)]))
        if pid and i + 1 in checkpoints:
            memory[i + 1] = rss_mb(pid)
    return latency_summary(times, time.perf_counter() - started), memory


def concurrent(url: str, n: int, clients: int) -> dict:
    def one(i):
        return tag_file(requests.Session(), url, EXAMPLES[i % len(EXAMPLES)])

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        times = list(pool.map(one, range(n)))
    return {"clients": clients, **latency_summary(times, time.perf_counter() - started)}


def cli_per_call(model: Path, runs: int) -> list[dict]:
    """Wall seconds of ``innotag tag FILE`` per example: start-up, model loading and tagging."""
    out = []
    for path in EXAMPLES:
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(INNOTAG + ["tag", str(path), "--model", str(model), "--format", "jsonl", "--quiet"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds.append(time.perf_counter() - started)
        out.append({"file": path.name, "median_s": statistics.median(seconds)})
    return out


def main(argv=None) -> None:
    from innotag.models.persistence.store import default_model_dir

    parser = argparse.ArgumentParser(description="innotag serve: request rate, latency, memory; innotag tag per call")
    parser.add_argument("--model", type=Path, default=None, help="model directory [default: the default model]")
    parser.add_argument("--requests", type=int, default=1000, help="sequential requests (memory is read along)")
    parser.add_argument("--concurrent", type=int, default=200, help="requests sent by four clients at once")
    parser.add_argument("--cli-runs", type=int, default=3, help="innotag tag runs per example")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "out" / "serve.json")
    args = parser.parse_args(argv)
    model = args.model or default_model_dir()
    checkpoints = sorted({c for c in (100, 500, 1000, args.requests) if c <= args.requests})
    result = {"machine": {"cores": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
                          "python": platform.python_version()}, "command": " ".join(["python"] + sys.argv),
              "examples": [p.name for p in EXAMPLES]}
    proc, url, startup = start_server(model)
    try:
        result["startup_s"], result["rss_loaded_mb"] = startup, rss_mb(proc.pid)
        sequential(url, len(EXAMPLES))  # warm-up: the first call of each reader imports it
        result["sequential"], result["rss_mb"] = sequential(url, args.requests, checkpoints, proc.pid)
        result["concurrent"] = concurrent(url, args.concurrent, 4) if args.concurrent else None
    finally:
        proc.terminate()
        proc.wait(30)
    result["cli"] = cli_per_call(model, args.cli_runs)
    print_report(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


def print_report(r: dict) -> None:
    m = r["machine"]
    print(f"## innotag serve\n\nmachine: {m['cores']} cores, {m['cpu']}, Python {m['python']}; "
          f"command: `{r['command']}`\n")
    print(f"Server start to first answer (model loaded): {r['startup_s']:.1f} s; RSS then {r['rss_loaded_mb']:.0f} MB. "
          f"Requests: `POST /v1/tag` uploads of the {len(r['examples'])} files in examples/ in turn.\n")
    print("| | requests | requests/s | median latency | p95 latency |\n|---|---|---|---|---|")
    s = r["sequential"]
    print(f"| one client | {s['requests']} | {s['per_s']:.1f} | {s['median_ms']:.0f} ms | {s['p95_ms']:.0f} ms |")
    if r["concurrent"]:
        c = r["concurrent"]
        print(f"| {c['clients']} clients at once | {c['requests']} | {c['per_s']:.1f} | {c['median_ms']:.0f} ms | "
              f"{c['p95_ms']:.0f} ms |")
    cli = r["cli"]
    print("\n| `innotag tag FILE` (one process per call) | wall time |\n|---|---|")
    for row in cli:
        print(f"| {row['file']} | {row['median_s']:.2f} s |")
    print(f"\nPer document: {statistics.median(row['median_s'] for row in cli):.2f} s as a command, "
          f"{s['median_ms'] / 1000:.3f} s from the server.\n")
    print("| requests served | server RSS |\n|---|---|")
    print(f"| 0 (model loaded) | {r['rss_loaded_mb']:.0f} MB |")
    for n, mb in r["rss_mb"].items():
        print(f"| {n} | {mb:.0f} MB |")


if __name__ == "__main__":
    main()
