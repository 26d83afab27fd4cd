"""Inter-annotator agreement between two annotations of the same documents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score, confusion_matrix, f1_score

from innotag.models.corpus.load import iter_examples
from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.errors import CorpusError


@dataclass
class AgreementReport:
    documents: int
    stage_exact: float
    stage_within_one: float
    stage_kappa_quadratic: float
    stage_kappa: float
    stage_confusion: list[list[int]]
    features: dict[str, dict[str, float]]
    feature_micro_f1: float = 0.0  # the second annotation scored against the first
    feature_macro_f1: float = 0.0

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass(frozen=True)
class Labels:
    stage: int
    features: frozenset


def load_labels(path: str | Path) -> dict[str, Labels]:
    """Labels by document id; text is not needed, so a second annotation can be labels only."""
    labels = {}
    for source, example, error in iter_examples(path, require_text=False):
        if error:
            raise CorpusError(f"{source}: {error}")
        labels[example.id] = Labels(example.stage, frozenset(example.features))
    return labels


def agreement(first: str | Path, second: str | Path) -> AgreementReport:
    """Compare the labels of the documents that both annotations contain (matched by id)."""
    a, b = load_labels(first), load_labels(second)
    common = sorted(set(a) & set(b))
    if not common:
        raise CorpusError(f"{first} and {second} have no document ids in common")
    s1 = np.array([a[i].stage for i in common])
    s2 = np.array([b[i].stage for i in common])
    labels = list(range(len(STAGE_IDS)))
    features = {}
    first_matrix = np.array([[f in a[i].features for f in FEATURE_IDS] for i in common], dtype=int)
    second_matrix = np.array([[f in b[i].features for f in FEATURE_IDS] for i in common], dtype=int)
    for f in FEATURE_IDS:
        x = np.array([f in a[i].features for i in common], dtype=int)
        y = np.array([f in b[i].features for i in common], dtype=int)
        kappa = cohen_kappa_score(x, y) if len(set(x) | set(y)) > 1 else 1.0
        features[f] = {"kappa": round(float(kappa), 3), "agreement": round(float((x == y).mean()), 3),
                       "prevalence_first": round(float(x.mean()), 3), "prevalence_second": round(float(y.mean()), 3)}
    return AgreementReport(
        documents=len(common),
        stage_exact=round(float((s1 == s2).mean()), 3),
        stage_within_one=round(float((np.abs(s1 - s2) <= 1).mean()), 3),
        stage_kappa_quadratic=round(float(cohen_kappa_score(s1, s2, weights="quadratic", labels=labels)), 3),
        stage_kappa=round(float(cohen_kappa_score(s1, s2, labels=labels)), 3),
        stage_confusion=confusion_matrix(s1, s2, labels=labels).tolist(),
        features=features,
        feature_micro_f1=round(float(f1_score(first_matrix, second_matrix, average="micro", zero_division=0)), 3),
        feature_macro_f1=round(float(f1_score(first_matrix, second_matrix, average="macro", zero_division=0)), 3),
    )
