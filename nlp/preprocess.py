"""Turn Finnish text into sentences and a normalised lemma stream.

One code path serves training and prediction. A document is cut into units at blank
lines, list items and form-field lines (so that headings and fields do not run into the
next sentence, and no unit exceeds spaCy's ``max_length``), the units go through
``nlp.pipe`` in batches, and each token becomes a normalised lemma:

* lower-cased lemma (for the accurate route, simplemma's lemma for words Voikko does
  not know);
* punctuation, symbols and spaCy's Finnish stop words dropped;
* numbers, dates, sums and times all become the single token ``#num``.

Beside the lemmas, each sentence keeps its finite verbs marked with tense or mood
(``kokeilla~past``, ``olla~cnd``) where the pipeline has a morphologizer: whether a thing
was done, is done or would be done is what separates a pilot report from a plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import simplemma
from spacy.lang.fi.stop_words import STOP_WORDS

from innotag.nlp import voikko
from innotag.nlp.pipeline import ACCURATE, DEFAULT_PIPELINE, PipelineInfo, load_pipeline, simplemma_lemma

NUM = "#num"
MAX_UNIT_CHARS = 20_000
_NUMBER = re.compile(r"^[\d\s.,:;/%€$+\-–—]*\d[\d\s.,:;/%€$+\-–—]*$")
_LIST_OR_FIELD_LINE = re.compile(r"^\s*([-*•–·▪]|\d{1,2}[.)]\s|[A-ZÅÄÖ][^\n.:]{0,60}:)")


@dataclass
class Preprocessed:
    """Preprocessing result of one document."""

    sentences: list[str] = field(default_factory=list)
    sentence_lemmas: list[list[str]] = field(default_factory=list)
    sentence_verbs: list[list[str]] = field(default_factory=list)
    compounds: list[str] = field(default_factory=list)
    n_words: int = 0
    n_known: int = 0

    @property
    def lemmas(self) -> list[str]:
        return [lemma for sentence in self.sentence_lemmas for lemma in sentence]

    @property
    def verbs(self) -> list[str]:
        return [verb for sentence in self.sentence_verbs for verb in sentence]

    @property
    def known_ratio(self) -> float:
        """Share of word tokens that a Finnish lexicon knows; low for non-Finnish text."""
        return self.n_known / self.n_words if self.n_words else 0.0

    def to_dict(self) -> dict:
        return {"sentences": self.sentences, "sentence_lemmas": self.sentence_lemmas,
                "sentence_verbs": self.sentence_verbs, "compounds": self.compounds, "n_words": self.n_words, "n_known": self.n_known}

    @classmethod
    def from_dict(cls, data: dict) -> "Preprocessed":
        return cls(**data)


class Preprocessor:
    """Finnish preprocessing on one pipeline route (see :mod:`innotag.nlp.pipeline`).

    >>> pre = Preprocessor("fast")
    >>> pre("Nuoret osallistuivat yhteiskehittämiseen.").lemmas
    ['nuori', 'osallistua', 'yhteiskehittäminen']
    """

    def __init__(self, pipeline: str = DEFAULT_PIPELINE, batch_size: int = 128, cache_dir: str | Path | None = None):
        self.nlp, self.info = load_pipeline(pipeline)
        self.batch_size = batch_size
        self.cache = PreprocessCache(cache_dir, self.info) if cache_dir else None

    def __call__(self, text: str) -> Preprocessed:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], chunk_docs: int = 64) -> Iterator[Preprocessed]:
        """Preprocess texts lazily, in order, ``chunk_docs`` documents at a time."""
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if len(chunk) >= chunk_docs:
                yield from self._process_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._process_chunk(chunk)

    def _process_chunk(self, texts: list[str]) -> Iterator[Preprocessed]:
        """Yield each document as soon as its last unit is processed, so callers can report progress."""
        results: list[Preprocessed | None] = [self.cache.get(t) if self.cache else None for t in texts]
        new = {i for i, r in enumerate(results) if r is None}
        units = [(unit, i) for i in sorted(new) for unit in split_units(texts[i])]
        for i in new:
            results[i] = Preprocessed()
        ready = 0

        def complete(upto: int) -> Iterator[Preprocessed]:
            """Documents before ``upto`` are done: units come in document order."""
            nonlocal ready
            for n in range(ready, upto):
                if self.cache and n in new:
                    self.cache.put(texts[n], results[n])
                yield results[n]
            ready = max(ready, upto)

        for doc, i in self.nlp.pipe(units, batch_size=self.batch_size, as_tuples=True):
            yield from complete(i)
            _add_doc(results[i], doc, use_simplemma_for_unknown=self.info.route == ACCURATE)
        yield from complete(len(texts))


def split_units(text: str) -> list[str]:
    """Cut a document into paragraphs, list items and field lines of bounded length."""
    units = []
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in paragraph.split("\n"):
            if _LIST_OR_FIELD_LINE.match(line) and current:
                units.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            units.append(" ".join(current))
    return [piece for unit in units if unit.strip() for piece in _bounded(unit.strip())]


def _bounded(unit: str) -> list[str]:
    """Split an over-long unit at spaces so that spaCy never rejects it."""
    pieces = []
    while len(unit) > MAX_UNIT_CHARS:
        cut = unit.rfind(" ", 0, MAX_UNIT_CHARS)
        cut = cut if cut > 0 else MAX_UNIT_CHARS
        pieces.append(unit[:cut])
        unit = unit[cut:].lstrip()
    pieces.append(unit)
    return pieces


def _add_doc(result: Preprocessed, doc, use_simplemma_for_unknown: bool) -> None:
    for sent in doc.sents:
        lemmas, verbs = [], []
        for token in sent:
            text = token.text
            if token.is_space or not any(ch.isalnum() for ch in text):
                continue
            if token.like_num or _NUMBER.match(text):
                lemmas.append(NUM)
                continue
            lower = text.lower()
            lemma = (token.lemma_ or lower).lower()
            if token.is_alpha:
                result.n_words += 1
                known = voikko.baseform(text) is not None
                if use_simplemma_for_unknown and not known:
                    lemma = simplemma_lemma(text)
                if known or _simplemma_knows(lower):
                    result.n_known += 1
            lemma = "_".join(lemma.split())
            if token.pos_ in ("VERB", "AUX") and (mark := _tense_mark(token.morph)):
                verbs.append(f"{lemma}~{mark}")  # stop-word verbs too: "olisi" marks a plan
            if lower in STOP_WORDS or lemma in STOP_WORDS:
                continue
            lemmas.append(lemma)
            if token.is_alpha and len(text) >= 8:
                parts = voikko.compound_parts(text)
                if len(parts) > 1:
                    result.compounds.extend(p for p in parts if len(p) >= 3)
        if lemmas or sent.text.strip():
            result.sentences.append(sent.text.strip())
            result.sentence_lemmas.append(lemmas)
            result.sentence_verbs.append(verbs)


def _tense_mark(morph) -> str | None:
    """``cnd`` or ``imp`` for those moods, else ``past`` or ``pres`` for finite verbs and past participles."""
    mood, tense, form = morph.get("Mood"), morph.get("Tense"), morph.get("VerbForm")
    if "Cnd" in mood or "Imp" in mood:
        return "cnd" if "Cnd" in mood else "imp"
    if "Part" in form and ("Past" in tense or "Past" in morph.get("PartForm")):
        return "past"  # "on otettu käyttöön"
    if "Fin" in form:
        return "past" if "Past" in tense else "pres" if "Pres" in tense else None
    return None


def _simplemma_knows(word: str) -> bool:
    return simplemma.is_known(word, lang="fi", low_memory=True)


class PreprocessCache:
    """Preprocessing results on disk, one JSON file per text and pipeline.

    Training and evaluation preprocess the same corpus again and again; the key is the
    SHA-256 of the text plus :attr:`PipelineInfo.key`, so a different pipeline or
    normalisation version never reuses a stale result.
    """

    def __init__(self, root: str | Path, info: PipelineInfo):
        key = hashlib.sha256(info.key.encode()).hexdigest()[:16]
        self.root = Path(root) / key

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.root / digest[:2] / f"{digest}.json"

    def get(self, text: str) -> Preprocessed | None:
        try:
            return Preprocessed.from_dict(json.loads(self._path(text).read_text("utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def put(self, text: str, result: Preprocessed) -> None:
        path = self._path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(result.to_dict(), ensure_ascii=False), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def default_cache_dir() -> Path:
    """``$INNOTAG_CACHE_DIR``, else ``$XDG_CACHE_HOME/innotag``, else ``~/.cache/innotag``."""
    if os.environ.get("INNOTAG_CACHE_DIR"):
        return Path(os.environ["INNOTAG_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "innotag"
