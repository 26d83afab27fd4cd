"""The loaded model behind one worker thread.

Tagging is CPU-bound and the spaCy pipeline and libvoikko are not thread-safe, so all
reading and tagging runs on a single worker thread, one request after another, off the
event loop: the server keeps answering (health checks, the page, queued requests wait
their turn) while a document is tagged.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from innotag.models.tagging.inputs import InputItem
from innotag.models.tagging.tagger import Tagger, TagResult
from innotag.nlp.errors import DocumentError
from innotag.nlp.readers import Document, make_document, read_bytes


@dataclass(frozen=True)
class Source:
    """One document sent to the server: an uploaded file's bytes, or text."""

    id: str
    data: bytes | None = None
    text: str | None = None

    def read(self) -> Document:
        if self.data is not None:
            return read_bytes(self.data, self.id)  # the id is the client's file name: only its suffix is used
        return make_document(self.text or "", path=self.id, fmt="text")


@dataclass
class Tagged:
    """A result with the text it was read from (the page shows the evidence in place)."""

    result: TagResult
    text: str | None = None
    failure: DocumentError | None = None


class TaggingService:
    def __init__(self, tagger: Tagger):
        self.tagger = tagger
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="innotag-tagging")

    async def tag(self, sources: list[Source], explain: bool = False) -> list[Tagged]:
        """Read and tag ``sources`` in order on the worker thread; unreadable ones get an error record."""
        job = functools.partial(self._tag, sources, explain)
        return await asyncio.get_running_loop().run_in_executor(self._worker, job)

    def _tag(self, sources: list[Source], explain: bool) -> list[Tagged]:
        out: list[Tagged | None] = [None] * len(sources)
        items, positions = [], []
        for i, source in enumerate(sources):
            try:
                text = source.read().text
            except DocumentError as exc:
                out[i] = Tagged(TagResult(id=source.id, error=str(exc)), failure=exc)
                continue
            items.append(InputItem(id=source.id, text=text))
            positions.append(i)
        for i, item, result in zip(positions, items, self.tagger.tag_chunk(items, explain)):
            out[i] = Tagged(result, item.text)
        return out

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
