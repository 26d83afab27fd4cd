"""Plain-text tables for the terminal (corpus statistics, agreement, evaluation scores) and the Markdown\nevaluation report (its charts: :mod:`.charts`)."""

from __future__ import annotations

import textwrap

from innotag.models.evaluation.metrics import fold_spread
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


_NO_BREAK = "\u00a0"  # textwrap breaks lines at ASCII whitespace only


def _items(items, sep: str = ", ") -> str:
    """Items joined for textwrap, each kept on one line."""
    return sep.join(item.replace(" ", _NO_BREAK) for item in items)


def format_statistics(stats: dict, width: int = 80) -> str:
    """Corpus statistics in ``width`` columns: short label names as headers (keyed below the table)."""
    n = stats["documents"] or 1
    words = stats["words"]
    out = [f"documents: {stats['documents']}   hard cases: {stats['hard_cases']}   "
           f"with evidence annotation: {stats.get('with_evidence', 0)}",
           f"words: {words['total']} (min {words['min']}, median {words['median']}, max {words['max']})", ""]
    rows = [[SHORT_NAMES[s], stats["stages"][s]] + [stats["stage_by_feature"][s][f] for f in FEATURE_IDS]
            for s in STAGE_IDS]
    rows.append(["all", stats["documents"]] + [stats["features"][f] for f in FEATURE_IDS])
    rows.append(["share", "100%"] + [f"{stats['features'][f] / n:.0%}" for f in FEATURE_IDS])
    out.append(_table(["stage", "docs"] + [SHORT_NAMES[f] for f in FEATURE_IDS], rows))
    out.append("")
    key = [f"{SHORT_NAMES[label]} = {label}" for label in STAGE_IDS + FEATURE_IDS if SHORT_NAMES[label] != label]
    lines = [("short names: " + _items(key, "; ")) if key else "",
             "ecosystem score: " + _items(f"{k}: {v}" for k, v in stats["ecosystem_score"].items()),
             "length bands (words): " + _items(f"{k}: {v}" for k, v in stats["length_bands"].items()),
             "genres: " + _items(f"{k} {v}" for k, v in stats["genres"].items()),
             "domains: " + _items(f"{k} {v}" for k, v in stats["domains"].items())]
    out += [textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
            .replace(_NO_BREAK, " ") for line in lines if line]
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
            + (" (" + ", ".join(f"{k}={v}" for k, v in result.where.items()) + ")" if result.where else "")
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
    if result.mode == "cv" and "per_fold" in main:
        out += ["", format_cv_summary({"folds": result.folds, "scores": result.systems}, result.documents)]
    if result.by_genre:
        out += ["", "BY GENRE (innotag; accuracy of the baselines for comparison)", _table(
            ["genre", "n", "QWK", "accuracy", "within-one", "feature micro-F1", "acc. keywords", "acc. majority"],
            [[genre, g["documents"]] + [f"{g['systems']['innotag'][k]:.3f}" for k in
                                        ("stage.qwk", "stage.accuracy", "stage.within_one", "features.micro_f1")]
             + [f"{g['systems'][s]['stage.accuracy']:.3f}" for s in ("keywords", "majority")]
             for genre, g in result.by_genre.items()])]
    return "\n".join(out)


FOLD_SCORE_LABELS = {"stage.macro_f1": "stage macro-F1", "stage.qwk": "stage QWK", "stage.accuracy": "stage accuracy",
                     "features.micro_f1": "feature micro-F1"}
REAL_SET_NOTE = ("Corpus cross-validation: scores on held-out folds of the training corpus, not what the model "
                 "gets on real documents. Measure those on an annotated sample of your own documents with "
                 "`innotag evaluate`; innotag's figures on real public pages are in its README "
                 "(`innotag evaluate corpus/real/`).")


def format_cv_summary(cross_validation: dict, documents: int, width: int = 80) -> str:
    """The cross-validated scores stored with a model: pooled over folds, and their spread over folds."""
    scores = cross_validation["scores"]
    folds = cross_validation["folds"]
    rows = []
    for key, label in FOLD_SCORE_LABELS.items():
        task, name = key.split(".")
        spread = fold_spread(scores["innotag"]["per_fold"][key])
        rows.append([label, f"{scores['innotag'][task][name]:.3f}", f"{spread['mean']:.3f} ± {spread['sd']:.3f}",
                     f"{spread['min']:.3f}–{spread['max']:.3f}",
                     *(f"{scores[s][task][name]:.3f}" for s in ("keywords", "majority") if s in scores)])
    baselines = [s for s in ("keywords", "majority") if s in scores]
    return "\n".join([f"corpus cross-validation: {folds} folds of the {documents} training documents",
                      "innotag pooled over all folds and spread over folds; baselines pooled",
                      _table(["score", "pooled", "mean ± sd", "min–max", *baselines], rows), "",
                      textwrap.fill(REAL_SET_NOTE, width)])


def _markdown_table(header: list[str], rows: list[list]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *["| " + " | ".join(str(c) for c in row) + " |" for row in rows]]


def stage_classes(confusion) -> dict[str, dict]:
    """Precision, recall, F1 and support of each stage, from a confusion matrix (rows: true)."""
    out = {}
    for k, stage in enumerate(STAGE_IDS):
        right, true, called = confusion[k][k], sum(confusion[k]), sum(row[k] for row in confusion)
        precision, recall = (right / called if called else 0.0), (right / true if true else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[stage] = {"precision": precision, "recall": recall, "f1": f1, "support": true, "predicted": called}
    return out


def write_report(result, folder) -> list:
    """``report.md`` (scores, per-class tables, captioned figures) and its PNG charts, each written atomically."""
    import os
    from pathlib import Path

    from innotag.models.evaluation.charts import CHARTS, save, subject

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    main = result.systems["innotag"]
    figures = [(save(draw(result), folder / name), title, caption) for name, (draw, title, caption) in CHARTS.items()]
    baselines = [s for s in result.systems if s != "innotag"]
    text = [f"# innotag evaluation: {subject(result)}", "", "```", format_evaluation(result), "```", "",
            "## innotag per stage", "",
            *_markdown_table(["stage", "precision", "recall", "F1", "support", "predicted"],
                             [[s, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"],
                               v["predicted"]] for s, v in stage_classes(main["stage"]["confusion"]).items()]),
            "", "## innotag per ecosystem feature (F1 of the baselines beside it)", "",
            *_markdown_table(["feature", "precision", "recall", "F1", "support", *(f"F1 {b}" for b in baselines)],
                             [[f, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"],
                               *(f"{result.systems[b]['features']['per_feature'][f]['f1']:.3f}" for b in baselines)]
                              for f, v in main["features"]["per_feature"].items()]),
            "", "## Figures", ""]
    for number, (path, title, caption) in enumerate(figures, 1):
        text += [f"![{title}]({path.name})", "", f"*Figure {number}. {title}: {subject(result)}.* {caption}", ""]
    report = folder / "report.md"
    part = folder / "report.md.part"
    part.write_text("\n".join(text), encoding="utf-8")
    os.replace(part, report)
    return [report, *(path for path, _, _ in figures)]
