"""PNG charts of an evaluation (matplotlib, Agg backend): stage confusion, F1 per feature, calibration.

Each chart function draws one figure from an :class:`~.evaluate.EvaluationResult`; its
title names the model, the data set and the number of documents, so that a chart copied
out of its report still says what it shows. :data:`CHARTS` lists them with their file
names and captions.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
import numpy as np  # noqa: E402

from innotag.models.schema import FEATURE_IDS, STAGE_IDS  # noqa: E402

DPI = 110
SYSTEM_COLOURS = {"innotag": "#1f77b4", "keywords": "#ff7f0e", "majority": "#7f7f7f"}


def subject(result) -> str:
    """'<model> on <data set>, n=<documents>' (or the cross-validation it was)."""
    data = Path(result.corpus.rstrip("/")).name if getattr(result, "corpus", "") else "the evaluated documents"
    if result.mode == "cv":
        who = f"{result.folds}-fold cross-validation"
    else:
        who = Path(str(result.model).rstrip("/")).name or str(result.model)
    return f"{who} on {data}, n={result.documents}"


def save(fig, path: Path) -> Path:
    """Save atomically: a report's chart is either the old one or the new one, never half."""
    part = path.with_name(path.name + ".part")
    fig.savefig(part, dpi=DPI, format="png")
    plt.close(fig)
    os.replace(part, path)
    return path


def confusion_chart(result):
    """innotag's stage confusion: counts and row percentages, n per true stage."""
    confusion = np.array(result.systems["innotag"]["stage"]["confusion"])
    rows = confusion.sum(axis=1)
    share = np.divide(confusion, rows[:, None], out=np.zeros(confusion.shape), where=rows[:, None] > 0)
    fig, ax = plt.subplots(figsize=(8.5, 6.8))
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(STAGE_IDS)), [f"{n} {s}" for n, s in enumerate(STAGE_IDS, 1)], rotation=30, ha="right")
    ax.set_yticks(range(len(STAGE_IDS)), [f"{n} {s}\n(n={rows[n - 1]})" for n, s in enumerate(STAGE_IDS, 1)])
    ax.set_xlabel("predicted stage")
    ax.set_ylabel("true stage (documents)")
    for i in range(confusion.shape[0]):
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=1.2))
        for j in range(confusion.shape[1]):
            label = f"{confusion[i, j]}\n{share[i, j]:.0%}" if confusion[i, j] else "0"
            ax.text(j, i, label, ha="center", va="center", fontsize=9,
                    color="white" if share[i, j] > 0.5 else "black" if confusion[i, j] else "#999999")
    correct = int(np.trace(confusion))
    ax.set_title(f"Stage confusion: {subject(result)}\n"
                 f"{correct} of {int(rows.sum())} right (framed); cells: documents and share of the true stage's row",
                 fontsize=10)
    fig.tight_layout()
    return fig


def feature_chart(result):
    """F1 per feature for every system, each bar labelled; a score of 0 is written, not left invisible."""
    systems = list(result.systems)
    support = [result.systems["innotag"]["features"]["per_feature"][f]["support"] for f in FEATURE_IDS]
    x = np.arange(len(FEATURE_IDS))
    width = 0.8 / len(systems)
    fig, ax = plt.subplots(figsize=(10, 5.2))
    for n, system in enumerate(systems):
        values = np.array([result.systems[system]["features"]["per_feature"][f]["f1"] for f in FEATURE_IDS])
        positions = x + (n - (len(systems) - 1) / 2) * width
        bars = ax.bar(positions, values, width, label=system, color=SYSTEM_COLOURS.get(system))
        ax.bar_label(bars, labels=[f"{v:.2f}" if v > 0 else "" for v in values], fontsize=7, padding=2)
        for position, value in zip(positions, values):
            if value == 0:  # no bar to see: say so where it would stand
                ax.text(position, 0.01, "0", ha="center", va="bottom", fontsize=8, fontweight="bold",
                        color=SYSTEM_COLOURS.get(system, "black"))
    ax.set_xticks(x, [f"{f.replace('_', chr(10), 1)}\n(n={s})" for f, s in zip(FEATURE_IDS, support)], fontsize=8)
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("F1")
    ax.set_title(f"F1 per ecosystem feature: {subject(result)}\n(n under each feature: documents that have it)",
                 fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=len(systems), frameon=False)
    fig.tight_layout()
    return fig


def reliability_chart(result):
    """innotag's stage calibration: per confidence bin, how often the calls were right; n per bin."""
    stage = result.systems["innotag"]["stage"]
    bins = stage.get("reliability", [])
    fig, ax = plt.subplots(figsize=(6.5, 6))
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label="perfectly calibrated")
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], marker="o", label="innotag",
            color=SYSTEM_COLOURS["innotag"])
    for b in bins:
        ax.annotate(f"n={b['n']}", (b["confidence"], b["accuracy"]), textcoords="offset points",
                    xytext=(5, -12 if b["accuracy"] > 0.1 else 6), fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("probability of the predicted stage (bin mean)")
    ax.set_ylabel("share of those calls that were right")
    ece = stage.get("ece")
    ax.set_title(f"Stage calibration: {subject(result)}\n"
                 f"calibration error (ECE) {ece:.3f}; calls per bin: "
                 + ", ".join(str(b["n"]) for b in bins), fontsize=10)
    ax.legend(loc="upper left", frameon=False)
    fig.tight_layout()
    return fig


# file name: (draw, title, caption) of every chart of a report, in report order
CHARTS = {
    "confusion.png": (confusion_chart, "Stage confusion matrix",
                      "innotag's stage calls: rows are the true stages (n documents each), columns the predicted "
                      "stages; each cell gives the documents and their share of the row, right calls framed."),
    "features.png": (feature_chart, "F1 per ecosystem feature",
                     "F1 of each system per feature, every bar labelled; a 0 marks a system that never found the "
                     "feature correctly. n under each feature: documents that have it."),
    "reliability.png": (reliability_chart, "Stage calibration",
                        "How often innotag's stage calls were right against the probability it gave them, in bins "
                        "of probability (n calls per bin); on the dashed line a 0.7 call is right 7 times in 10. "
                        "The title gives the calibration error (ECE)."),
}
