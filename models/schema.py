"""The label schema: the six ordered stages and the six ecosystem features.

The single machine-readable definition is ``models/labels.json``; the codebook in
``corpus/CODEBOOK.md`` explains what each label means.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Label:
    id: str
    short: str  # for narrow columns: terminal tables, agreement matrices
    fi: str
    en: str
    number: int | None = None
    about_fi: str = ""  # the codebook's one-line meaning, for people reading a result
    about_en: str = ""


def _load() -> tuple[tuple[Label, ...], tuple[Label, ...]]:
    data = json.loads((Path(__file__).parent / "labels.json").read_text("utf-8"))
    stages = tuple(Label(s["id"], s["short"], s["fi"], s["en"], s["number"], s.get("about_fi", ""),
                         s.get("about_en", "")) for s in data["stages"])
    features = tuple(Label(f["id"], f["short"], f["fi"], f["en"], None, f.get("about_fi", ""), f.get("about_en", ""))
                     for f in data["features"])
    return stages, features


STAGES, FEATURES = _load()
STAGE_IDS: tuple[str, ...] = tuple(s.id for s in STAGES)
FEATURE_IDS: tuple[str, ...] = tuple(f.id for f in FEATURES)
SHORT_NAMES: dict[str, str] = {label.id: label.short for label in STAGES + FEATURES}


def stage_index(stage: str | int) -> int:
    """Zero-based index of a stage given as its id, its number 1-6 or the number as text."""
    if isinstance(stage, bool):
        raise ValueError(f"not a stage: {stage!r}")
    if isinstance(stage, int) or (isinstance(stage, str) and stage.strip().isdigit()):
        number = int(stage)
        if 1 <= number <= len(STAGE_IDS):
            return number - 1
        raise ValueError(f"stage number {number} is outside 1-{len(STAGE_IDS)}")
    if isinstance(stage, str) and stage in STAGE_IDS:
        return STAGE_IDS.index(stage)
    raise ValueError(f"unknown stage {stage!r}; expected one of {', '.join(STAGE_IDS)} or 1-6")


def schema_dict() -> dict:
    """The schema as stored in a model's ``meta.json``."""
    return {"stages": list(STAGE_IDS), "features": list(FEATURE_IDS)}
