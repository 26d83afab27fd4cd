"""The real development set: an index of labelled public documents whose texts stay local.

``corpus/real/index.jsonl`` holds, per document, its URL, title, genre, source type, the
adjudicated stage and features, both annotators' labels and the evidence as character
offsets. The page texts are never part of the repository: they live in ``texts/ID.txt``
beside the index on the machine that collected them (``corpus/real/README.md`` says how
to collect them again). Documents whose text is absent are counted, not scored.
"""

from __future__ import annotations

from pathlib import Path

from innotag.models.corpus.jsonl import iter_records
from innotag.models.corpus.records import Corpus, parse_example
from innotag.models.errors import CorpusError

INDEX_FILE, TEXTS_DIR = "index.jsonl", "texts"
METADATA_KEYS = ("genre", "source_type", "url", "title", "role", "round")


def is_real_set(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and (path / INDEX_FILE).is_file()


def load_real_set(path: str | Path) -> Corpus:
    """The documents of the index whose texts are present; ``missing`` lists the ids of those that are not."""
    folder = Path(path)
    index = folder / INDEX_FILE
    examples, missing = [], []
    for source, record, error in iter_records(index):
        try:
            if error:
                raise ValueError(error)
            text_file = folder / TEXTS_DIR / f"{record['id']}.txt"
            if not text_file.is_file():
                missing.append(str(record["id"]))
                continue
            text = text_file.read_text("utf-8")
            meta = {k: record[k] for k in METADATA_KEYS if k in record}
            example = parse_example({"id": record["id"], "text": text, "stage": record["stage"],
                                     "features": record["features"], "evidence": record.get("evidence"), **meta},
                                    source)
        except (ValueError, KeyError, TypeError) as exc:
            raise CorpusError(f"{source}: {exc}") from None
        examples.append(example)
    if not examples:
        raise CorpusError(f"{folder}: none of the {len(missing)} indexed texts is present in {folder / TEXTS_DIR}; "
                          f"collect them as {folder / 'README.md'} describes")
    return Corpus(examples, [index], missing)
