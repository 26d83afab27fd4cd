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


def test_semicolon_and_tab_separated_tables_are_read(tmp_path):
    semicolons = tmp_path / "hankkeet.csv"
    semicolons.write_bytes('tunnus;kuvaus\nk1;"Kokeilu alkoi; palaute kerättiin."\nk2;Päätös tehtiin\n'.encode("cp1252"))
    items = list(iter_inputs([semicolons], text_field="kuvaus", id_field="tunnus"))
    assert items == [InputItem(id="k1", path=str(semicolons), text="Kokeilu alkoi; palaute kerättiin."),
                     InputItem(id="k2", path=str(semicolons), text="Päätös tehtiin")]
    tabs = tmp_path / "hankkeet.tsv"
    tabs.write_text("id\ttext\n1\tEnsimmäinen, pilkullinen teksti\n2\tToinen\n", encoding="utf-8")
    assert [(i.id, i.text) for i in iter_inputs([tabs])] == [("1", "Ensimmäinen, pilkullinen teksti"), ("2", "Toinen")]
    sniffed = tmp_path / "tabs.csv"
    sniffed.write_text("id\ttext\n1\tMoi, maailma\n", encoding="utf-8")
    assert [i.text for i in iter_inputs([sniffed])] == ["Moi, maailma"]


def test_a_malformed_row_gets_its_own_error_and_the_rest_go_on(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,text\na,"Eka\nrivi"\nb,liikaa,soluja\nc\nd,Neljäs\n', encoding="utf-8")
    items = list(iter_inputs([path]))
    assert items[0] == InputItem(id="a", path=str(path), text="Eka\nrivi")
    assert items[1].error == "line 4 has 3 cells, the header 2" and items[1].id == f"{path}:4"
    assert items[2].error == "line 5 has 1 cells, the header 2"
    assert items[3] == InputItem(id="d", path=str(path), text="Neljäs")


def test_excel_tables_are_read_from_the_first_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["tunnus", "kuvaus", "muuta"])
    sheet.append([101, "Nuoret kehittivät mallia.", "x"])
    sheet.append([None, None, None])  # an empty row is skipped
    sheet.append(["k2", None, "y"])
    book.create_sheet("toinen").append(["tunnus", "ei tätä"])
    path = tmp_path / "hankkeet.xlsx"
    book.save(path)
    items = list(iter_inputs([path], text_field="kuvaus", id_field="tunnus"))
    assert items[0] == InputItem(id="101", path=str(path), text="Nuoret kehittivät mallia.")
    assert items[1].id == "k2" and "no text in field 'kuvaus'" in items[1].error and len(items) == 2
    with pytest.raises(InnotagError, match=r"no column 'text' \(columns: tunnus, kuvaus, muuta\)"):
        list(iter_inputs([path]))
    broken = tmp_path / "rikki.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InnotagError, match="not a readable Excel"):
        list(iter_inputs([broken]))


def test_inputs_are_counted_before_reading_except_stdin(tmp_path):
    from innotag.models.tagging.inputs import count_inputs

    for name in ["a.txt", "b.pdf", "c.png", "sub/d.md"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    table = tmp_path / "t.jsonl"
    table.write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n', encoding="utf-8")
    assert count_inputs([tmp_path]) == 3
    assert count_inputs([tmp_path, table]) == 5
    assert count_inputs(["-", table]) is None
