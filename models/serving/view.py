"""What the page shows for one tagged document: labels by name, bars, evidence in the text.

The evidence sentences of an explanation come from the preprocessor's sentences; the page
cuts the document text with :func:`innotag.nlp.sentences.sentence_spans` (character
offsets into the text as read) and marks each span that matches an evidence sentence by
the same rule that aligns annotated passages with sentences.
"""

from __future__ import annotations

from innotag.models.estimators.evidence import sentence_evidence
from innotag.models.schema import FEATURES, STAGES
from innotag.models.serving.messages import flag_message, read_error_message
from innotag.models.serving.service import Tagged
from innotag.nlp.sentences import sentence_spans

MAX_SHOWN_CHARS = 200_000  # a longer text is cut on the page (the call is made on all of it)
_STAGES = {s.id: s for s in STAGES}


def _name(label, lang: str) -> str:
    return label.fi if lang == "fi" else label.en


def _about(label, lang: str) -> str:
    return label.about_fi if lang == "fi" else label.about_en


def document_view(tagged: Tagged, number: int, lang: str) -> dict:
    """Everything the results template needs about one document; ``number`` makes its anchors unique."""
    result = tagged.result
    anchor = f"doc-{number}"
    view = {"id": result.id, "anchor": anchor, "labels": result.stage is not None,
            "error": read_error_message(result.error, lang) if result.error else None,
            "flags": [{"id": f, "message": flag_message(f, lang)} for f in result.flags]}
    if result.stage is None:
        return view
    explanation = result.explanation or {}
    stage = _STAGES[result.stage]
    view["stage"] = {"id": stage.id, "number": stage.number, "name": _name(stage, lang), "about": _about(stage, lang),
                     "probability": result.stage_probability}
    view["stage_bars"] = [{"id": s.id, "number": s.number, "name": _name(s, lang),
                           "p": result.stage_probabilities[s.id], "call": s.id == result.stage} for s in STAGES]
    view["expected_stage"] = {"value": result.expected_stage,
                              "position": round((result.expected_stage - 1) / (len(STAGES) - 1) * 100, 1)}
    view["ecosystem_score"] = result.ecosystem_score
    view["features"] = [{"id": f.id, "name": _name(f, lang), "about": _about(f, lang),
                         "p": result.feature_probabilities[f.id], "threshold": result.thresholds[f.id],
                         "present": f.id in result.features} for f in FEATURES]
    segments, marked = _segments(tagged.text or "", explanation, anchor)
    view["segments"], view["text_cut"] = segments, len(tagged.text or "") > MAX_SHOWN_CHARS
    view["evidence"] = {key: {"terms": list(dict.fromkeys(t["term"] for t in value["terms"])),
                              "sentences": [{"text": s, "target": marked.get((key, s))} for s in value["sentences"]]}
                        for key, value in explanation.items()}
    return view


def _segments(text: str, explanation: dict, anchor: str) -> tuple[list[dict], dict]:
    """The shown text as plain and evidence segments, and the anchor of each (call, evidence sentence)."""
    text = text[:MAX_SHOWN_CHARS]
    spans = sentence_spans(text)
    pieces = [text[a:b] for a, b in spans]
    calls_of = [[] for _ in spans]
    marked: dict[tuple[str, str], str] = {}
    for key, value in explanation.items():
        for sentence in value["sentences"]:
            hits = sentence_evidence(pieces, [sentence])
            for i in hits.nonzero()[0]:
                calls_of[i].append(key)
                marked.setdefault((key, sentence), f"{anchor}-s{i}")
    segments, position = [], 0
    for i, (a, b) in enumerate(spans):
        if not calls_of[i]:
            continue
        if a > position:
            segments.append({"text": text[position:a]})
        segments.append({"text": text[a:b], "calls": " ".join(dict.fromkeys(calls_of[i])), "id": f"{anchor}-s{i}"})
        position = b
    if position < len(text):
        segments.append({"text": text[position:]})
    return segments, marked
