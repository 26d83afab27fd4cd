"""innotag: where a Finnish social innovation stands, read from its documents.

The public API, imported on first use (PEP 562) so that ``import innotag`` stays cheap::

    import innotag
    tagger = innotag.Tagger.load()
    print(tagger.tag("Kokeilussa nuoret ja työntekijät kehittivät mallia yhdessä.").stage)

The code is laid out by what it does: ``innotag.nlp`` reads documents and preprocesses
Finnish; ``innotag.models`` holds the corpus tools, estimators, evaluation, persistence
and tagging, and ``innotag.models.serving`` the local web page and REST API (``innotag.serve``);
``innotag.cli`` is the command line.
"""

import importlib

_EXPORTS = {
    "Tagger": "innotag.models.tagging.tagger", "TagResult": "innotag.models.tagging.tagger",
    "run_tagging": "innotag.models.tagging.run",
    "create_app": "innotag.models.serving.app", "serve": "innotag.models.serving.app",
    "train": "innotag.models.train",
    "evaluate_cv": "innotag.models.evaluation.evaluate", "evaluate_heldout": "innotag.models.evaluation.evaluate",
    "EvaluationResult": "innotag.models.evaluation.evaluate",
    "load_model": "innotag.models.persistence.store", "default_model_dir": "innotag.models.persistence.store",
    "InnotagModel": "innotag.models.estimators.model", "ModelConfig": "innotag.models.estimators.model",
    "STAGE_IDS": "innotag.models.schema", "FEATURE_IDS": "innotag.models.schema",
    "load_corpus": "innotag.models.corpus.load", "validate_corpus": "innotag.models.corpus.validate",
    "agreement": "innotag.models.corpus.agreement",
    "read_document": "innotag.nlp.readers", "Document": "innotag.nlp.readers",
    "Preprocessor": "innotag.nlp.preprocess",
    "InnotagError": "innotag.nlp.errors", "DocumentError": "innotag.nlp.errors", "PipelineError": "innotag.nlp.errors",
    "CorpusError": "innotag.models.errors", "ModelError": "innotag.models.errors", "OutputError": "innotag.models.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'innotag' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
