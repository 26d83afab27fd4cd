"""End-to-end tagging: a folder of 40 mixed files, interruption and resume, parallel backends."""

import io
import json
import subprocess
import sys
import time

import pytest

from conftest import make_docx, make_pdf, small_corpus_records
from innotag.models.schema import FEATURE_IDS
from innotag.models.tagging.run import run_tagging
from innotag.models.tagging.inputs import iter_inputs


def _pdf_safe(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    """40 files: 37 documents in five formats, one cp1252 text, one empty file, one corrupt PDF."""
    folder = tmp_path_factory.mktemp("mixed")
    texts = [r["text"] for r in small_corpus_records(per_stage=10)][:38]
    for n, text in enumerate(texts[:37]):
        kind = n % 5
        if kind == 0:
            (folder / f"doc{n:02}.txt").write_text(text, encoding="utf-8")
        elif kind == 1:
            (folder / f"doc{n:02}.md").write_text(text, encoding="utf-8-sig")
        elif kind == 2:
            body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            (folder / f"doc{n:02}.html").write_text(f"<html><body><nav>Valikko</nav><main>{body}</main></body></html>",
                                                   encoding="utf-8")
        elif kind == 3:
            make_docx(folder / f"doc{n:02}.docx", paragraphs=text.split("\n\n"))
        else:
            make_pdf(folder / f"doc{n:02}.pdf", _pdf_safe(text))
    (folder / "legacy-cp1252.txt").write_bytes(texts[37].encode("cp1252", "replace"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.5\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nbroken")
    assert len(list(folder.iterdir())) == 40
    return folder


def _records(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def baseline_output(mixed_folder, trained_model, tmp_path_factory):
    output = tmp_path_factory.mktemp("out") / "all.jsonl"
    summary = run_tagging([mixed_folder], model=trained_model, output=output, progress=False)
    return output, summary


def test_forty_records_with_errors_in_their_own_records(baseline_output, mixed_folder):
    output, summary = baseline_output
    records = _records(output)
    assert len(records) == 40 and summary.documents == 40
    problems = [r for r in records if r["error"] or r["stage"] is None]
    assert 2 <= len(problems) <= 3
    errors = {r["path"].rsplit("/", 1)[1]: r["error"] for r in records if r["error"]}
    assert "corrupt" in errors["broken.pdf"] and "empty" in errors["empty.txt"]
    assert summary.failed == 2
    labelled = [r for r in records if r["stage"]]
    assert len(labelled) >= 37
    for r in labelled:
        assert r["features"] is not None and r["ecosystem_score"] == len(r["features"])
        assert abs(sum(r["stage_probabilities"].values()) - 1) < 1e-3
    legacy = next(r for r in records if r["path"].endswith("legacy-cp1252.txt"))
    assert legacy["stage"] is not None


def test_cli_exit_code_is_non_zero_when_a_document_fails(mixed_folder, trained_model):
    proc = subprocess.run([sys.executable, "-c", "from innotag import cli; cli.main()", "tag", str(mixed_folder),
                           "--model", str(trained_model)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 40  # jsonl on a pipe
    assert "broken.pdf" in proc.stderr and "40 documents, 2 failed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_resume_after_interruption_gives_the_same_file(baseline_output, mixed_folder, trained_model, tmp_path):
    expected, _ = baseline_output
    output = tmp_path / "resumed.jsonl"
    items = list(iter_inputs([mixed_folder]))

    def interrupted():
        yield from items[:35]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt, match=r"interrupted after \d+ documents; rerun with --resume"):
        _run_items(interrupted(), trained_model, output)
    part = output.with_name(output.name + ".part")
    assert part.exists() and not output.exists()
    done = len(part.read_text("utf-8").splitlines())
    assert 0 < done < 40
    with open(part, "a", encoding="utf-8") as fh:  # a record cut off mid-write
        fh.write('{"id": "half a rec')
    summary = run_tagging([mixed_folder], model=trained_model, output=output, resume=True, progress=False)
    assert summary.skipped == done and summary.documents == 40 - done
    assert output.read_bytes() == expected.read_bytes()
    assert not part.exists()


def _run_items(items, model, output, **options):
    """run_tagging on an item stream (the CLI gives paths; the test needs to interrupt the stream)."""
    import innotag.models.tagging.run as tagging

    original = tagging.iter_inputs
    tagging.iter_inputs = lambda *a, **k: items
    try:
        return run_tagging(["unused"], model=model, output=output, progress=False, **options)
    finally:
        tagging.iter_inputs = original


def test_output_is_not_overwritten_without_force(baseline_output, mixed_folder, trained_model):
    from innotag.models.errors import OutputError

    output, _ = baseline_output
    with pytest.raises(OutputError, match="--force"):
        run_tagging([mixed_folder], model=trained_model, output=output, progress=False)


def test_two_jobs_equal_one(baseline_output, mixed_folder, trained_model, tmp_path, monkeypatch):
    from joblib.externals.loky import get_reusable_executor

    import innotag.models.tagging.batch as batch

    expected, _ = baseline_output
    output = tmp_path / "parallel.jsonl"
    monkeypatch.setattr(batch, "WORKER_START_SECONDS", 0.0)  # start the worker however small the batch
    executor = get_reusable_executor(max_workers=1)  # the one run_tagging gets, its worker already loaded
    executor.submit(batch._load_only, str(trained_model), None).result()
    submitted = []
    submit = executor.submit
    monkeypatch.setattr(executor, "submit", lambda fn, *args: submitted.append(fn) or submit(fn, *args))
    run_tagging([mixed_folder], model=trained_model, output=output, n_jobs=2, progress=False)
    assert output.read_bytes() == expected.read_bytes()
    assert batch._tag_chunk in submitted  # the worker did tag chunks


def test_no_worker_starts_for_a_batch_smaller_than_its_start_up(mixed_folder, trained_model, tmp_path, monkeypatch):
    from joblib.externals import loky

    def refuse(*args, **kwargs):
        raise AssertionError("a worker was started")

    monkeypatch.setattr(loky, "get_reusable_executor", refuse)
    summary = run_tagging([mixed_folder], model=trained_model, output=tmp_path / "out.jsonl", n_jobs=2,
                          progress=False)
    assert summary.documents == 40


def test_dask_local_cluster_equals_local_run(baseline_output, mixed_folder, trained_model, tmp_path):
    distributed = pytest.importorskip("distributed")
    expected, _ = baseline_output
    output = tmp_path / "dask.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        run_tagging([mixed_folder], model=trained_model, output=output, n_jobs=2, backend="dask",
                    scheduler=cluster.scheduler_address, progress=False)
    assert output.read_bytes() == expected.read_bytes()


def _unloadable_model(tmp_path):
    """A folder the command line accepts as a model (it has meta.json) but that would fail to load:
    a check that passes with it ran before the model was loaded."""
    folder = tmp_path / "unloaded"
    folder.mkdir(exist_ok=True)
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    return folder


def _tag_cli(*args):
    return subprocess.run([sys.executable, "-c", "from innotag import cli; cli.main()", "tag", *map(str, args)],
                          capture_output=True, text=True)


def test_a_missing_model_is_a_usage_error_that_leaves_no_part_file(mixed_folder, tmp_path):
    output = tmp_path / "out.jsonl"
    proc = _tag_cli(mixed_folder, "-o", output, "--model", tmp_path / "nonexistent")
    assert proc.returncode == 2 and "nonexistent does not exist" in proc.stderr and "Traceback" not in proc.stderr
    assert not output.exists() and not (tmp_path / "out.jsonl.part").exists()
    not_a_model = _tag_cli(mixed_folder, "-o", output, "--model", tmp_path)
    assert not_a_model.returncode == 2 and "no meta.json" in not_a_model.stderr


def test_a_model_that_fails_to_load_leaves_no_part_file(mixed_folder, tmp_path):
    output = tmp_path / "out.jsonl"
    proc = _tag_cli(mixed_folder, "-o", output, "--model", _unloadable_model(tmp_path))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not output.exists() and not (tmp_path / "out.jsonl.part").exists()
    # so the next run is not refused as an "interrupted run"
    assert "interrupted" not in _tag_cli(mixed_folder, "-o", output, "--model", _unloadable_model(tmp_path)).stderr


@pytest.mark.parametrize("option", [("--format", "xml"), ("--backend", "dsk")])
def test_bad_choices_are_usage_errors_before_the_model_loads(mixed_folder, tmp_path, option):
    """Exit 2 naming the option, although the model does not exist: nothing was loaded first."""
    output = tmp_path / "out.jsonl"
    proc = _tag_cli(mixed_folder, "-o", output, "--model", _unloadable_model(tmp_path), *option)
    assert proc.returncode == 2 and option[0] in proc.stderr and "unloaded" not in proc.stderr
    assert not (tmp_path / "out.jsonl.part").exists()


def test_format_is_case_insensitive(mixed_folder, trained_model, tmp_path):
    output = tmp_path / "out.csv"
    proc = _tag_cli(mixed_folder / "doc00.txt", "-o", output, "--model", trained_model, "--format", "CSV")
    assert proc.returncode == 0, proc.stderr
    assert output.read_text(encoding="utf-8").startswith("id,path,stage")


def test_the_output_extension_names_the_format(mixed_folder, trained_model, tmp_path):
    output = tmp_path / "tulokset.csv"
    proc = _tag_cli(mixed_folder / "doc00.txt", "-o", output, "--model", trained_model)
    assert proc.returncode == 0, proc.stderr
    assert output.read_text(encoding="utf-8").startswith("id,path,stage")
    assert "1 document," in proc.stderr
    unknown = _tag_cli(mixed_folder / "doc00.txt", "-o", tmp_path / "out.xyz", "--model", trained_model)
    assert unknown.returncode == 2 and "--format" in unknown.stderr


def test_a_missing_input_is_a_usage_error_with_no_record(tmp_path):
    proc = _tag_cli(tmp_path / "missing.txt", "--model", _unloadable_model(tmp_path))
    assert proc.returncode == 2 and proc.stdout == "" and "missing.txt" in proc.stderr


def test_an_existing_output_is_refused_before_the_model_loads(mixed_folder, tmp_path):
    output = tmp_path / "out.jsonl"
    output.write_text("kept\n", encoding="utf-8")
    proc = _tag_cli(mixed_folder, "-o", output, "--model", _unloadable_model(tmp_path))
    assert proc.returncode == 2 and "use --force" in proc.stderr and "unloaded" not in proc.stderr
    assert output.read_text(encoding="utf-8") == "kept\n"


def test_a_folder_without_documents_says_what_was_skipped(tmp_path):
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    for name in ("a.doc", "b.doc", "c.odt"):
        (folder / name).write_bytes(b"x")
    proc = _tag_cli(folder, "-o", tmp_path / "out.jsonl", "--model", _unloadable_model(tmp_path))
    assert proc.returncode == 1 and "no documents found" in proc.stderr and "unloaded" not in proc.stderr
    assert not (tmp_path / "out.jsonl.part").exists()
    from innotag.models.errors import InputError

    with pytest.raises(InputError, match=r"no documents found .*\.doc ×2, \.odt ×1 \(convert"):
        run_tagging([folder], model=tmp_path / "nonexistent", progress=False)


def test_explain_in_csv_has_evidence_columns(mixed_folder, trained_model, tmp_path):
    output = tmp_path / "out.csv"
    proc = _tag_cli(mixed_folder / "doc00.txt", "--explain", "-o", output, "--model", trained_model)
    assert proc.returncode == 0, proc.stderr
    header, row = output.read_text(encoding="utf-8").splitlines()[:2]
    assert header.endswith("evidence_stage," + ",".join(f"evidence_{f}" for f in FEATURE_IDS))


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_knows_the_total_of_a_folder(mixed_folder, trained_model, tmp_path):
    stderr = _Terminal()
    run_tagging([mixed_folder], model=trained_model, output=tmp_path / "out.jsonl", stderr=stderr)
    shown = stderr.getvalue()
    assert "/40 [" in shown and "40/40" in shown and "<" in shown  # total, and an estimate of the time left


def test_table_rows_and_the_progress_bar_do_not_share_a_line(mixed_folder, trained_model):
    stdout, stderr = _Terminal(), _Terminal()
    run_tagging([mixed_folder / "doc00.txt", mixed_folder / "doc05.txt"], model=trained_model, fmt="table",
                stdout=stdout, stderr=stderr)
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 3 and not any("\r" in line or "tagging" in line for line in lines)


def test_the_summary_counts_from_the_given_start(mixed_folder, trained_model, tmp_path):
    started = time.perf_counter() - 100
    summary = run_tagging([mixed_folder / "doc00.txt"], model=trained_model, output=tmp_path / "o.jsonl",
                          progress=False, started=started)
    assert 100 < summary.seconds < 200


def test_whole_file_formats_refuse_resume_before_any_work(mixed_folder, tmp_path):
    from innotag.models.errors import OutputError

    for name in ("out.xlsx", "out.html"):
        with pytest.raises(OutputError, match="--resume needs --format jsonl or csv"):
            run_tagging([mixed_folder], model=tmp_path / "nonexistent", output=tmp_path / name,
                        fmt=name.split(".")[1], resume=True, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_excel_run_leaves_nothing(mixed_folder, trained_model, tmp_path):
    output = tmp_path / "out.xlsx"
    items = list(iter_inputs([mixed_folder]))[:3]

    def interrupted():
        yield from items
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt, match="nothing was written .*use --format jsonl or csv"):
        _run_items(interrupted(), trained_model, output, fmt="xlsx")
    assert list(tmp_path.iterdir()) == []


def test_excel_and_html_go_to_standard_output_as_bytes(mixed_folder, trained_model):
    for fmt, start in (("xlsx", b"PK"), ("html", b"<!DOCTYPE html>")):
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        run_tagging([mixed_folder / "doc00.txt"], model=trained_model, fmt=fmt, stdout=stdout, progress=False)
        assert stdout.buffer.getvalue().startswith(start)
