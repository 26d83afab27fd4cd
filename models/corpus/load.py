"""Read annotated corpora: one JSONL file, or the ``*.jsonl`` files at the top of a folder.

Each line is ``{"id", "text", "stage", "features", ...}`` (see ``corpus/CODEBOOK.md``);
keys other than these four are kept as metadata and never used as model input.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from innotag.models.corpus.jsonl import corpus_files, iter_records
from innotag.models.corpus.real import is_real_set, load_real_set
from innotag.models.corpus.records import Corpus, Example, parse_example
from innotag.models.errors import CorpusError
from innotag.nlp.pipeline import DEFAULT_PIPELINE, PipelineInfo
from innotag.nlp.preprocess import Preprocessed, Preprocessor, default_cache_dir


def iter_examples(path: str | Path, require_text: bool = True) -> Iterator[tuple[str, Example | None, str | None]]:
    """Yield ``(source, example, problem)`` for every non-blank line; a repeated id is a problem."""
    seen: dict[str, str] = {}
    for source, record, error in iter_records(path):
        if error is None:
            try:
                example = parse_example(record, source, require_text)
                if example.id in seen:
                    raise ValueError(f"duplicate id {example.id} (first at {seen[example.id]})")
                seen[example.id] = source
                yield source, example, None
                continue
            except ValueError as exc:
                error = str(exc)
        yield source, None, error


def load_corpus(path: str | Path) -> Corpus:
    """Load and check a corpus; malformed lines raise one CorpusError that names them.

    A folder with an ``index.jsonl`` and ``texts/`` is a real-document set
    (:mod:`innotag.models.corpus.real`): its documents whose texts are present.
    """
    if is_real_set(path):
        return load_real_set(path)
    examples, problems = [], []
    for source, example, error in iter_examples(path):
        if error:
            problems.append(f"{source}: {error}")
        else:
            examples.append(example)
    if problems:
        more = f" (and {len(problems) - 1} more; `innotag validate {path}` lists them all)" if len(problems) > 1 else ""
        raise CorpusError(f"malformed corpus: {problems[0]}{more}")
    if not examples:
        raise CorpusError(f"{path}: the corpus has no documents")
    return Corpus(examples, corpus_files(path))


def preprocess_corpus(corpus: Corpus, pipeline: str = DEFAULT_PIPELINE, progress: bool = True,
                      cache: bool = True) -> tuple[list[Preprocessed], PipelineInfo]:
    """Preprocess every document once; results are cached on disk by text and pipeline."""
    from tqdm import tqdm

    pre = Preprocessor(pipeline, cache_dir=default_cache_dir() / "preprocess" if cache else None)
    docs = list(tqdm(pre.pipe(corpus.texts), total=len(corpus), desc="preprocessing", unit="doc",
                     disable=None if progress else True, leave=False))
    return docs, pre.info
