"""Access to the Voikko morphological analyser, when the system has it.

Voikko comes from Debian's ``libvoikko1`` and ``voikko-fi`` packages. Without them
everything still works on the simplemma route; :func:`get_voikko` then returns None.
Voikko is not thread-safe, so there is one analyser per process.
"""

from __future__ import annotations

import functools
import re

_TAGS = re.compile(r"\[[^\]]*\]")
_SURFACE_INFO = re.compile(r"\[X[a-z]\][^\[]*\[X\]")


@functools.lru_cache(maxsize=1)
def get_voikko():
    """The process's Voikko analyser, or None when the library or dictionary is missing."""
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except (ImportError, OSError, Exception):  # VoikkoException has no stable import path
        return None


def voikko_available() -> bool:
    return get_voikko() is not None


@functools.lru_cache(maxsize=200_000)
def baseform(word: str) -> str | None:
    """Voikko's base form of the first analysis, or None when Voikko does not know the word."""
    voikko = get_voikko()
    if voikko is None:
        return None
    analyses = voikko.analyze(word)
    if not analyses:
        return None
    analysis = analyses[0]
    fst = analysis.get("FSTOUTPUT", "")
    if "[Tn4]" in fst:
        # A -minen action noun: Voikko gives the verb (kehittää), UD and spacy-fi the noun
        # (kehittäminen); rebuild the noun from the surface stem so both routes agree.
        stem = _TAGS.sub("", _SURFACE_INFO.sub("", fst.split("[Tn4]")[0])).replace("=", "")
        return stem + "minen"
    return analysis.get("BASEFORM")


@functools.lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Parts of a compound word, the last in base form (hyvinvointialueilla -> hyvinvointi, alue).

    Returns an empty tuple for a word that is not a compound or that Voikko does not know.
    """
    voikko = get_voikko()
    if voikko is None:
        return ()
    analyses = voikko.analyze(word)
    if not analyses:
        return ()
    analysis = analyses[0]
    segments = analysis.get("FSTOUTPUT", "").split("[Bc]")
    if len(segments) < 2:
        return ()
    parts = [_TAGS.sub("", _SURFACE_INFO.sub("", seg)).replace("=", "").lower() for seg in segments]
    base = analysis.get("BASEFORM", "").lower()
    prefix = "".join(parts[:-1])
    if base.startswith(prefix):
        parts[-1] = base[len(prefix):]
    parts = [p.strip("-") for p in parts]
    return tuple(p for p in parts if p)
