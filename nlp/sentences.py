"""Sentence spans with character offsets: the unit in which evidence is annotated.

Annotations point into a document's text as ``[start, end)`` character offsets, which stay
valid whatever the spaCy pipeline does. This splitter, deliberately simple and free of
models, defines the numbered sentences that annotators see: paragraphs, list items and
form-field lines are units, and a unit is cut after ``.``, ``!`` or ``?`` followed by white
space and an upper-case letter, a digit or a quote.
"""

from __future__ import annotations

import re

_UNIT_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•–·▪]|\d{1,2}[.)]\s|[A-ZÅÄÖ][^\n.:]{0,60}:))")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-ZÅÄÖ0-9\"”“«])")
# a bare list number ("1.") or a one-letter abbreviation ("v.") does not end a sentence
_NOT_AN_END = re.compile(r"(?:^|\s)(?:\d{1,2}|\w)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the sentences of ``text``, in order, without surrounding space."""
    spans = []
    unit_start = 0
    for match in [*_UNIT_BREAK.finditer(text), None]:
        unit_end = match.start() if match else len(text)
        start = unit_start
        ends = [m for m in _SENTENCE_END.finditer(text, unit_start, unit_end)
                if not _NOT_AN_END.search(text[unit_start:m.start()])]
        for end_match in [*ends, None]:
            end = end_match.start() if end_match else unit_end
            piece = text[start:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((start + lead, start + len(piece.rstrip())))
            if end_match:
                start = end_match.end()
        unit_start = match.end() if match else len(text)
    return spans


def sentences(text: str) -> list[str]:
    """The sentence strings of :func:`sentence_spans`."""
    return [text[a:b] for a, b in sentence_spans(text)]
