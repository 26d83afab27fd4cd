"""Check that no written document copies a passage of the real development set's texts.

    python corpus/design/real_overlap.py corpus/*.jsonl corpus/extra/*.jsonl

The real texts are read from ``corpus/real/texts/`` on a machine that has collected them
(``corpus/real/README.md``); without them there is nothing to compare and the script says so.
Six-word sequences shared with a real text are counted; official names (a programme, two
ministries, a funding period) and formulas ("Esityksen pääasiallinen sisältö") legitimately
share up to about eleven words, so a document is flagged, and the exit code is 1, when a
shared run reaches ``LONGEST_ALLOWED + 1`` words. Statute names are longer than that and are
quoted verbatim by every bill about the statute, so those in ``STATUTE_NAMES`` are left out of
a document before it is compared.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"\w+")
N = 6
LONGEST_ALLOWED = 11
TEXTS = Path(__file__).resolve().parents[1] / "real" / "texts"
STATUTE_NAMES = (
    "ikääntyneen väestön toimintakyvyn tukemisesta sekä iäkkäiden sosiaali- ja terveyspalveluista",
)


def without_statute_names(text: str) -> str:
    lowered = text.lower()
    for name in STATUTE_NAMES:
        lowered = lowered.replace(name, " ")
    return lowered


def shingle_list(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return [" ".join(words[i:i + N]) for i in range(len(words) - N + 1)]


def shingles(text: str) -> set[str]:
    return set(shingle_list(text))


def longest_shared_run(text: str, known) -> int:
    """Words in the longest run of ``text`` whose every six-word window is in ``known`` (0 if none)."""
    best = run = 0
    for s in shingle_list(text):
        run = run + 1 if s in known else 0
        best = max(best, run)
    return best + N - 1 if best else 0


def main(paths: list[str]) -> int:
    real = {p.stem: shingles(p.read_text(encoding="utf-8")) for p in sorted(TEXTS.glob("*.txt"))}
    if not real:
        print(f"no real texts in {TEXTS}; collect them as corpus/real/README.md describes")
        return 0
    seen: dict[str, list[str]] = {}
    for doc_id, shingle_set in real.items():
        for s in shingle_set:
            seen.setdefault(s, []).append(doc_id)
    checked = sharing = flagged = 0
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            checked += 1
            text = without_statute_names(record["text"])
            shared = sorted(s for s in shingles(text) if s in seen)
            sharing += bool(shared)
            run = longest_shared_run(text, seen)
            if run > LONGEST_ALLOWED:
                flagged += 1
                print(f"{path}: {record['id']}: a run of {run} words shared with real text "
                      f"{', '.join(sorted({d for s in shared for d in seen[s]})[:5])}")
    print(f"{checked} documents checked against {len(real)} real texts: {sharing} share a six-word sequence "
          f"(names, dates), {flagged} share a run over {LONGEST_ALLOWED} words")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
