"""Check an annotated corpus and compute its statistics.

Two kinds of finding. Errors are what breaks training or evaluation: schema errors (unknown
labels, duplicate ids, broken evidence offsets), a stage or feature too rare for the
cross-validation folds, near-duplicate documents (warnings in a real-document set, whose
pages may share a site's template). Size and balance findings are warnings
scaled to the corpus (a stage too small for reliable scores, or many times smaller than the
largest); ``Rules(strict=True)`` makes them errors, and :data:`OWN_CORPUS_RULES` is the
standard of innotag's own corpus (``corpus/README.md``).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.corpus.load import iter_examples
from innotag.models.corpus.real import TEXTS_DIR, is_real_set, iter_real_set
from innotag.models.corpus.records import Corpus, Example
from innotag.models.errors import CorpusError
from innotag.models.estimators.model import ModelConfig
from innotag.models.schema import FEATURE_IDS, STAGE_IDS

LENGTH_BANDS = (("short", 0, 150), ("medium", 150, 450), ("long", 450, 10**9))
_WORD = re.compile(r"\w+", re.UNICODE)
log = logging.getLogger("innotag")

# Below this many documents a stage's calls and its cross-validated scores swing with a few documents.
MIN_RELIABLE_PER_STAGE = 30
# Documents with, and without, a feature that each fit needs to tune the feature's threshold.
FEATURE_VALUE_PER_FIT = 2


@dataclass
class Rules:
    """Thresholds of the size and balance checks (warnings unless ``strict``) and of the error checks.

    The defaults suit any corpus; :data:`OWN_CORPUS_RULES` is innotag's own corpus standard.
    """

    min_documents: int = len(STAGE_IDS) * MIN_RELIABLE_PER_STAGE
    min_per_stage: int = MIN_RELIABLE_PER_STAGE
    max_stage_ratio: float = 5.0       # the largest stage may have at most this many times a stage's documents
    min_per_feature: int = MIN_RELIABLE_PER_STAGE  # documents with, and without, each feature
    min_feature_share: float = 0.0
    max_feature_share: float = 1.0
    every_stage_feature_combination: bool = True
    strict: bool = False               # size and balance findings are errors
    cv_folds: int = 5                  # the folds training cross-validates with (0: none)
    max_shingle_overlap: float = 0.30
    shingle_size: int = 5


OWN_CORPUS_RULES = Rules(min_documents=720, min_per_stage=110, min_feature_share=0.20, max_feature_share=0.70,
                         strict=True)


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
    real = is_real_set(path)
    if real:
        examples = _real_set_examples(path, report)
    else:
        for source, example, error in iter_examples(path):
            if error:
                report.errors.append(f"{source}: {error}")
            else:
                examples.append(example)
    report.stats = corpus_statistics(examples)
    report.errors += training_problems(report.stats, rules.cv_folds)
    _check_balance(report, rules)
    _check_evidence(examples, report)
    report.near_duplicates = near_duplicates(examples, rules.shingle_size, rules.max_shingle_overlap)
    for a, b, share in report.near_duplicates:
        message = (f"near-duplicates: {a} and {b} share {share:.0%} of their word "
                   f"{rules.shingle_size}-grams (limit {rules.max_shingle_overlap:.0%})")
        if real:  # pages of one site share their template; training documents that repeat leak across folds
            report.warnings.append(f"{message}; pages of one template share their boilerplate, "
                                   "check that they are not the same page")
        else:
            report.errors.append(message)
    return report


def _real_set_examples(path: str | Path, report: ValidationReport) -> list[Example]:
    """A real-document set's present documents; each text must still be the annotated one."""
    examples, missing = [], []
    for source, doc_id, example, problem in iter_real_set(path, check_sentences=True):
        if problem:
            report.errors.append(f"{source}: {problem}")
        elif example is None:
            missing.append(doc_id)
        else:
            examples.append(example)
    if missing:
        report.warnings.append(f"{len(missing)} indexed texts are not in {Path(path) / TEXTS_DIR} "
                               f"({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''}); "
                               f"collect them as {Path(path) / 'README.md'} describes")
    return examples


def check_trainable(corpus: Corpus, cv_folds: int, config: ModelConfig | None = None) -> dict:
    """Refuse, before any slow work, a corpus that training cannot use; warn about rare stages.

    Returns the corpus statistics.
    """
    stats = corpus_statistics(corpus.examples)
    problems = training_problems(stats, cv_folds, (config or ModelConfig()).calibration_cv)
    if problems:
        more = f" (and {len(problems) - 1} more; `innotag validate` lists them all)" if len(problems) > 1 else ""
        raise CorpusError(problems[0] + more)
    for stage, count in stats["stages"].items():
        if not count:
            log.warning("stage %s has no training documents: the model will never call it", stage)
        elif count < MIN_RELIABLE_PER_STAGE:
            log.warning("stage %s has %d training documents; calls and cross-validated scores for it are "
                        "unreliable below about %d", stage, count, MIN_RELIABLE_PER_STAGE)
    return stats


