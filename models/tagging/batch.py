"""Tag a stream of documents in chunks, in this process or in parallel, in a fixed order.

Work is cut into chunks of ``chunk_size`` items; each chunk is read, preprocessed and
predicted by one worker (:meth:`Tagger.tag_chunk`). ``n_jobs=1`` runs the same chunks in
this process, so results do not depend on the number of workers or the backend. Only a
few chunks are dispatched ahead of the consumer and results come back in input order,
so memory stays flat however many documents come in.

On this machine (loky) this process is one of the ``n_jobs`` workers: it has loaded the
model anyway and tags the first chunk itself, timing it. The other workers are started
only when the work left (documents left times the time per document) is over twice
their start-up, and they get chunks once they have loaded the model; until then, and
whenever they are busy, this process tags the next chunk. So a small batch costs no more
with more jobs than with one, and a large one is shared.
"""

from __future__ import annotations

import collections
import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from innotag.models.tagging import BACKENDS, WORKER_START_SECONDS
from innotag.models.tagging.tagger import TagResult, Tagger
from innotag.nlp.errors import InnotagError
from innotag.models.tagging.inputs import InputItem

@functools.lru_cache(maxsize=2)
def _worker_tagger(model_dir: str, pipeline: str | None) -> Tagger:
    """One loaded model per worker process, reused across chunks."""
    return Tagger.load(model_dir, pipeline)


def _tag_chunk(model_dir: str, pipeline: str | None, items: list[InputItem], explain: bool) -> list[TagResult]:
    return _worker_tagger(model_dir, pipeline).tag_chunk(items, explain)


def _load_only(model_dir: str, pipeline: str | None) -> None:
    _worker_tagger(model_dir, pipeline)


