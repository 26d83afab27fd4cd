"""Shared pieces of the peer benchmark: paths, the inner split, thresholds, measured subprocesses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parents[1]
REPO = BENCH.parent
for _path in (str(REPO), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from innotag.models.evaluation.folds import joint_folds  # noqa: E402
from innotag.models.schema import FEATURE_IDS, STAGE_IDS  # noqa: E402

N_STAGES, N_FEATURES = len(STAGE_IDS), len(FEATURE_IDS)
# The threshold grid of `annif optimize` (0.00, 0.05, ..., 0.95), used for every peer.
THRESHOLDS = np.round(np.arange(20) * 0.05, 2)


def inner_split(stages: np.ndarray, features: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One 80/20 split of a training fold, stratified on stage and features like the outer folds.

    Peers tune on it what their documentation says to tune on held-out data (spaCy: the
    training step to keep; fastText: lr and epoch; all: the multi-label threshold).
    """
    inner_train, dev = joint_folds(stages, features, 5, seed)[0]
    return inner_train, dev


def micro_f1(Y: np.ndarray, P: np.ndarray) -> float:
    tp = int((Y & P).sum())
    denom = int(Y.sum() + P.sum())
    return 2 * tp / denom if denom else 0.0


def best_threshold(Y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The global threshold of THRESHOLDS with the best micro-F1 (ties: nearest to 0.5)."""
    best = (-1.0, 0.0, 0.5)
    for t in THRESHOLDS:
        f = micro_f1(Y.astype(int), (scores >= t).astype(int))
        key = (round(f, 10), -abs(t - 0.5))
        if key > best[:2]:
            best = (key[0], key[1], float(t))
    return best[2], best[0]


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, pred, labels=list(range(N_STAGES)), average="macro", zero_division=0))


_PUNCT = re.compile(r"([.!?,'/()])")


def fasttext_text(text: str) -> str:
    """fastText's tutorial preprocessing: punctuation split off, lower case, one line."""
    return " ".join(_PUNCT.sub(r" \1 ", text).lower().split())


def n_words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def dir_size_mb(path: str | Path) -> float:
    path = Path(path)
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def run_measured(cmd: list[str], *, env: dict | None = None, cwd: str | Path | None = None,
                 stdin_text: str | None = None) -> Measured:
    """Run a command; wall time and the peak resident memory of that process (wait4's ru_maxrss)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd,
                                stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                                text=True)
        if stdin_text is not None:
            proc.stdin.write(stdin_text)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read(), err.read(), seconds, usage.ru_maxrss / 1024)


def worker_call(job: dict, *, env: dict | None = None) -> tuple[dict, Measured]:
    """Run one job of bench/peers/worker.py in a fresh Python process; its JSON answer and measurements."""
    cmd = [sys.executable, str(BENCH / "peers" / "worker.py"), json.dumps(job)]
    measured = run_measured(cmd, env=env, cwd=REPO)
    if measured.returncode != 0:
        raise RuntimeError(f"worker job {job.get('job')} {job.get('system')} failed:\n{measured.stderr[-3000:]}")
    answer = json.loads(measured.stdout.strip().splitlines()[-1])
    return answer, measured
