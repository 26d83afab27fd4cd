"""Smoke test of bench/peers.py: a tiny run prints both tables and writes the JSON report.

innotag, spaCy and fastText (text input) always run; Annif only when
``bash bench/setup_annif.sh`` has created bench/.venvs/annif. fastText on innotag's lemmas
is the same code with another input and would add about 40 s, so it is left to the full run.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

BENCH = REPO / "bench" / "peers.py"
ANNIF = REPO / "bench" / ".venvs" / "annif" / "bin" / "annif"


def test_peers_tiny_run_prints_tables(tmp_path):
    systems = ["innotag", "spacy", "fasttext-text"] + (["annif"] if ANNIF.exists() else [])
    out = tmp_path / "peers.json"
    proc = subprocess.run([sys.executable, str(BENCH), "--limit", "60", "--folds", "2", "--docs", "30",
                           "--systems", *systems, "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    printed = proc.stdout

    assert "python bench/peers.py --limit 60 --folds 2 --docs 30" in printed
    assert "Machine: " in printed and "Versions: " in printed and "fasttext-numpy2" in printed
    assert "## Accuracy" in printed
    assert "| system | stage macro-F1 | QWK | within-one | MAE | feature micro-F1 | feature macro-F1 |" in printed
    assert "## Speed and cost" in printed
    assert "| system | docs/s | words/s | peak RSS MB | model MB | training s | load s |" in printed
    rows = ["innotag (default model)", "spaCy textcat (BOW)", "fastText (text)", "keywords baseline",
            "majority baseline"]
    if "annif" in systems:
        rows += ["Annif (SVC stage, TF-IDF features)", "Annif (TF-IDF stage and features)"]
    accuracy = printed.split("## Accuracy", 1)[1].split("##", 1)[0]
    for row in rows:
        assert f"| {row} |" in accuracy, row
    speed_section = printed.split("## Speed and cost", 1)[1].split("##", 1)[0]
    for row in rows[:3] + rows[5:]:
        assert f"| {row} |" in speed_section, row
    assert "## Where innotag is behind" in printed

    report = json.loads(out.read_text("utf-8"))
    assert report["corpus"]["documents"] == 60 and report["corpus"]["folds"] == 2
    for key, scores in report["accuracy"].items():
        assert 0.0 <= scores["stage"]["macro_f1"] <= 1.0, key
        assert 0.0 <= scores["features"]["micro_f1"] <= 1.0, key
        assert sum(map(sum, scores["stage"]["confusion"])) == 60, key
    for key, speed in report["speed"]["systems"].items():
        assert speed["docs_per_s"] > 0 and speed["peak_rss_mb"] > 0 and speed["model_mb"] > 0, key
        assert speed["training_s"] > 0, key


def _bench_helpers():
    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    from peers import annif_peer, common

    return annif_peer, common


def test_annif_filter_keeps_top_limit_scores_at_or_above_threshold():
    import numpy as np

    annif_peer, _ = _bench_helpers()
    scores = np.array([[0.9, 0.2, 0.5, 0.0], [0.1, 0.1, 0.0, 0.0]])
    assert annif_peer.annif_filter(scores, limit=2, threshold=0.2).tolist() == [[1, 0, 1, 0], [0, 0, 0, 0]]
    assert annif_peer.annif_filter(scores, limit=3, threshold=0.2).tolist() == [[1, 1, 1, 0], [0, 0, 0, 0]]
    assert annif_peer.annif_filter(scores, limit=4, threshold=0.0).tolist() == [[1, 1, 1, 0], [1, 1, 0, 0]]


def test_threshold_tuning_and_fasttext_input():
    import numpy as np

    _, common = _bench_helpers()
    Y = np.array([[1, 0], [0, 1], [1, 1]])
    threshold, f1 = common.best_threshold(Y, np.array([[0.7, 0.1], [0.2, 0.8], [0.65, 0.6]]))
    assert f1 == 1.0 and 0.2 < threshold <= 0.6
    assert common.fasttext_text("Hanke (2023) alkoi.\nKokeilu, jatkuu!") == "hanke ( 2023 ) alkoi . kokeilu , jatkuu !"
