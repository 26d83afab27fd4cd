"""Finnish preprocessing and document reading for innotag."""

from nlp.errors import CorpusError, DocumentError, InnotagError, ModelError, OutputError, PipelineError
from nlp.pipeline import ACCURATE, DEFAULT_PIPELINE, FAST, PipelineInfo, load_pipeline, pipeline_info
from nlp.preprocess import Preprocessed, Preprocessor
from nlp.readers import SUPPORTED_SUFFIXES, Document, decode_bytes, read_document

__all__ = [
    "ACCURATE", "DEFAULT_PIPELINE", "FAST", "CorpusError", "Document", "DocumentError", "InnotagError",
    "ModelError", "OutputError", "PipelineError", "PipelineInfo", "Preprocessed", "Preprocessor",
    "SUPPORTED_SUFFIXES", "decode_bytes", "load_pipeline", "pipeline_info", "read_document",
]
