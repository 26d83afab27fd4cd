"""Check an annotated corpus: schema, size and balance rules, near-duplicates; compute statistics.

The default rules are the standard of innotag's own corpus (``corpus/README.md``); every
threshold is a parameter, so the same check serves any user's corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.corpus.load import iter_examples
from innotag.models.corpus.records import Example
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

LENGTH_BANDS = (("short", 0, 150), ("medium", 150, 450), ("long", 450, 10**9))
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Rules:
    min_documents: int = 720
    min_per_stage: int = 110
    min_feature_share: float = 0.20
    max_feature_share: float = 0.70
    every_stage_feature_combination: bool = True
    max_shingle_overlap: float = 0.30
    shingle_size: int = 5


@dataclass
class ValidationReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def validate_corpus(path: str | Path, rules: Rules | None = None) -> ValidationReport:
    """Run every check on the corpus at ``path`` and return errors, warnings and statistics."""
    rules = rules or Rules()
    report = ValidationReport()
    examples: list[Example] = []
    for source, example, error in iter_examples(path):
        if error:
            report.errors.append(f"{source}: {error}")
        else:
            examples.append(example)
    report.stats = corpus_statistics(examples)
    _check_balance(examples, report, rules)
    _check_evidence(examples, report)
    report.near_duplicates = near_duplicates(examples, rules.shingle_size, rules.max_shingle_overlap)
    for a, b, share in report.near_duplicates:
        report.errors.append(f"near-duplicates: {a} and {b} share {share:.0%} of their word "
                             f"{rules.shingle_size}-grams (limit {rules.max_shingle_overlap:.0%})")
    return report


def _check_evidence(examples: list[Example], report: ValidationReport) -> None:
    """An annotated document marks the evidence of its stage and of every feature it has.

    (The offsets themselves are checked when a record is parsed.)
    """
    for e in examples:
        if not e.evidence:
            continue
        lacking = [label for label in ("stage", *e.features) if not e.evidence.get(label)]
        if lacking:
            report.errors.append(f"{e.source}: document {e.id} has evidence but none for {', '.join(lacking)}")


def _check_balance(examples: list[Example], report: ValidationReport, rules: Rules) -> None:
    n = len(examples)
    if n < rules.min_documents:
        report.errors.append(f"{n} documents; at least {rules.min_documents} required")
    stage_counts = Counter(e.stage_id for e in examples)
    for stage in STAGE_IDS:
        if stage_counts[stage] < rules.min_per_stage:
            report.errors.append(f"stage {stage}: {stage_counts[stage]} documents; at least {rules.min_per_stage} required")
    for feature in FEATURE_IDS:
        share = sum(feature in e.features for e in examples) / n if n else 0.0
        if not rules.min_feature_share <= share <= rules.max_feature_share:
            report.errors.append(f"feature {feature}: present in {share:.1%} of documents; "
                                 f"required {rules.min_feature_share:.0%}-{rules.max_feature_share:.0%}")
    if rules.every_stage_feature_combination:
        for stage in STAGE_IDS:
            in_stage = [e for e in examples if e.stage_id == stage]
            for feature in FEATURE_IDS:
                present = sum(feature in e.features for e in in_stage)
                if in_stage and (present == 0 or present == len(in_stage)):
                    state = "absent" if present == len(in_stage) else "present"
                    report.errors.append(f"stage {stage}: feature {feature} is never {state}")


def shingles(text: str, size: int) -> set[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {hash(tuple(words[i:i + size])) for i in range(max(len(words) - size + 1, 0))}


def near_duplicates(examples: list[Example], size: int = 5, limit: float = 0.30) -> list[tuple[str, str, float]]:
    """Pairs sharing more than ``limit`` of the smaller document's word ``size``-gram shingles."""
    sets = [shingles(e.text, size) for e in examples]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, doc_shingles in enumerate(sets):
        for s in doc_shingles:
            postings[s].append(i)
    shared: Counter = Counter()
    for docs in postings.values():
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                shared[docs[x], docs[y]] += 1
    pairs = []
    for (i, j), count in shared.items():
        share = count / max(min(len(sets[i]), len(sets[j])), 1)
        if share > limit:
            pairs.append((examples[i].id, examples[j].id, share))
    return sorted(pairs, key=lambda p: -p[2])


def corpus_statistics(examples: list[Example]) -> dict:
    """Counts per stage, feature, stage x feature, genre, domain and length band."""
    n = len(examples)
    lengths = np.array([word_count(e.text) for e in examples]) if examples else np.zeros(1)
    scores = Counter(len(e.features) for e in examples)
    return {
        "documents": n,
        "stages": {s: sum(e.stage_id == s for e in examples) for s in STAGE_IDS},
        "features": {f: sum(f in e.features for e in examples) for f in FEATURE_IDS},
        "stage_by_feature": {s: {f: sum(e.stage_id == s and f in e.features for e in examples) for f in FEATURE_IDS}
                             for s in STAGE_IDS},
        "ecosystem_score": {str(k): scores[k] for k in range(len(FEATURE_IDS) + 1)},
        "genres": dict(Counter(str(e.meta.get("genre", "unknown")) for e in examples).most_common()),
        "domains": dict(Counter(str(e.meta.get("domain", "unknown")) for e in examples).most_common()),
        "hard_cases": sum(bool(e.meta.get("hard")) for e in examples),
        "with_evidence": sum(bool(e.evidence) for e in examples),
        "words": {"total": int(lengths.sum()), "min": int(lengths.min()), "median": int(np.median(lengths)),
                  "mean": round(float(lengths.mean()), 1), "max": int(lengths.max()),
                  "p25": int(np.percentile(lengths, 25)), "p75": int(np.percentile(lengths, 75))},
        "length_bands": {name: int(((lengths >= lo) & (lengths < hi)).sum()) for name, lo, hi in LENGTH_BANDS},
    }
