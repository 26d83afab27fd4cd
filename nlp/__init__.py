"""Finnish preprocessing and document reading for innotag.

The names below are imported on first use (PEP 562), so that importing ``innotag.nlp.errors``,
as the command line does for ``--help``, does not load spaCy.
"""

import importlib

_EXPORTS = {
    "DocumentError": "innotag.nlp.errors", "InnotagError": "innotag.nlp.errors", "PipelineError": "innotag.nlp.errors",
    "ACCURATE": "innotag.nlp.pipeline", "DEFAULT_PIPELINE": "innotag.nlp.pipeline", "FAST": "innotag.nlp.pipeline",
    "PipelineInfo": "innotag.nlp.pipeline", "load_pipeline": "innotag.nlp.pipeline", "pipeline_info": "innotag.nlp.pipeline",
    "Preprocessed": "innotag.nlp.preprocess", "Preprocessor": "innotag.nlp.preprocess",
    "SUPPORTED_SUFFIXES": "innotag.nlp.readers", "Document": "innotag.nlp.readers", "decode_bytes": "innotag.nlp.readers",
    "read_document": "innotag.nlp.readers",
}

# The preprocessing routes by name (any installed spaCy Finnish package name works too).
ROUTES = ("accurate", "fast")

__all__ = sorted(_EXPORTS) + ["ROUTES"]


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'innotag.nlp' has no attribute {name!r}")
