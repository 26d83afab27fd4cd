"""One annotated document (:class:`Example`) and a set of them (:class:`Corpus`), checked against the schema."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.schema import FEATURE_IDS, STAGE_IDS, stage_index

LABEL_KEYS = ("id", "text", "stage", "features")
REVISES_KEY = "revises"  # the id of the document this one revises to another stage (a counterfactual pair)
EVIDENCE_KEY = "evidence"  # {"stage" or a feature id: [[start, end], ...]} character offsets into the text


@dataclass(frozen=True)
class Example:
    """One annotated document."""

    id: str
    text: str
    stage: int  # zero-based index into STAGE_IDS
    features: tuple[str, ...]
    meta: dict = field(default_factory=dict, compare=False)
    source: str = field(default="", compare=False)
    # Which passages carry the evidence of each call; everything else is background.
    evidence: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict, compare=False)

    @property
    def stage_id(self) -> str:
        return STAGE_IDS[self.stage]

    def evidence_texts(self, label: str) -> list[str]:
        return [self.text[a:b] for a, b in self.evidence.get(label, ())]


@dataclass
class Corpus:
    examples: list[Example]
    files: list[Path]
    missing: list[str] = field(default_factory=list)  # indexed documents whose text is absent (real set)

    def __len__(self) -> int:
        return len(self.examples)

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    @property
    def stages(self) -> np.ndarray:
        return np.array([e.stage for e in self.examples], dtype=int)

    @property
    def feature_matrix(self) -> np.ndarray:
        """Binary (n_documents, n_features) matrix in FEATURE_IDS order."""
        return np.array([[f in e.features for f in FEATURE_IDS] for e in self.examples], dtype=int)

    @property
    def evidence(self) -> list[dict[str, list[str]] | None]:
        """Per document, its evidence passages by label; None where it was not annotated."""
        return [{label: e.evidence_texts(label) for label in e.evidence} or None for e in self.examples]

    @property
    def groups(self) -> list[str]:
        """Per document, its group: the id of the document it revises, else its own id."""
        return [str(e.meta.get(REVISES_KEY) or e.id) for e in self.examples]

    def document_digests(self) -> list[str]:
        """A short digest of each document's text (whitespace-normalised), to recognise it in another set."""
        return [hashlib.sha256(" ".join(e.text.split()).encode()).hexdigest()[:16] for e in self.examples]

    def sha256(self) -> str:
        """Digest of the corpus files' bytes, in path order: identifies the training data."""
        digest = hashlib.sha256()
        for path in self.files:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def subset(self, indices) -> "Corpus":
        return Corpus([self.examples[i] for i in indices], self.files)


def parse_example(record: dict, source: str = "", require_text: bool = True) -> Example:
    """Check one record against the schema; ValueError says what is wrong.

    With ``require_text=False`` a record of labels only (a second annotation) is accepted.
    """
    missing = [k for k in LABEL_KEYS if k not in record and (require_text or k != "text")]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    doc_id, text, features = record["id"], record.get("text", ""), record["features"]
    if not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
        raise ValueError("'id' must be a non-empty string")
    if require_text and (not isinstance(text, str) or not text.strip()):
        raise ValueError(f"document {doc_id}: 'text' is empty")
    stage = stage_index(record["stage"])
    if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
        raise ValueError(f"document {doc_id}: 'features' must be a list of feature ids")
    unknown = [f for f in features if f not in FEATURE_IDS]
    if unknown:
        raise ValueError(f"document {doc_id}: unknown feature(s) {', '.join(unknown)}; "
                         f"expected ids from {', '.join(FEATURE_IDS)}")
    if len(set(features)) != len(features):
        raise ValueError(f"document {doc_id}: a feature is listed twice")
    evidence = parse_evidence(record.get(EVIDENCE_KEY), text, features, doc_id) if require_text else {}
    meta = {k: v for k, v in record.items() if k not in LABEL_KEYS and k != EVIDENCE_KEY}
    ordered = tuple(f for f in FEATURE_IDS if f in features)
    return Example(str(doc_id), text, stage, ordered, meta, source, evidence)


def parse_evidence(evidence, text: str, features: list[str], doc_id) -> dict[str, tuple[tuple[int, int], ...]]:
    """Check evidence offsets: known labels, features that are present, spans inside the text."""
    if evidence is None:
        return {}
    if not isinstance(evidence, dict):
        raise ValueError(f"document {doc_id}: 'evidence' must be an object of label: [[start, end], ...]")
    parsed = {}
    for label, spans in evidence.items():
        if label != "stage" and label not in FEATURE_IDS:
            raise ValueError(f"document {doc_id}: evidence for unknown label {label!r}")
        if label != "stage" and label not in features:
            raise ValueError(f"document {doc_id}: evidence for {label}, which is not among its features")
        if not isinstance(spans, list) or not all(
                isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) and not isinstance(x, bool)
                                                                  for x in span) for span in spans):
            raise ValueError(f"document {doc_id}: evidence for {label} must be a list of [start, end] offsets")
        for start, end in spans:
            if not 0 <= start < end <= len(text) or not text[start:end].strip():
                raise ValueError(f"document {doc_id}: evidence span [{start}, {end}] for {label} is outside "
                                 f"the text ({len(text)} characters) or blank")
        parsed[label] = tuple((start, end) for start, end in spans)
    return parsed