def _chunks(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


CHUNK_SIZE = 32  # documents a worker preprocesses and predicts together
CHUNKS_PER_WORKER = 4  # smaller chunks for a smaller batch, so that the workers finish together
MIN_CHUNK_SIZE = 8  # each chunk costs a model call (about 10 ms) and a round trip to a worker


def plan_chunk_size(total: int | None, n_jobs: int) -> int:
    """Chunks for a batch of ``total`` documents (None: unknown): about four per process, 8 to 32 documents."""
    if n_jobs == 1 or total is None:
        return CHUNK_SIZE
    return max(MIN_CHUNK_SIZE, min(CHUNK_SIZE, -(-total // (n_jobs * CHUNKS_PER_WORKER))))


def tag_stream(items: Iterable[InputItem], model_dir: str | Path, *, pipeline: str | None = None, n_jobs: int = 1,
               backend: str = "loky", scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
               explain: bool = False, on_document: Callable[[], None] | None = None,
               total: int | None = None) -> Iterator[TagResult]:
    """Yield one TagResult per item, in input order; ``total``, the number of items if known, lets
    the loky backend judge whether starting workers pays off (unknown: they start at once).

    ``on_document`` is called once per document as work advances: per document in this
    process, per chunk as workers hand results back.
    """
    model_dir = str(model_dir)
    check_backend(backend, scheduler)
    if n_jobs == 1 and backend == "loky":
        tagger = _worker_tagger(model_dir, pipeline)
        for chunk in _chunks(items, chunk_size):
            yield from tagger.tag_chunk(chunk, explain, on_document)
        return
    tagger = _worker_tagger(model_dir, pipeline)  # fails early, in this process, on a bad model
    if backend == "loky":
        yield from _tag_with_local_workers(tagger, items, model_dir, pipeline, n_jobs, chunk_size, explain,
                                           on_document, total)
        return
    from joblib import Parallel, delayed, parallel_config

    with ExitStack() as stack:
        stack.enter_context(_dask_client(scheduler))
        stack.enter_context(parallel_config(backend=backend, n_jobs=n_jobs))
        parallel = Parallel(return_as="generator", pre_dispatch="2*n_jobs")
        tasks = (delayed(_tag_chunk)(model_dir, pipeline, chunk, explain) for chunk in _chunks(items, chunk_size))
        for results in parallel(tasks):
            yield from _counted(results, on_document)


def _counted(results: list[TagResult], on_document: Callable[[], None] | None) -> Iterator[TagResult]:
    for result in results:
        if on_document:
            on_document()
        yield result


def _tag_with_local_workers(tagger: Tagger, items: Iterable[InputItem], model_dir: str, pipeline: str | None,
                            n_jobs: int, chunk_size: int, explain: bool, on_document: Callable[[], None] | None,
                            total: int | None) -> Iterator[TagResult]:
    """Chunks go to ``n_jobs - 1`` worker processes when they pay off, are ready and have room;
    else this process tags them."""
    from concurrent.futures import Future

    from joblib.externals.loky import get_reusable_executor

    executor, ready = None, None
    room = 2 * (n_jobs - 1)  # chunks queued per worker, as joblib's pre_dispatch
    window: collections.deque[Future | list[TagResult]] = collections.deque()  # in input order
    dispatched, local_documents, local_seconds = 0, 0, 0.0

    def busy() -> int:
        return sum(isinstance(entry, Future) and not entry.done() for entry in window)

    def workers_pay_off() -> bool:
        if total is None:
            return True
        left = (total - dispatched) * local_seconds / max(local_documents, 1)
        return local_documents > 0 and left > 2 * WORKER_START_SECONDS

    try:
        for chunk in _chunks(items, chunk_size):
            if executor is None and workers_pay_off():
                executor = get_reusable_executor(max_workers=n_jobs - 1)
                ready = executor.submit(_load_only, model_dir, pipeline)
            if ready is not None and ready.done() and busy() < room:
                ready.result()  # a worker that failed to load the model fails the run
                window.append(executor.submit(_tag_chunk, model_dir, pipeline, chunk, explain))
            else:
                started = time.perf_counter()
                window.append(tagger.tag_chunk(chunk, explain, on_document))
                local_seconds += time.perf_counter() - started
                local_documents += len(chunk)
            dispatched += len(chunk)
            # Hand back what is ready at the head; wait for the head only when the window grows long.
            while window and (isinstance(window[0], list) or window[0].done() or len(window) > 4 * room):
                yield from _finished(window.popleft(), on_document)
        while window:
            yield from _finished(window.popleft(), on_document)
    finally:
        for entry in window:  # stopped early (--fail-fast, Ctrl-C): queued chunks are not needed
            if isinstance(entry, Future):
                entry.cancel()
        if ready is not None and not ready.done():  # done before a worker was ready: do not wait for it
            executor.shutdown(wait=False, kill_workers=True)


def _finished(entry, on_document: Callable[[], None] | None) -> Iterator[TagResult]:
    """A chunk's results: tagged here (already counted) or by a worker (counted now)."""
    return iter(entry) if isinstance(entry, list) else _counted(entry.result(), on_document)


def check_backend(backend: str, scheduler: str | None) -> None:
    """Refuse an unknown backend, or Dask without a scheduler, before any work starts."""
    if backend not in BACKENDS:
        raise InnotagError(f"unknown backend '{backend}'; use one of {', '.join(BACKENDS)}")
    if backend == "dask" and not scheduler:
        raise InnotagError("--backend dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")


def load_worker_tagger(model_dir: str | Path, pipeline: str | None = None) -> Tagger:
    """Load (once per process) the tagger that this process's chunks use."""
    return _worker_tagger(str(model_dir), pipeline)


def _dask_client(scheduler: str):
    try:
        from distributed import Client
    except ImportError:
        raise InnotagError("the Dask backend needs the optional extra: pip install 'innotag[dask]'") from None
    try:
        return Client(scheduler, timeout="20s", set_as_default=True)
    except (OSError, TimeoutError) as exc:
        raise InnotagError(f"cannot connect to the Dask scheduler at {scheduler} ({exc})") from None
