"""Finnish preprocessing and document reading for innotag.

The names below are imported on first use (PEP 562), so that importing ``nlp.errors``,
as the command line does for ``--help``, does not load spaCy.
"""

import importlib

_EXPORTS = {
    "CorpusError": "nlp.errors", "DocumentError": "nlp.errors", "InnotagError": "nlp.errors",
    "ModelError": "nlp.errors", "OutputError": "nlp.errors", "PipelineError": "nlp.errors",
    "ACCURATE": "nlp.pipeline", "DEFAULT_PIPELINE": "nlp.pipeline", "FAST": "nlp.pipeline",
    "PipelineInfo": "nlp.pipeline", "load_pipeline": "nlp.pipeline", "pipeline_info": "nlp.pipeline",
    "Preprocessed": "nlp.preprocess", "Preprocessor": "nlp.preprocess",
    "SUPPORTED_SUFFIXES": "nlp.readers", "Document": "nlp.readers", "decode_bytes": "nlp.readers",
    "read_document": "nlp.readers",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
