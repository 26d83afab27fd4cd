import io
import json

import pytest

from innotag.nlp.errors import DocumentError, InnotagError
from innotag.models.tagging.inputs import InputItem, iter_inputs


def test_folders_are_walked_sorted_recursively_skipping_hidden_and_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/z.txt", "a.pdf", ".git/x.txt", "c.png", "b/.hidden.md", "d.docx"]:
        (tmp_path / name).write_text("x")
    assert [i.id for i in iter_inputs([tmp_path])] == [str(tmp_path / n) for n in ["a.pdf", "b/z.txt", "d.docx"]]
    assert [i.id for i in iter_inputs([tmp_path], glob="*.pdf")] == [str(tmp_path / "a.pdf")]


def test_jsonl_and_csv_records(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "body": "Hyvä teksti"}\nnot json\n{"id": "c"}\n', encoding="utf-8")
    items = list(iter_inputs([jsonl], text_field="body"))
    assert items[0] == InputItem(id="a", path=str(jsonl), text="Hyvä teksti")
    assert "not valid JSON" in items[1].error and "no text in field 'body'" in items[2].error
    csv_file = tmp_path / "in.csv"
    csv_file.write_bytes("tunniste;x\n".replace(";", ",").encode() + 'k1,"Päätös tehtiin"\n'.encode("cp1252"))
    items = list(iter_inputs([csv_file], text_field="x", id_field="tunniste"))
    assert items == [InputItem(id="k1", path=str(csv_file), text="Päätös tehtiin")]


def test_csv_without_the_text_column_is_a_clear_error(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,teksti\n1,moi\n", encoding="utf-8")
    with pytest.raises(InnotagError, match="--text-field"):
        list(iter_inputs([path]))


def test_stdin_is_one_document():
    items = list(iter_inputs(["-"], stdin=io.StringIO("Nuoret kehittivät mallia.")))
    assert items == [InputItem(id="-", path="-", text="Nuoret kehittivät mallia.")]


def test_item_errors_surface_when_loaded():
    with pytest.raises(DocumentError, match="broken"):
        InputItem(id="x", error="broken").load()
    with pytest.raises(DocumentError, match="empty"):
        InputItem(id="x", text="  ").load()
