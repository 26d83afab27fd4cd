"""Share of documents per stage that carry each context cue: is the background independent of the stage?

    python corpus/design/cue_rates.py corpus/*.jsonl            # the corpus files named
    python corpus/design/cue_rates.py corpus/real               # the real development set (texts present)

Prints a Markdown table: one row per cue, one column per stage (per cent of that stage's
documents whose text matches the cue), and the spread (largest minus smallest share).
A cue spread evenly over the stages carries no stage information, as on real pages.
"""

from __future__ import annotations

import argparse
import re

from innotag.models.corpus.load import load_corpus
from innotag.models.corpus.records import Corpus
from innotag.models.schema import SHORT_NAMES, STAGE_IDS

CUES = {
    "laki, lain, lakiin … (law)": r"\w*lak(i|ia|ien|eja|eihin)\b|\w*lai(n|ssa|ssä|iin|hin|t)\b",
    "voimaan (into force)": r"\bvoimaan|\bvoimassa",
    "ministry or agency (STM, THL, TEM, OKM, Kela, AVI)": r"\b(stm|thl|tem|okm|kela|avi|valvira|ministeriö\w*)\b",
    "national programme or government programme": r"hallitusohjelm\w*|kansallinen \w*ohjelm\w*|\w*ohjelma\b|\w*ohjelman\b",
    "EU or ESR funding": r"\b(esr|eakr|rrf|euroopan|eu:n|eu-)\w*",
    "rights convention": r"yk:n|yleissopimu\w*|lapsen oikeuksien sopimu\w*",
    "county or municipality": r"hyvinvointialue\w*|\bkun(ta|nan|nat|tien|nissa|nassa)\b|kaupun\w*",
    "pilot word (kokeilu, pilotti)": r"kokeil\w*|pilot\w*",
}


def rates(corpus: Corpus) -> dict[str, list[float]]:
    stages = corpus.stages
    counts = [int((stages == k).sum()) for k in range(len(STAGE_IDS))]
    out = {}
    for name, pattern in CUES.items():
        regex = re.compile(pattern)
        hits = [0] * len(STAGE_IDS)
        for example in corpus.examples:
            if regex.search(example.text.lower()):
                hits[example.stage] += 1
        out[name] = [100 * h / c if c else float("nan") for h, c in zip(hits, counts)]
    return out


def main(paths: list[str]) -> None:
    parts = [load_corpus(p) for p in paths]
    corpus = Corpus([e for c in parts for e in c.examples], [f for c in parts for f in c.files])
    n = [int((corpus.stages == k).sum()) for k in range(len(STAGE_IDS))]
    print(f"{len(corpus)} documents from {', '.join(paths)}")
    print()
    print("| cue | " + " | ".join(f"{SHORT_NAMES[s]} (n={c})" for s, c in zip(STAGE_IDS, n)) + " | spread |")
    print("|---" * (len(STAGE_IDS) + 2) + "|")
    for name, shares in rates(corpus).items():
        valid = [s for s in shares if s == s]
        print(f"| {name} | " + " | ".join(f"{s:.0f} %" if s == s else "–" for s in shares)
              + f" | {max(valid) - min(valid):.0f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     epilog="example: python corpus/design/cue_rates.py corpus/*.jsonl")
    parser.add_argument("paths", nargs="*", default=["corpus"], help="corpus files or folders [default: corpus]")
    main(parser.parse_args().paths)
