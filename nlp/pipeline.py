"""Build the Finnish spaCy pipeline that preprocessing runs on.

Routes:

``accurate``
    The trained ``spacy_fi_experimental_web_md`` pipeline with its POS-aware Voikko
    lemmatizer (lemma accuracy 0.953 on UD Finnish-TDT); the tagger, parser and NER,
    which classification does not need, are excluded. Needs Voikko.
``fast``
    spaCy's Finnish language class (as ``spacy.blank("fi")``) with a simplemma lemmatizer (Voikko for words simplemma does
    not know, when available) and a rule-based sentence splitter; about 20 times faster.
any other name
    An installed spaCy Finnish package such as ``fi_core_news_sm``.

When ``accurate`` is asked for but Voikko is missing, the ``fast`` route is used and a
warning says so once per process.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import asdict, dataclass

import simplemma
import spacy
from spacy.lang.fi import Finnish
from spacy.language import Language

from innotag.nlp import ROUTES, voikko
from innotag.nlp.errors import PipelineError

ACCURATE, FAST = ROUTES
DEFAULT_PIPELINE = ACCURATE
TRAINED_PACKAGE = "spacy_fi_experimental_web_md"
# Bump when the normalisation of the lemma stream changes: cached results and models
# trained with another version are then not mixed with new ones.
PREPROCESS_VERSION = 3

log = logging.getLogger("innotag")


@dataclass(frozen=True)
class PipelineInfo:
    """What a pipeline is, for ``innotag info``, model metadata and cache keys."""

    route: str
    package: str
    version: str
    voikko: bool
    components: tuple[str, ...]

    @property
    def name(self) -> str:
        """The ``--pipeline`` value that rebuilds this pipeline (after any fallback)."""
        return self.package if self.route == "package" else self.route

    @property
    def key(self) -> str:
        return f"{self.route}:{self.package}=={self.version}:voikko={int(self.voikko)}:v{PREPROCESS_VERSION}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["components"] = list(self.components)
        data["key"] = self.key
        data["name"] = self.name
        return data


@functools.lru_cache(maxsize=200_000)
def simplemma_lemma(word: str) -> str:
    """Lemma of one word: simplemma where it knows the word, else Voikko, else simplemma's guess."""
    lower = word.lower()
    if not simplemma.is_known(lower, lang="fi", low_memory=True):
        base = voikko.baseform(word)
        if base:
            return base.lower()
    return simplemma.lemmatize(lower, lang="fi", low_memory=True).lower()


@Language.component("innotag_simplemma_lemmatizer")
def simplemma_lemmatizer(doc):
    """Set ``token.lemma_`` from simplemma (with the Voikko fallback)."""
    for token in doc:
        if token.is_alpha:
            token.lemma_ = simplemma_lemma(token.text)
        else:
            token.lemma_ = token.text.lower()
    return doc


@functools.lru_cache(maxsize=8)
def load_pipeline(name: str = DEFAULT_PIPELINE) -> tuple[Language, PipelineInfo]:
    """Build (once per process) the spaCy pipeline for a route or package name."""
    if name == ACCURATE and not voikko.voikko_available():
        log.warning("Voikko is not installed (Debian packages libvoikko1 and voikko-fi), so the 'accurate' "
                    "pipeline is unavailable; using the 'fast' simplemma pipeline instead.")
        return load_pipeline(FAST)
    if name == FAST:
        # The language class itself, not spacy.blank("fi"): importing spacy-fi replaces the
        # registered "fi" class with one that tokenizes differently, which would make this
        # route depend on what else the process has loaded.
        nlp = Finnish()
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("innotag_simplemma_lemmatizer")
        package, version = "spacy.blank(fi)+simplemma", f"{spacy.__version__}+simplemma{simplemma.__version__}"
    else:
        package = TRAINED_PACKAGE if name == ACCURATE else name
        nlp = _load_package(package)
        version = nlp.meta.get("version", "?")
        if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
            nlp.add_pipe("sentencizer")
    info = PipelineInfo(route=name if name in (ACCURATE, FAST) else "package", package=package,
                        version=version, voikko=voikko.voikko_available(), components=tuple(nlp.pipe_names))
    return nlp, info


def _load_package(package: str) -> Language:
    try:
        nlp = spacy.load(package, exclude=["tagger", "parser", "ner"])
    except OSError:
        raise PipelineError(f"spaCy pipeline '{package}' is not installed; use --pipeline accurate or fast, "
                            f"or install the package first") from None
    except Exception as exc:  # e.g. VoikkoException from the spacy-fi lemmatizer
        raise PipelineError(f"spaCy pipeline '{package}' cannot be loaded: {exc}") from None
    if nlp.lang != "fi":
        raise PipelineError(f"spaCy pipeline '{package}' is for language '{nlp.lang}', not Finnish (fi)")
    return nlp


def pipeline_info(name: str = DEFAULT_PIPELINE) -> PipelineInfo:
    return load_pipeline(name)[1]
