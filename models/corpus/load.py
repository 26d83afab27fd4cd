"""Read annotated corpora: one JSONL file, or the ``*.jsonl`` files at the top of a folder.

Each line is ``{"id", "text", "stage", "features", ...}`` (see ``corpus/CODEBOOK.md``);
keys other than these four are kept as metadata and never used as model input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from innotag.models.schema import FEATURE_IDS, STAGE_IDS, stage_index
from innotag.nlp.pipeline import DEFAULT_PIPELINE, PipelineInfo
from innotag.nlp.preprocess import Preprocessed, Preprocessor, default_cache_dir
from innotag.models.errors import CorpusError

LABEL_KEYS = ("id", "text", "stage", "features")


@dataclass(frozen=True)
class Example:
    """One annotated document."""

    id: str
    text: str
    stage: int  # zero-based index into STAGE_IDS
    features: tuple[str, ...]
    meta: dict = field(default_factory=dict, compare=False)
    source: str = field(default="", compare=False)

    @property
    def stage_id(self) -> str:
        return STAGE_IDS[self.stage]


@dataclass
class Corpus:
    examples: list[Example]
    files: list[Path]

    def __len__(self) -> int:
        return len(self.examples)

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    @property
    def stages(self) -> np.ndarray:
        return np.array([e.stage for e in self.examples], dtype=int)

    @property
    def feature_matrix(self) -> np.ndarray:
        """Binary (n_documents, n_features) matrix in FEATURE_IDS order."""
        return np.array([[f in e.features for f in FEATURE_IDS] for e in self.examples], dtype=int)

    def sha256(self) -> str:
        """Digest of the corpus files' bytes, in path order: identifies the training data."""
        digest = hashlib.sha256()
        for path in self.files:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def subset(self, indices) -> "Corpus":
        return Corpus([self.examples[i] for i in indices], self.files)


def corpus_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such corpus file or folder")
    if path.is_dir():
        # only the top level: sub-folders (such as corpus/annotations/) hold other label files
        files = sorted(p for p in path.glob("*.jsonl") if p.is_file())
        if not files:
            raise CorpusError(f"{path}: the folder has no *.jsonl corpus files at its top level")
        return files
    return [path]


def iter_records(path: str | Path) -> Iterator[tuple[str, dict | None, str | None]]:
    """Yield ``(source, record, error)`` for every non-blank line of a corpus."""
    for file in corpus_files(path):
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            yield f"{file}", None, "the file is not UTF-8; save the corpus as UTF-8 JSON lines"
            continue
        except OSError as exc:
            yield f"{file}", None, f"cannot be read ({exc.strerror or exc})"
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            source = f"{file}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield source, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield source, None, "a corpus line must be a JSON object"
                continue
            yield source, record, None


def parse_example(record: dict, source: str = "", require_text: bool = True) -> Example:
    """Check one record against the schema; ValueError says what is wrong.

    With ``require_text=False`` a record of labels only (a second annotation) is accepted.
    """
    missing = [k for k in LABEL_KEYS if k not in record and (require_text or k != "text")]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    doc_id, text, features = record["id"], record.get("text", ""), record["features"]
    if not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
        raise ValueError("'id' must be a non-empty string")
    if require_text and (not isinstance(text, str) or not text.strip()):
        raise ValueError(f"document {doc_id}: 'text' is empty")
    stage = stage_index(record["stage"])
    if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
        raise ValueError(f"document {doc_id}: 'features' must be a list of feature ids")
    unknown = [f for f in features if f not in FEATURE_IDS]
    if unknown:
        raise ValueError(f"document {doc_id}: unknown feature(s) {', '.join(unknown)}; "
                         f"expected ids from {', '.join(FEATURE_IDS)}")
    if len(set(features)) != len(features):
        raise ValueError(f"document {doc_id}: a feature is listed twice")
    meta = {k: v for k, v in record.items() if k not in LABEL_KEYS}
    ordered = tuple(f for f in FEATURE_IDS if f in features)
    return Example(str(doc_id), text, stage, ordered, meta, source)


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
    """Load and check a corpus; malformed lines raise one CorpusError that names them."""
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
