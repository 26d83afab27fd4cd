"""Apply a trained model to documents: the Python API that ``innotag tag`` uses.

>>> from models import Tagger
>>> tagger = Tagger.load()                      # the default model
>>> result = tagger.tag("Pilotissa kokeiltiin ...")
>>> result.stage, result.features
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from innotag.models.estimators.model import Prediction
from innotag.models.persistence.store import LoadedModel, load_model
from innotag.nlp.errors import InnotagError
from innotag.models.tagging.inputs import InputItem
from innotag.nlp.preprocess import Preprocessor


@dataclass
class TagResult:
    """Everything known about one document; ``error`` is set when it could not be read."""

    id: str
    path: str | None = None
    stage: str | None = None
    stage_probability: float | None = None
    stage_probabilities: dict[str, float] | None = None
    expected_stage: float | None = None
    features: list[str] | None = None
    feature_probabilities: dict[str, float] | None = None
    thresholds: dict[str, float] | None = None
    ecosystem_score: int | None = None
    flags: list[str] = field(default_factory=list)
    error: str | None = None
    explanation: dict | None = None

    @classmethod
    def from_prediction(cls, item: InputItem, prediction: Prediction) -> "TagResult":
        probability = prediction.stage_probabilities[prediction.stage] if prediction.stage else None
        return cls(id=item.id, path=item.path, stage=prediction.stage, stage_probability=probability,
                   stage_probabilities=prediction.stage_probabilities, expected_stage=prediction.expected_stage,
                   features=prediction.features, feature_probabilities=prediction.feature_probabilities,
                   thresholds=prediction.thresholds, ecosystem_score=prediction.ecosystem_score,
                   flags=prediction.flags, explanation=prediction.explanation)

    def to_dict(self) -> dict:
        data = asdict(self)
        if data["explanation"] is None:
            del data["explanation"]
        return data


class Tagger:
    """A loaded model plus the Finnish preprocessing it was trained with."""

    def __init__(self, loaded: LoadedModel, pipeline: str | None = None):
        self.loaded = loaded
        self.preprocessor = Preprocessor(pipeline or loaded.pipeline)

    @classmethod
    def load(cls, path: str | Path | None = None, pipeline: str | None = None) -> "Tagger":
        """Load a model directory; with no path, the default model."""
        return cls(load_model(path), pipeline)

    @property
    def model(self):
        return self.loaded.model

    def tag(self, text: str, id: str = "text", explain: bool = False) -> TagResult:
        """Tag one text."""
        return next(self.tag_many([InputItem(id=id, text=text)], explain=explain))

    def tag_file(self, path: str | Path, explain: bool = False) -> TagResult:
        """Tag one file; a file that cannot be read gives a result with ``error`` set."""
        return next(self.tag_many([InputItem(id=str(path), path=str(path))], explain=explain))

    def tag_many(self, items: Iterable[InputItem | str | Path], explain: bool = False,
                 chunk_size: int = 32) -> Iterator[TagResult]:
        """Tag many documents lazily and in order; strings are texts, Paths are files."""
        chunk: list[InputItem] = []
        for n, item in enumerate(items):
            chunk.append(_as_item(item, n))
            if len(chunk) >= chunk_size:
                yield from self.tag_chunk(chunk, explain)
                chunk = []
        if chunk:
            yield from self.tag_chunk(chunk, explain)

    def tag_chunk(self, items: list[InputItem], explain: bool = False,
                  on_document: Callable[[], None] | None = None) -> list[TagResult]:
        """Read, preprocess and predict one chunk of items; the unit of parallel work.

        ``on_document`` is called as each document is read (when it fails) or preprocessed,
        which is where the time goes, so that a progress bar can move within a chunk.
        """
        results: list[TagResult | None] = [None] * len(items)
        texts, positions = [], []
        for i, item in enumerate(items):
            try:
                texts.append(item.load().text)
                positions.append(i)
            except InnotagError as exc:
                results[i] = TagResult(id=item.id, path=item.path, error=str(exc))
                if on_document:
                    on_document()
        docs = []
        for doc in self.preprocessor.pipe(texts):
            docs.append(doc)
            if on_document:
                on_document()
        for i, prediction in zip(positions, self.model.predict(docs, explain=explain)):
            results[i] = TagResult.from_prediction(items[i], prediction)
        return results


def _as_item(item, n: int) -> InputItem:
    if isinstance(item, InputItem):
        return item
    if isinstance(item, Path):
        return InputItem(id=str(item), path=str(item))
    if isinstance(item, str):
        return InputItem(id=f"text-{n + 1}", text=item)
    raise TypeError(f"cannot tag {type(item).__name__}; give a text (str), a file (Path) or an InputItem")
