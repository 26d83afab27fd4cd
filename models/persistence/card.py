"""A short human-readable model card (``README.md`` in the model directory)."""

from __future__ import annotations

from innotag.models.evaluation.metrics import fold_spread
from innotag.models.evaluation.report import FOLD_SCORE_LABELS, REAL_SET_NOTE
from innotag.models.schema import FEATURE_IDS, STAGE_IDS


def _fmt(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _origin(corpus: dict) -> str:
    """Whether the training corpus is innotag's own written corpus, part of it, or another one."""
    own = corpus.get("own_corpus")
    n = corpus["documents"]
    if own is None:
        return "not compared with innotag's own corpus (its files were not installed where the model was trained)"
    if own["identical"]:
        return f"innotag's own written corpus (`corpus/`, the same files: all {own['of']} documents)"
    if own["documents"] == n:
        return (f"a selection from innotag's own written corpus: all {n} documents are among its {own['of']}, "
                "written to the codebook")
    if own["documents"]:
        return (f"a corpus of its own: {own['documents']} of its {n} documents are from innotag's own written "
                "corpus, the rest are not")
    return "a corpus of its own: none of its documents are in innotag's own written corpus"


def _corpus_section(corpus: dict) -> list[str]:
    n = corpus["documents"]
    lines = ["## Training corpus", "",
             f"- `{corpus['path']}`: {n} documents; {_origin(corpus)}",
             f"- SHA-256 of its files: `{corpus['sha256']}`"]
    if "stages" in corpus:
        lines += ["", "| stage | documents |", "|---|---|",
                  *[f"| {s} | {corpus['stages'].get(s, 0)} |" for s in STAGE_IDS]]
    if "features" in corpus:
        lines += ["", "| feature | documents | share |", "|---|---|---|",
                  *[f"| {f} | {corpus['features'][f]} | {corpus['features'][f] / n:.0%} |" for f in FEATURE_IDS]]
    return lines + [""]


def _cv_section(cv: dict) -> list[str]:
    scores = cv["scores"]
    lines = [f"## Corpus cross-validation ({cv.get('folds')}-fold, never on training data)", "", REAL_SET_NOTE, "",
             "Pooled over the out-of-fold predictions of all folds:", "",
             "| system | stage macro-F1 | QWK | within-one | MAE | feature micro-F1 | feature macro-F1 |",
             "|---|---|---|---|---|---|---|"]
    for system, s in scores.items():
        st, fe = s["stage"], s["features"]
        lines.append(f"| {system} | {_fmt(st['macro_f1'])} | {_fmt(st['qwk'])} | {_fmt(st['within_one'])} | "
                     f"{_fmt(st['mae'])} | {_fmt(fe['micro_f1'])} | {_fmt(fe['macro_f1'])} |")
    per_fold = scores.get("innotag", {}).get("per_fold")
    if per_fold:
        lines += ["", "innotag per fold (mean ± standard deviation over folds, lowest–highest fold):", "",
                  "| score | mean ± sd | min–max | folds |", "|---|---|---|---|"]
        for key, values in per_fold.items():
            spread = fold_spread(values)
            lines.append(f"| {FOLD_SCORE_LABELS.get(key, key)} | {spread['mean']:.3f} ± {spread['sd']:.3f} | "
                         f"{spread['min']:.3f}–{spread['max']:.3f} | {', '.join(f'{v:.2f}' for v in values)} |")
    return lines + [""]


def model_card(meta: dict) -> str:
    cv = meta.get("cross_validation") or {}
    corpus = meta["corpus"]
    lines = [
        "# innotag model",
        "",
        "Predicts the innovation stage (six ordered stages) and the six ecosystem features of a Finnish",
        "project document, with the labels defined in innotag's `corpus/CODEBOOK.md`.",
        "",
        "## How it was made",
        "",
        f"- created {meta.get('created')} with innotag {meta.get('innotag_version')}, "
        f"scikit-learn {meta.get('sklearn_version')}, seed {meta['config']['seed']}",
        f"- preprocessing: {meta['pipeline']['route']} pipeline ({meta['pipeline']['package']} "
        f"{meta['pipeline']['version']}, Voikko {'yes' if meta['pipeline']['voikko'] else 'no'})",
        f"- trained on the {corpus['documents']} documents of `{corpus['path']}` (see below)",
        f"- stage model: {meta['config']['stage_model']}; feature model: {meta['config']['feature_model']}, "
        "calibrated, with per-feature thresholds tuned on out-of-fold predictions",
        "- stage probabilities: " + (
            f"moved to the real stage prior {meta['config']['stage_prior']} and softened by temperature "
            f"{meta['config'].get('stage_temperature', 1.0)}" if meta['config'].get('stage_prior')
            else "as learnt from the corpus's own stage balance"),
        "",
        *_corpus_section(corpus),
        "## Decision thresholds",
        "",
        "| feature | threshold |",
        "|---|---|",
        *[f"| {f} | {meta['thresholds'][f]:.3f} |" for f in FEATURE_IDS],
        "",
    ]
    if cv.get("scores"):
        lines += _cv_section(cv)
    lines += ["## Limits", "",
              f"- Trained on the {corpus['documents']} documents of `{corpus['path']}` only. Scores there "
              "(cross-validated above) are an upper bound: check calls on your own documents with "
              "`innotag tag --explain`, and measure with `innotag evaluate` on an annotated sample of them.",
              "- Documents that are empty, not Finnish or share almost no vocabulary with the training corpus are "
              "flagged and get no labels.",
              f"- Stages: {', '.join(STAGE_IDS)}.", ""]
    return "\n".join(lines)
