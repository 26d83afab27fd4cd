import json
import subprocess
import sys

import pytest

from innotag import cli


def run_cli(*args, stdin: str | None = None):
    """Run the real entry point in a subprocess, as a user would."""
    proc = subprocess.run([sys.executable, "-c", "from innotag import cli; cli.main()", *map(str, args)],
                          capture_output=True, text=True, input=stdin)
    return proc.returncode, proc.stdout, proc.stderr


def test_version():
    code, out, _ = run_cli("--version")
    assert code == 0 and out.startswith("innotag ")


def test_info_json_names_the_pipeline():
    code, out, _ = run_cli("info", "--json", "--pipeline", "fast")
    data = json.loads(out)
    assert code == 0
    assert data["pipeline"] == "fast" and "spacy" in data and "voikko" in data
    assert data["innotag"] == json.loads(run_cli("info", "--json")[1])["innotag"]


def test_user_error_is_one_line_with_exit_1(tmp_path):
    code, out, err = run_cli("preprocess", tmp_path / "puuttuu.txt")
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "no such file" in err and "Traceback" not in err


def test_unknown_pipeline_is_a_clean_error():
    code, _, err = run_cli("info", "--pipeline", "fi_no_such_pipeline")
    assert code == 2 and "installed spaCy package" in err and "Traceback" not in err


def test_usage_error_exits_2():
    assert run_cli("no-such-command")[0] == 2


def test_preprocess_prints_json_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Nuoret osallistuivat kehittämiseen.", encoding="utf-8")
    code, out, _ = run_cli("preprocess", path, "--pipeline", "fast")
    record = json.loads(out)
    assert code == 0 and record["path"] == str(path) and "nuori" in record["sentence_lemmas"][0]


@pytest.mark.parametrize("command", ["info", "preprocess"])
def test_every_command_has_help(command):
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("command", ["train", "evaluate", "tag", "validate", "agreement"])
def test_model_commands_have_help(command):
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_train_evaluate_tag_round_trip(small_corpus, tmp_path):
    model = tmp_path / "model"
    code, out, err = run_cli("train", small_corpus, "--output", model, "--pipeline", "fast", "--cv", "2")
    assert code == 0 and out.strip() == str(model) and (model / "meta.json").exists()
    assert "corpus cross-validation: 2 folds of the 84 training documents" in err and "mean ± sd" in err
    assert "not what the model gets on real documents" in " ".join(err.split())
    code, _, err = run_cli("train", small_corpus, "--output", model, "--pipeline", "fast", "--cv", "0", "-q")
    assert code == 1 and "--force" in err and "cross-validation" not in err
    code, out, _ = run_cli("evaluate", small_corpus, "--model", model, "--json", "-q")
    assert code == 0 and json.loads(out)["mode"] == "held-out"
    code, out, err = run_cli("tag", "-", "--model", model, "--format", "csv", stdin=FINNISH_TEXT)
    assert code == 0 and out.startswith("id,path,stage") and "1 document, 0 failed" in err


def test_validate_reports_problems_and_statistics(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "Teksti", "stage": "kokeilu", "features": []}\n{bad\n', encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 1 and "documents: 1" in out and "not valid JSON" in err and "Traceback" not in err


def test_validate_warns_about_a_small_corpus_and_strict_makes_warnings_errors(small_corpus):
    code, out, err = run_cli("validate", small_corpus)
    assert code == 0 and "documents: 84" in out
    assert "innotag: warning: 6 stages with fewer than 30 documents" in err and "OK: 0 error(s), 3 warning(s)" in err
    code, out, _ = run_cli("validate", small_corpus, "--json", "--min-per-stage", "10")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["errors"] == [] and len(data["warnings"]) == 2
    code, _, err = run_cli("validate", small_corpus, "--strict", "--no-warnings")
    assert code == 1 and "innotag: error: 84 documents, fewer than 720" in err and "warning:" not in err


FINNISH_TEXT = ("Pilotissa nuoret ja työntekijät kehittivät yhdessä uutta toimintamallia. "
                "Kokeilu jatkuu kevääseen, ja palautteen perusteella mallia muutetaan.")


def test_a_report_folder_is_not_overwritten_without_force(tmp_path):
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "report.md").write_text("kept", encoding="utf-8")
    code, _, err = run_cli("evaluate", tmp_path / "corpus.jsonl", "--report", tmp_path / "report")
    assert code == 2 and "--force" in err
    assert (tmp_path / "report" / "report.md").read_text(encoding="utf-8") == "kept"
    code, _, err = run_cli("evaluate", tmp_path / "corpus.jsonl", "--report", tmp_path / "report" / "report.md")
    assert code == 2 and "needs a folder" in err


