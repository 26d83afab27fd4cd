import csv
import io
import json

import pytest

from innotag.models.tagging.output import CSV_COLUMNS, ResultWriter, finish_output, open_output, part_path
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
