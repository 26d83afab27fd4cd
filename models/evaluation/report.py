"""Plain-text tables for the terminal: corpus statistics, agreement, evaluation scores."""

from __future__ import annotations

from innotag.models.schema import FEATURE_IDS, SHORT_NAMES, STAGE_IDS


def _table(header: list[str], rows: list[list], align_first_left: bool = True) -> str:
    cells = [header] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [c.ljust(w) if (i == 0 and align_first_left) else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_statistics(stats: dict) -> str:
    n = stats["documents"] or 1
    out = [f"documents: {stats['documents']}   words: {stats['words']['total']} "
           f"(min {stats['words']['min']}, median {stats['words']['median']}, max {stats['words']['max']})   "
           f"hard cases: {stats['hard_cases']}   with evidence annotation: {stats.get('with_evidence', 0)}", ""]
    rows = [[s, stats["stages"][s]] + [stats["stage_by_feature"][s][f] for f in FEATURE_IDS] for s in STAGE_IDS]
    rows.append(["all", stats["documents"]] + [stats["features"][f] for f in FEATURE_IDS])
    rows.append(["share", "100%"] + [f"{stats['features'][f] / n:.0%}" for f in FEATURE_IDS])
    out.append(_table(["stage", "docs"] + [SHORT_NAMES[f] for f in FEATURE_IDS], rows))
    out.append("")
    out.append("ecosystem score: " + ", ".join(f"{k}: {v}" for k, v in stats["ecosystem_score"].items()))
    out.append("length bands (words): " + ", ".join(f"{k}: {v}" for k, v in stats["length_bands"].items()))
    out.append("genres: " + ", ".join(f"{k} {v}" for k, v in stats["genres"].items()))
    out.append("domains: " + ", ".join(f"{k} {v}" for k, v in stats["domains"].items()))
    return "\n".join(out)


def format_agreement(result) -> str:
    out = [f"documents annotated twice: {result.documents}", "",
           _table(["measure", "value"], [["stage exact agreement", f"{result.stage_exact:.3f}"],
                                         ["stage within-one agreement", f"{result.stage_within_one:.3f}"],
                                         ["stage Cohen's kappa (quadratic)", f"{result.stage_kappa_quadratic:.3f}"],
                                         ["stage Cohen's kappa (unweighted)", f"{result.stage_kappa:.3f}"],
                                         ["feature micro-F1 (second vs first)", f"{result.feature_micro_f1:.3f}"],
                                         ["feature macro-F1 (second vs first)", f"{result.feature_macro_f1:.3f}"]]),
           "",
           _table(["feature", "kappa", "agreement", "prev. 1st", "prev. 2nd"],
                  [[f, f"{v['kappa']:.3f}", f"{v['agreement']:.3f}", f"{v['prevalence_first']:.2f}",
                    f"{v['prevalence_second']:.2f}"] for f, v in result.features.items()]), "",
           "stage confusion (rows: first annotation, columns: second)",
           _table([""] + [SHORT_NAMES[s] for s in STAGE_IDS],
                  [[SHORT_NAMES[STAGE_IDS[i]]] + row for i, row in enumerate(result.stage_confusion)])]
    return "\n".join(out)


_STAGE_ROWS = (("accuracy", "accuracy"), ("macro_f1", "macro-F1"), ("mae", "MAE (stages)"),
               ("macro_mae", "macro-MAE"), ("qwk", "QWK"), ("within_one", "within-one accuracy"),
               ("brier", "Brier (multi-class)"), ("ece", "calibration error (ECE)"))
_FEATURE_ROWS = (("micro_f1", "micro-F1"), ("macro_f1", "macro-F1"), ("brier", "Brier"),
                 ("ecosystem_score_mae", "ecosystem score MAE"))


def format_evaluation(result) -> str:
    """Systems side by side: stage scores, feature scores, per-feature F1, confusion matrix."""
    systems = list(result.systems)
    head = (f"{result.mode} evaluation on {result.documents} documents"
            + (f", {result.folds} folds, seed {result.seed}" if result.folds else f", model {result.model}")
            + f", pipeline {result.pipeline}, {result.seconds:.1f} s")
    if result.overlap:
        head += (f"\nWARNING: {result.overlap} of these documents were in the model's training corpus; "
                 "the scores below are NOT held-out")
    if result.missing:
        head += (f"\n{result.missing} indexed document{'s have' if result.missing != 1 else ' has'} no text here "
                 f"and {'were' if result.missing != 1 else 'was'} not scored")
    if result.intervals:
        head += "\n[low–high]: 95 % bootstrap interval over documents"

    def cell(system, task, key):
        value = f"{result.systems[system][task].get(key, float('nan')):.3f}"
        interval = result.intervals.get(system, {}).get(f"{task}.{key}")
        return f"{value} [{interval[0]:.2f}–{interval[1]:.2f}]" if interval else value

    out = [head, "", "STAGE"]
    out.append(_table(["metric"] + systems, [[label] + [cell(s, "stage", key) for s in systems]
                                             for key, label in _STAGE_ROWS]))
    out += ["", "ECOSYSTEM FEATURES"]
    rows = [[label] + [cell(s, "features", key) for s in systems] for key, label in _FEATURE_ROWS]
    for f in FEATURE_IDS:
        rows.append([f"F1 {f}"] + [f"{result.systems[s]['features']['per_feature'][f]['f1']:.3f}" for s in systems])
    out.append(_table(["metric"] + systems, rows))
    main = result.systems["innotag"]
    out += ["", "innotag per feature", _table(
        ["feature", "precision", "recall", "F1", "support"],
        [[f, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"]]
         for f, v in main["features"]["per_feature"].items()])]
    out += ["", "innotag stage confusion (rows: true, columns: predicted)",
            _table([""] + [SHORT_NAMES[s] for s in STAGE_IDS],
                   [[SHORT_NAMES[STAGE_IDS[i]]] + row for i, row in enumerate(main["stage"]["confusion"])])]
    if result.by_genre:
        out += ["", "BY GENRE (innotag; accuracy of the baselines for comparison)", _table(
            ["genre", "n", "QWK", "accuracy", "within-one", "feature micro-F1", "acc. keywords", "acc. majority"],
            [[genre, g["documents"]] + [f"{g['systems']['innotag'][k]:.3f}" for k in
                                        ("stage.qwk", "stage.accuracy", "stage.within_one", "features.micro_f1")]
             + [f"{g['systems'][s]['stage.accuracy']:.3f}" for s in ("keywords", "majority")]
             for genre, g in result.by_genre.items()])]
    return "\n".join(out)


def write_report(result, folder) -> list:
    """Markdown report with a confusion-matrix heatmap and per-feature bars (PNG)."""
    from pathlib import Path

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    main = result.systems["innotag"]
    confusion = np.array(main["stage"]["confusion"])
    names = [f"{n} {s}" for n, s in enumerate(STAGE_IDS, 1)]
    fig, ax = plt.subplots(figsize=(7.5, 6))
    ax.imshow(confusion, cmap="Blues")
    ax.set_xticks(range(len(STAGE_IDS)), names, rotation=35, ha="right")
    ax.set_yticks(range(len(STAGE_IDS)), names)
    ax.set_xlabel("predicted stage")
    ax.set_ylabel("true stage")
    for i in range(confusion.shape[0]):
        for j in range(confusion.shape[1]):
            ax.text(j, i, confusion[i, j], ha="center", va="center",
                    color="white" if confusion[i, j] > confusion.max() / 2 else "black")
    ax.set_title("innotag: stage confusion matrix")
    fig.tight_layout()
    fig.savefig(folder / "confusion.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / len(result.systems)
    for n, (system, scores) in enumerate(result.systems.items()):
        values = [scores["features"]["per_feature"][f]["f1"] for f in FEATURE_IDS]
        ax.bar(np.arange(len(FEATURE_IDS)) + n * width, values, width, label=system)
    ax.set_xticks(np.arange(len(FEATURE_IDS)) + width * (len(result.systems) - 1) / 2,
                  [f.replace("_", "\n", 1) for f in FEATURE_IDS], fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_ylabel("F1")
    ax.set_title("F1 per ecosystem feature")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=len(result.systems), frameon=False)
    fig.tight_layout()
    fig.savefig(folder / "features.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(5.5, 5))
    bins = main["stage"].get("reliability", [])
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label="perfectly calibrated")
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], marker="o", label="innotag")
    for b in bins:
        ax.annotate(str(b["n"]), (b["confidence"], b["accuracy"]), textcoords="offset points", xytext=(4, -10),
                    fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("probability of the predicted stage")
    ax.set_ylabel("share of those calls that were right")
    ax.set_title(f"Stage calibration ({result.documents} documents; n per point)")
    ax.legend(loc="upper left", frameon=False)
    fig.tight_layout()
    fig.savefig(folder / "reliability.png", dpi=110)
    plt.close(fig)

    text = ["# innotag evaluation", "", "```", format_evaluation(result), "```", "",
            "![Stage confusion matrix](confusion.png)", "", "![F1 per feature](features.png)", "",
            "![Stage calibration](reliability.png)", ""]
    (folder / "report.md").write_text("\n".join(text), encoding="utf-8")
    return [folder / "report.md", folder / "confusion.png", folder / "features.png", folder / "reliability.png"]
