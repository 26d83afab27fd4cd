"""The columns of tabular output (CSV, Excel) and the Finnish words that the reports use.

One row per document: the ids here are the CSV header and the Excel workbook's column
ids; ``FINNISH_HEADERS`` are the headers an analyst sees in Excel. The Finnish names of
stages and features come from ``models/labels.json``.
"""

from __future__ import annotations

from innotag.models.schema import FEATURE_IDS, FEATURES, STAGE_IDS, STAGES
from innotag.models.tagging.tagger import TagResult

CSV_COLUMNS = (["id", "path", "stage", "stage_probability", "expected_stage"]
               + [f"p_{s}" for s in STAGE_IDS] + list(FEATURE_IDS) + [f"p_{f}" for f in FEATURE_IDS]
               + ["ecosystem_score", "flags", "error"])
# With --explain: the evidence sentences of the stage call and of each feature present.
EVIDENCE_COLUMNS = ["evidence_stage"] + [f"evidence_{f}" for f in FEATURE_IDS]
EVIDENCE_SEPARATOR = " | "

FINNISH_NAMES: dict[str, str] = {label.id: label.fi for label in STAGES + FEATURES}
FINNISH_HEADERS: dict[str, str] = {
    "id": "tunnus", "path": "polku", "stage": "vaihe", "stage_name": "vaiheen nimi",
    "stage_probability": "vaiheen todennäköisyys", "expected_stage": "vaiheen odotusarvo (1–6)",
    **{f"p_{s.id}": f"todennäköisyys: {s.number} {s.fi}" for s in STAGES},
    **{f.id: f"piirre: {f.fi}" for f in FEATURES},
    **{f"p_{f.id}": f"todennäköisyys: {f.fi}" for f in FEATURES},
    "ecosystem_score": "ekosysteemipisteet (piirteitä)", "flags": "huomautukset", "error": "virhe",
    "evidence_stage": "perustelu: vaihe", **{f"evidence_{f.id}": f"perustelu: {f.fi}" for f in FEATURES},
}
# Flags and what they mean, in plain Finnish, for readers of the reports.
FLAG_TEXTS = {
    "empty": "tyhjä: asiakirjassa ei ole luettavaa tekstiä, joten luokkia ei annettu",
    "not_finnish": "ei suomea: teksti ei ole suomenkielistä, joten luokkia ei annettu",
    "unknown_vocabulary": "tuntematon sanasto: mallin sanastosta löytyi liian vähän, joten luokkia ei annettu",
    "short": "lyhyt: luokat perustuvat vähäiseen tekstiin, tarkista ne",
    "out_of_domain": "poikkeava aihe: asiakirja ei muistuta opetusaineistoa, tarkista luokat",
}


def evidence_sentences(result: TagResult) -> dict[str, list[str]]:
    """The sentences behind each call of an explained result, by call ("stage" or a feature id)."""
    return {key: value["sentences"] for key, value in (result.explanation or {}).items()}


def result_row(result: TagResult, explain: bool = False) -> dict:
    """One document's row: numbers stay numbers, a value that does not apply is None."""
    row = {"id": result.id, "path": result.path or "", "stage": result.stage,
           "stage_probability": result.stage_probability, "expected_stage": result.expected_stage,
           "ecosystem_score": result.ecosystem_score, "flags": ";".join(result.flags), "error": result.error or ""}
    for s in STAGE_IDS:
        row[f"p_{s}"] = result.stage_probabilities[s] if result.stage_probabilities else None
    for f in FEATURE_IDS:
        row[f] = int(f in result.features) if result.features is not None else None
        row[f"p_{f}"] = result.feature_probabilities[f] if result.feature_probabilities else None
    if explain:
        evidence = evidence_sentences(result)
        for key in ["stage", *FEATURE_IDS]:
            row[f"evidence_{key}"] = EVIDENCE_SEPARATOR.join(evidence.get(key, []))
    return row
