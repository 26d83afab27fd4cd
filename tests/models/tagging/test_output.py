import csv
import io
import json

import pytest

from innotag.models.tagging.output import (CSV_COLUMNS, ResultWriter, finish_output, open_output, part_path,
                                           results_to_bytes)
from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.tagging.tagger import TagResult
from innotag.models.errors import OutputError


def result(doc_id="a", error=None):
    if error:
        return TagResult(id=doc_id, error=error)
    return TagResult(id=doc_id, path=doc_id, stage="kokeilu", stage_probability=0.7,
                     stage_probabilities={s: (0.7 if s == "kokeilu" else 0.06) for s in STAGE_IDS}, expected_stage=3.1,
                     features=["monitoimijaisuus"], feature_probabilities={f: 0.5 for f in FEATURE_IDS},
                     thresholds={f: 0.4 for f in FEATURE_IDS}, ecosystem_score=1)


def test_csv_has_a_column_per_stage_probability_and_feature():
    stream = io.StringIO()
    writer = ResultWriter(stream, "csv")
    writer.write(result())
    writer.write(result("b", error="b: empty"))
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0]["p_kokeilu"] == "0.7" and rows[0]["monitoimijaisuus"] == "1" and rows[0]["yhteinen_visio"] == "0"
    assert rows[1]["error"] == "b: empty" and rows[1]["stage"] == ""


def test_jsonl_and_table():
    stream = io.StringIO()
    ResultWriter(stream, "jsonl").write(result())
    assert json.loads(stream.getvalue())["stage"] == "kokeilu"
    stream = io.StringIO()
    writer = ResultWriter(stream, "table")
    writer.write(result())
    writer.write(result("x", error="x: no such file"))
    lines = stream.getvalue().splitlines()
    assert "kokeilu" in lines[1] and "monitoim" in lines[1] and "error: x: no such file" in lines[2]


def test_writes_are_atomic_and_never_overwrite_without_force(tmp_path):
    output = tmp_path / "out.jsonl"
    stream, done = open_output(output, "jsonl")
    ResultWriter(stream, "jsonl").write(result())
    assert not output.exists() and part_path(output).exists()
    finish_output(stream, output)
    assert output.exists() and not part_path(output).exists()
    with pytest.raises(OutputError, match="--force"):
        open_output(output, "jsonl")
    stream, _ = open_output(output, "jsonl", force=True)
    stream.close()


def test_an_interrupted_run_needs_resume_or_force(tmp_path):
    output = tmp_path / "out.csv"
    stream, _ = open_output(output, "csv")
    writer = ResultWriter(stream, "csv")
    writer.write(result("a"))
    stream.write("b,half a row")  # cut off mid-record
    stream.close()
    with pytest.raises(OutputError, match="--resume"):
        open_output(output, "csv")
    stream, done = open_output(output, "csv", resume=True)
    assert done == {"a"}
    ResultWriter(stream, "csv", write_header=False).write(result("b"))
    finish_output(stream, output)
    assert [r["id"] for r in csv.DictReader(output.open(encoding="utf-8"))] == ["a", "b"]


def test_resume_needs_an_output_file():
    from innotag.models.tagging.run import run_tagging

    with pytest.raises(OutputError, match="--output"):
        run_tagging(["-"], resume=True)


def test_table_shows_files_below_the_current_folder_by_relative_path(tmp_path, monkeypatch):
    from innotag.models.tagging.output import format_table_row

    monkeypatch.chdir(tmp_path)
    row = format_table_row(TagResult(id=str(tmp_path / "raportit" / "a.pdf"), error="corrupt"))
    assert row.startswith("raportit/a.pdf") and str(tmp_path) not in row


def _explained():
    r = result()
    r.explanation = {"stage": {"terms": [], "sentences": ["Mallia kokeiltiin syksyllä.", "Palaute kerättiin."]},
                     "monitoimijaisuus": {"terms": [], "sentences": ["Järjestö ja kunta tekivät työn yhdessä."]}}
    return r


def test_explain_adds_evidence_columns_to_csv():
    stream = io.StringIO()
    ResultWriter(stream, "csv", explain=True).write(_explained())
    row = next(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["evidence_stage"] == "Mallia kokeiltiin syksyllä. | Palaute kerättiin."
    assert row["evidence_monitoimijaisuus"] == "Järjestö ja kunta tekivät työn yhdessä." and row["evidence_toimijaroolit"] == ""


def test_explain_puts_evidence_lines_under_the_table_row():
    stream = io.StringIO()
    ResultWriter(stream, "table", write_header=False).write(_explained())
    lines = stream.getvalue().splitlines()
    assert lines[1] == "    stage: Mallia kokeiltiin syksyllä." and lines[3].startswith("    monitoim: Järjestö")


def test_results_to_bytes_gives_every_format_from_the_same_writers():
    results = [result(), result("b", error="b: empty")]
    jsonl = results_to_bytes(results, "jsonl").decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in jsonl] == ["a", "b"]
    stream = io.StringIO()
    writer = ResultWriter(stream, "csv")
    for r in results:
        writer.write(r)
    assert results_to_bytes(results, "csv") == stream.getvalue().encode("utf-8")
    assert results_to_bytes(results, "xlsx").startswith(b"PK")  # a zip container
    assert results_to_bytes(results, "html").startswith(b"<!DOCTYPE html>")
    with pytest.raises(OutputError, match="unknown format"):
        results_to_bytes(results, "xml")


def test_excel_fi_dialect_has_bom_semicolons_and_decimal_commas():
    data = results_to_bytes([result()], "csv", csv_dialect="excel-fi")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert text.splitlines()[0].startswith("id;path;stage;")
    assert row["p_kokeilu"] == "0,7" and row["expected_stage"] == "3,1" and row["monitoimijaisuus"] == "1"
    assert "0.7" not in text


@pytest.mark.parametrize("dialect", ["standard", "excel-fi"])
def test_csv_resumes_in_both_dialects(tmp_path, dialect):
    output = tmp_path / "out.csv"
    stream, _ = open_output(output, "csv", csv_dialect=dialect)
    ResultWriter(stream, "csv", csv_dialect=dialect).write(result("a"))
    stream.close()
    stream, done = open_output(output, "csv", resume=True, csv_dialect=dialect)
    assert done == {"a"}
    ResultWriter(stream, "csv", write_header=False, csv_dialect=dialect).write(result("b"))
    finish_output(stream, output)
    assert output.read_bytes() == results_to_bytes([result("a"), result("b")], "csv", csv_dialect=dialect)


def test_resume_refuses_other_options_and_whole_file_formats(tmp_path):
    output = tmp_path / "out.csv"
    stream, _ = open_output(output, "csv")
    ResultWriter(stream, "csv").write(result("a"))
    stream.close()
    with pytest.raises(OutputError, match="other options"):
        open_output(output, "csv", resume=True, csv_dialect="excel-fi")
    with pytest.raises(OutputError, match="other options"):
        open_output(output, "csv", resume=True, explain=True)
    for fmt in ("xlsx", "html", "table"):
        with pytest.raises(OutputError, match="--resume needs --format jsonl or csv"):
            open_output(tmp_path / f"out.{fmt}", fmt, resume=True)


def test_whole_file_formats_are_written_at_close(tmp_path):
    output = tmp_path / "out.xlsx"
    stream, _ = open_output(output, "xlsx")
    writer = ResultWriter(stream, "xlsx")
    writer.write(result())
    assert part_path(output).stat().st_size == 0
    writer.close()
    finish_output(stream, output)
    assert output.read_bytes()[:2] == b"PK" and not part_path(output).exists()
