import pickle

import pytest

from innotag.nlp.errors import DocumentError, InnotagError, PipelineError


@pytest.mark.parametrize("error", [InnotagError("something went wrong"), DocumentError("a/b.pdf", "the PDF is encrypted"),
                                   PipelineError("no pipeline")])
def test_errors_pickle(error):
    """Errors cross loky and Dask process boundaries."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    if isinstance(error, DocumentError):
        assert (again.path, again.reason) == (error.path, error.reason)
