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
