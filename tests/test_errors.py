import pickle

import pytest

from innotag.models.errors import CorpusError, ModelError, OutputError, check_can_write
from innotag.nlp.errors import DocumentError, InnotagError, PipelineError


@pytest.mark.parametrize("error", [
    InnotagError("something went wrong"), DocumentError("a/b.pdf", "the PDF is encrypted"),
    PipelineError("no pipeline"), CorpusError("bad line"), ModelError("retrain"), OutputError("exists"),
])
def test_every_project_error_pickles(error):
    """Errors cross loky and Dask process boundaries."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    assert isinstance(again, InnotagError)
    if isinstance(error, DocumentError):
        assert (again.path, again.reason) == (error.path, error.reason)


def test_check_can_write(tmp_path):
    check_can_write(tmp_path / "new.jsonl", force=False)
    (tmp_path / "old.jsonl").write_text("x")
    with pytest.raises(OutputError, match="already exists; use --force"):
        check_can_write(tmp_path / "old.jsonl", force=False)
    check_can_write(tmp_path / "old.jsonl", force=True)