@pytest.mark.parametrize("args, message", [(["--where", "role"], "is not KEY=VALUE"),
                                           (["--cv", "3", "--where", "role=held_out"], "does not apply to --cv")])
def test_a_bad_where_is_a_usage_error(tmp_path, args, message):
    code, out, err = run_cli("evaluate", tmp_path / "corpus.jsonl", *args)
    assert code == 2 and message in err and out == ""


@pytest.fixture(scope="module")
def semicolon_table(tmp_path_factory):
    """A table as Finnish Excel saves it: ';' between columns, cp1252 text."""
    from conftest import small_corpus_records

    path = tmp_path_factory.mktemp("tables") / "hankkeet.csv"
    rows = [f'{r["id"]};"{r["text"][:600]}"' for r in small_corpus_records(per_stage=1)[:2]]
    path.write_bytes(("tunnus;kuvaus\n" + "\n".join(rows) + "\n").encode("cp1252", "replace"))
    return path


def test_tag_writes_excel_with_finnish_headers_and_evidence(semicolon_table, trained_model, tmp_path):
    from openpyxl import load_workbook

    output = tmp_path / "tulokset.xlsx"
    code, out, err = run_cli("tag", semicolon_table, "--text-field", "kuvaus", "--id-field", "tunnus", "--explain",
                             "-o", output, "--model", trained_model)
    assert code == 0, err
    assert out == "" and "2 documents, 0 failed" in err
    book = load_workbook(output, read_only=True)
    rows = list(book["tulokset"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("tunnus", "polku", "vaihe", "vaiheen nimi") and "perustelu: vaihe" in header
    assert len(rows) == 3 and isinstance(rows[1][header.index("vaiheen todennäköisyys")], float)
    assert rows[1][header.index("perustelu: vaihe")]
    legend = dict(list(book["sarakkeet"].iter_rows(values_only=True))[1:])
    assert legend["perustelu: vaihe"] == "evidence_stage"
    assert not (tmp_path / "tulokset.xlsx.part").exists()


def test_tag_writes_an_html_report_with_highlighted_evidence(trained_model, tmp_path):
    from html.parser import HTMLParser

    document = tmp_path / "raportti <1>.txt"
    document.write_text(FINNISH_TEXT * 3, encoding="utf-8")
    output = tmp_path / "raportti.html"
    code, _, err = run_cli("tag", document, "--explain", "-o", output, "--model", trained_model)
    assert code == 0, err
    page = output.read_text("utf-8")
    HTMLParser().feed(page)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "raportti &lt;1&gt;.txt" in page and "raportti <1>" not in page
    assert "<mark>" in page and "Vaiheiden todennäköisyydet" in page


def test_tag_csv_for_finnish_excel(trained_model, tmp_path):
    document = tmp_path / "a.txt"
    document.write_text(FINNISH_TEXT * 3, encoding="utf-8")
    output = tmp_path / "tulokset.csv"
    code, _, err = run_cli("tag", document, "-o", output, "--csv-dialect", "excel-fi", "--model", trained_model)
    assert code == 0, err
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;path;stage;stage_probability;")
    values = data.decode("utf-8-sig").splitlines()[1].split(";")
    assert values[3].startswith("0,") and "." not in values[3]


def test_resume_of_a_whole_file_format_is_refused_before_work(tmp_path):
    document = tmp_path / "a.txt"
    document.write_text(FINNISH_TEXT, encoding="utf-8")
    code, _, err = run_cli("tag", document, "-o", tmp_path / "out.xlsx", "--resume")
    assert code == 2 and "--resume needs jsonl or csv" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_tag_help_names_the_formats_dialects_and_when_jobs_help():
    from typer.testing import CliRunner

    text = " ".join(CliRunner().invoke(cli.app, ["tag", "--help"], terminal_width=200).output.split())
    for word in ("xlsx", "html", "excel-fi", "--csv-dialect", "workers start only when the work left",
                 "-o tulokset.xlsx", "-o raportti.html"):
        assert word in text, word


@pytest.mark.parametrize("command", [["evaluate", "corpus.jsonl"], ["serve"], ["tag", "-"]])
def test_a_model_that_does_not_exist_is_a_usage_error(command, tmp_path):
    code, out, err = run_cli(*command, "--model", tmp_path / "nope", stdin="")
    assert code == 2 and out == "" and "nope does not exist" in err
