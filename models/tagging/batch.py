"""Tag a stream of documents in chunks, in this process or in parallel, in a fixed order.

Work is cut into chunks of ``chunk_size`` items; each chunk is read, preprocessed and
predicted by one worker (:meth:`Tagger.tag_chunk`). ``n_jobs=1`` runs the same chunks in
this process, so results do not depend on the number of workers or the backend. joblib
dispatches only a few chunks ahead of the consumer and hands results back in input
order, so memory stays flat however many documents come in.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from innotag.models.tagging import BACKENDS, PARALLEL_MIN_DOCUMENTS
from innotag.models.tagging.tagger import TagResult, Tagger
from innotag.nlp.errors import InnotagError
from innotag.models.tagging.inputs import InputItem

@functools.lru_cache(maxsize=2)
def _worker_tagger(model_dir: str, pipeline: str | None) -> Tagger:
    """One loaded model per worker process, reused across chunks."""
    return Tagger.load(model_dir, pipeline)


def _tag_chunk(model_dir: str, pipeline: str | None, items: list[InputItem], explain: bool) -> list[TagResult]:
    return _worker_tagger(model_dir, pipeline).tag_chunk(items, explain)


def _chunks(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


CHUNK_SIZE = 32  # documents a worker preprocesses and predicts together
CHUNKS_PER_WORKER = 4  # smaller chunks when the batch is small, so that every worker gets work


def plan_work(total: int | None, n_jobs: int, backend: str = "loky") -> tuple[int, int]:
    """The number of processes and the chunk size for a batch of ``total`` documents (None: unknown)."""
    if n_jobs == 1 or total is None:
        return n_jobs, CHUNK_SIZE
    if backend == "loky" and total < PARALLEL_MIN_DOCUMENTS:
        return 1, CHUNK_SIZE
    return n_jobs, parallel_chunk_size(total, n_jobs)


def parallel_chunk_size(total: int, n_jobs: int) -> int:
    return max(1, min(CHUNK_SIZE, -(-total // (n_jobs * CHUNKS_PER_WORKER))))


def tag_stream(items: Iterable[InputItem], model_dir: str | Path, *, pipeline: str | None = None, n_jobs: int = 1,
               backend: str = "loky", scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
               explain: bool = False, on_document: Callable[[], None] | None = None) -> Iterator[TagResult]:
    """Yield one TagResult per item, in input order.

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
    _worker_tagger(model_dir, pipeline)  # fail early, in this process, on a bad model
    from joblib import Parallel, delayed, parallel_config

    with ExitStack() as stack:
        if backend == "dask":
            stack.enter_context(_dask_client(scheduler))
        stack.enter_context(parallel_config(backend=backend, n_jobs=n_jobs))
        parallel = Parallel(return_as="generator", pre_dispatch="2*n_jobs")
        tasks = (delayed(_tag_chunk)(model_dir, pipeline, chunk, explain) for chunk in _chunks(items, chunk_size))
        for results in parallel(tasks):
            for result in results:
                if on_document:
                    on_document()
                yield result


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
