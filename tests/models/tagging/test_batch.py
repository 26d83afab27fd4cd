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
