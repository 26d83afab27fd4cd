import pickle

import pytest

from innotag.models.errors import CorpusError, InputError, ModelError, OutputError, check_can_write
from innotag.nlp.errors import InnotagError


@pytest.mark.parametrize("error", [CorpusError("bad line"), ModelError("retrain"), OutputError("exists"),
                                   InputError("no documents")])
def test_errors_pickle_and_are_innotag_errors(error):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error) and isinstance(again, InnotagError)


def test_check_can_write(tmp_path):
    check_can_write(tmp_path / "new.jsonl", force=False)
    (tmp_path / "old.jsonl").write_text("x")
    with pytest.raises(OutputError, match="already exists; use --force"):
        check_can_write(tmp_path / "old.jsonl", force=False)
    check_can_write(tmp_path / "old.jsonl", force=True)
