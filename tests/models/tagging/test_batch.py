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


def test_chunks_are_sized_to_the_batch():
    from innotag.models.tagging.batch import CHUNK_SIZE, plan_chunk_size

    assert plan_chunk_size(10_000, 2) == CHUNK_SIZE
    assert plan_chunk_size(240, 3) == 20  # four chunks per process
    assert plan_chunk_size(10, 4) == 8  # each chunk costs a model call: never under 8
    assert plan_chunk_size(None, 2) == CHUNK_SIZE  # standard input: the size is unknown
    assert plan_chunk_size(10, 1) == CHUNK_SIZE
