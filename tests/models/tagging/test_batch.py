import pytest

from innotag.models.tagging.batch import _chunks, check_backend
from innotag.nlp.errors import InnotagError


def test_chunks_keep_order_and_size():
    assert [len(c) for c in _chunks(range(70), 32)] == [32, 32, 6]
    assert [x for c in _chunks(iter(range(70)), 32) for x in c] == list(range(70))


def test_backends_are_checked_before_work():
    check_backend("loky", None)
    with pytest.raises(InnotagError, match="unknown backend"):
        check_backend("dsk", None)
    with pytest.raises(InnotagError, match="--scheduler"):
        check_backend("dask", None)


def test_small_batches_run_in_one_process_and_large_ones_in_balanced_chunks():
    from innotag.models.tagging import PARALLEL_MIN_DOCUMENTS
    from innotag.models.tagging.batch import CHUNK_SIZE, plan_work

    assert plan_work(PARALLEL_MIN_DOCUMENTS - 1, 2) == (1, CHUNK_SIZE)
    assert plan_work(PARALLEL_MIN_DOCUMENTS, 2) == (2, -(-PARALLEL_MIN_DOCUMENTS // 8))
    assert plan_work(10_000, 2) == (2, CHUNK_SIZE)
    assert plan_work(None, 2) == (2, CHUNK_SIZE)  # standard input: the size is unknown
    assert plan_work(10, 4, backend="dask") == (4, 1)  # a cluster was asked for: use it
    assert plan_work(10, 1) == (1, CHUNK_SIZE)
