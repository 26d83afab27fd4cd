"""A short human-readable model card (``README.md`` in the model directory)."""

from __future__ import annotations

from innotag.models.schema import FEATURE_IDS, STAGE_IDS


def _fmt(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def model_card(meta: dict) -> str:
    cv = meta.get("cross_validation") or {}
    scores = cv.get("scores") or {}
    lines = [
        "# innotag model",
        "",
        "Predicts the innovation stage (six ordered stages) and the six ecosystem features of a Finnish",
        "project document, as defined in innotag's `corpus/CODEBOOK.md`.",
        "",
        "## How it was made",
        "",
        f"- created {meta.get('created')} with innotag {meta.get('innotag_version')}, "
        f"scikit-learn {meta.get('sklearn_version')}, seed {meta['config']['seed']}",
        f"- preprocessing: {meta['pipeline']['route']} pipeline ({meta['pipeline']['package']} "
        f"{meta['pipeline']['version']}, Voikko {'yes' if meta['pipeline']['voikko'] else 'no'})",
        f"- corpus: {meta['corpus']['documents']} documents from `{meta['corpus']['path']}` "
        f"(sha256 {meta['corpus']['sha256'][:16]}…)",
        f"- stage model: {meta['config']['stage_model']}; feature model: {meta['config']['feature_model']}, "
        "calibrated, with per-feature thresholds tuned on out-of-fold predictions",
        "- stage probabilities: " + (
            f"moved to the real stage prior {meta['config']['stage_prior']} and softened by temperature "
            f"{meta['config'].get('stage_temperature', 1.0)}" if meta['config'].get('stage_prior')
            else "as learnt from the corpus's own stage balance"),
        "",
        "## Decision thresholds",
        "",
        "| feature | threshold |",
        "|---|---|",
        *[f"| {f} | {meta['thresholds'][f]:.3f} |" for f in FEATURE_IDS],
        "",
    ]
    if scores:
        lines += [f"## Cross-validated scores ({cv.get('folds')}-fold, never on training data)", "",
                  "| system | stage macro-F1 | QWK | within-one | MAE | feature micro-F1 | feature macro-F1 |",
                  "|---|---|---|---|---|---|---|"]
        for system, s in scores.items():
            st, fe = s["stage"], s["features"]
            lines.append(f"| {system} | {_fmt(st['macro_f1'])} | {_fmt(st['qwk'])} | {_fmt(st['within_one'])} | "
                         f"{_fmt(st['mae'])} | {_fmt(fe['micro_f1'])} | {_fmt(fe['macro_f1'])} |")
        lines.append("")
    lines += ["## Limits", "",
              f"- Trained on the {meta['corpus']['documents']} documents of `{meta['corpus']['path']}` only. Scores "
              "there (cross-validated above) are an upper bound: check calls on your own documents with "
              "`innotag tag --explain`, and measure with `innotag evaluate` on an annotated sample of them.",
              "- Documents that are empty, not Finnish or share almost no vocabulary with the training corpus are "
              "flagged and get no labels.",
              f"- Stages: {', '.join(STAGE_IDS)}.", ""]
    return "\n".join(lines)
