"""The real development set: an index of labelled public documents whose texts stay local.

``corpus/real/index.jsonl`` holds, per document, its URL, title, genre, source type, the
adjudicated stage and features, both annotators' labels and the evidence as character
offsets. The page texts are never part of the repository: they live in ``texts/ID.txt``
beside the index on the machine that collected them (``corpus/real/README.md`` says how
to collect them again). Documents whose text is absent are counted, not scored.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from innotag.models.corpus.jsonl import iter_records
from innotag.models.corpus.records import Corpus, Example, parse_example
from innotag.models.errors import CorpusError
from innotag.nlp.sentences import sentence_spans

INDEX_FILE, TEXTS_DIR = "index.jsonl", "texts"
METADATA_KEYS = ("genre", "source_type", "url", "title", "role", "round")


def is_real_set(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and (path / INDEX_FILE).is_file()


def iter_real_set(path: str | Path, check_sentences: bool = False
                  ) -> Iterator[tuple[str, str | None, Example | None, str | None]]:
    """Yield ``(source, id, example, problem)`` per line of the index; a document whose text is absent
    comes with neither example nor problem.

    With ``check_sentences``, every evidence span (the final one and each annotator's) must be
    a sentence of the text as :func:`~innotag.nlp.sentences.sentence_spans` numbers them, as it
    was when the document was annotated; otherwise the text is not the annotated one (the page
    changed, or it was copied wrongly) and that is the document's problem.
    """
    folder = Path(path)
    for source, record, error in iter_records(folder / INDEX_FILE):
        doc_id = None
        try:
            if error:
                raise ValueError(error)
            doc_id = str(record["id"])
            text_file = folder / TEXTS_DIR / f"{doc_id}.txt"
            if not text_file.is_file():
                yield source, doc_id, None, None
                continue
            text = text_file.read_text("utf-8")
            meta = {k: record[k] for k in METADATA_KEYS if k in record}
            example = parse_example({"id": doc_id, "text": text, "stage": record["stage"],
                                     "features": record["features"], "evidence": record.get("evidence"), **meta},
                                    source)
            if check_sentences:
                _check_sentences(record, text, f"{TEXTS_DIR}/{doc_id}.txt")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            yield source, doc_id, None, str(exc)
            continue
        yield source, doc_id, example, None


def _check_sentences(record: dict, text: str, name: str) -> None:
    spans = sentence_spans(text)
    starts, ends = {a for a, _ in spans}, {b for _, b in spans}
    evidences = [record.get("evidence") or {}] + [(a or {}).get("evidence") or {}
                                                  for a in (record.get("annotations") or {}).values()]
    for evidence in evidences:
        for label, label_spans in evidence.items():
            for start, end in label_spans:
                if start not in starts or end not in ends:
                    raise ValueError(f"document {record['id']}: {label} evidence [{start}, {end}] is not a sentence of "
                                     f"{name}, so the text is not the one annotated; collect it again "
                                     "(corpus/real/README.md)")


def load_real_set(path: str | Path) -> Corpus:
    """The documents of the index whose texts are present; ``missing`` lists the ids of those that are not."""
    folder = Path(path)
    examples, missing = [], []
    for source, doc_id, example, problem in iter_real_set(folder):
        if problem:
            raise CorpusError(f"{source}: {problem}")
        if example is None:
            missing.append(doc_id)
        else:
            examples.append(example)
    if not examples:
        raise CorpusError(f"{folder}: none of the {len(missing)} indexed texts is present in {folder / TEXTS_DIR}; "
                          f"collect them as {folder / 'README.md'} describes")
    return Corpus(examples, [folder / INDEX_FILE], missing)
