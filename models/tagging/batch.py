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
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from innotag.models.tagging import BACKENDS
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


def tag_stream(items: Iterable[InputItem], model_dir: str | Path, *, pipeline: str | None = None, n_jobs: int = 1,
               backend: str = "loky", scheduler: str | None = None, chunk_size: int = 32,
               explain: bool = False) -> Iterator[TagResult]:
    """Yield one TagResult per item, in input order."""
    model_dir = str(model_dir)
    check_backend(backend, scheduler)
    if n_jobs == 1 and backend == "loky":
        tagger = _worker_tagger(model_dir, pipeline)
        for chunk in _chunks(items, chunk_size):
            yield from tagger.tag_chunk(chunk, explain)
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
            yield from results


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
