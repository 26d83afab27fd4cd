import pytest

from innotag.models.corpus.jsonl import corpus_files, iter_records
from innotag.models.errors import CorpusError


def test_every_non_blank_line_gives_a_record_or_a_problem(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1}\n\nnot json\n[1, 2]\n', encoding="utf-8")
    rows = list(iter_records(path))
    assert [r[0].rsplit(":", 1)[1] for r in rows] == ["1", "3", "4"]
    assert rows[0][1] == {"id": 1} and rows[0][2] is None
    assert "not valid JSON" in rows[1][2] and "JSON object" in rows[2][2]


def test_a_folder_means_its_top_level_jsonl_files(tmp_path):
    (tmp_path / "b.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text("", encoding="utf-8")
    assert [p.name for p in corpus_files(tmp_path)] == ["a.jsonl", "b.jsonl"]
    with pytest.raises(CorpusError, match="no such corpus"):
        corpus_files(tmp_path / "missing")


def test_a_file_that_is_not_utf8_is_reported_not_raised(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes('{"id": "ä"}'.encode("cp1252"))
    assert "not UTF-8" in list(iter_records(path))[0][2]