def fewest_needed(per_fit: int, cv_folds: int) -> int:
    """Fewest documents of one class (a stage, or a feature's presence or absence) so that every fit
    sees ``per_fit`` of them: the fit on the whole corpus and, with ``cv_folds``-fold
    cross-validation, the fit on each fold's training part."""
    need = per_fit
    while cv_folds >= 2 and need - math.ceil(need / cv_folds) < per_fit:
        need += 1
    return need


def training_problems(stats: dict, cv_folds: int, stage_per_fit: int = ModelConfig.calibration_cv) -> list[str]:
    """What stops training with ``cv_folds``-fold cross-validation (0: none), from :func:`corpus_statistics`.

    Each fit needs ``stage_per_fit`` documents of every stage it sees (the stage model's
    calibration folds) and :data:`FEATURE_VALUE_PER_FIT` with and without every feature.
    """
    n, stages, features = stats["documents"], stats["stages"], stats["features"]
    problems = []
    with_cv = f" with {cv_folds}-fold cross-validation" if cv_folds >= 2 else ""
    if sum(count > 0 for count in stages.values()) < 2:
        problems.append("the corpus needs documents of at least two stages to train on")
    need = fewest_needed(stage_per_fit, cv_folds)
    problems += [f"stage {stage}: {_count(count, 'document')}; training{with_cv} needs at least {need} "
                 "(add documents" + (", or cross-validate with fewer folds)" if with_cv else ")")
                 for stage, count in stages.items() if 0 < count < need]
    need = fewest_needed(FEATURE_VALUE_PER_FIT, cv_folds)
    for feature, present in features.items():
        for state, count in (("present in", present), ("absent from", n - present)):
            if count < need:
                problems.append(f"feature {feature}: {state} {_count(count, 'document')}; training{with_cv} "
                                f"needs at least {need}")
    return problems


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


def _check_balance(report: ValidationReport, rules: Rules) -> None:
    """Size and balance: warnings scaled to the corpus, errors with ``rules.strict``.

    Counts that already stop training (:func:`training_problems`) are not repeated here.
    """
    findings = report.errors if rules.strict else report.warnings
    stats = report.stats
    n, stages, features = stats["documents"], stats["stages"], stats["features"]
    if n < rules.min_documents:
        findings.append(f"{n} documents, fewer than {rules.min_documents}: cross-validated scores swing with a few "
                        "documents")
    too_rare_to_train = fewest_needed(ModelConfig.calibration_cv, rules.cv_folds)
    usable = {s: c for s, c in stages.items() if not 0 < c < too_rare_to_train}
    absent = [s for s, c in usable.items() if c == 0]
    if absent:
        findings.append(f"no documents of stage {', '.join(absent)}: the model will never call "
                        + ("it" if len(absent) == 1 else "them"))
    few = {s: c for s, c in usable.items() if 0 < c < rules.min_per_stage}
    if few:
        findings.append(f"{_count(len(few), 'stage')} with fewer than {rules.min_per_stage} documents, too few for "
                        "reliable calls and cross-validated scores: " + ", ".join(f"{s} {c}" for s, c in few.items()))
    largest = max(stages, key=stages.get)
    for stage, count in usable.items():
        if count and stages[largest] > rules.max_stage_ratio * count:
            findings.append(f"stage {stage}: {count} documents, {stages[largest] / count:.0f} times fewer than "
                            f"{largest} ({stages[largest]}): the model will seldom call it")
    need = fewest_needed(FEATURE_VALUE_PER_FIT, rules.cv_folds)
    for feature, present in features.items():
        share = present / n if n else 0.0
        if not rules.min_feature_share <= share <= rules.max_feature_share:
            findings.append(f"feature {feature}: present in {share:.1%} of documents, outside "
                            f"{rules.min_feature_share:.0%}-{rules.max_feature_share:.0%}")
    rare = {f: p for f, p in features.items() if need <= min(p, n - p) < rules.min_per_feature}
    if rare:
        findings.append(f"{_count(len(rare), 'feature')} present in, or absent from, fewer than "
                        f"{rules.min_per_feature} documents, too few for a reliable F1 and decision threshold: "
                        + ", ".join(f"{f} {p} of {n}" for f, p in rare.items()))
    if rules.every_stage_feature_combination:
        for stage, by_feature in stats["stage_by_feature"].items():
            for feature, present in by_feature.items():
                if stages[stage] and present in (0, stages[stage]):
                    state = "absent" if present else "present"
                    findings.append(f"stage {stage}: feature {feature} is never {state}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


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
