"""Each benchmark script runs on a tiny input, so that the benchmarks do not rot."""

import subprocess
import sys

from conftest import REPO


def run(*args):
    proc = subprocess.run([sys.executable, *map(str, args)], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_model_selection_smoke(small_corpus, real_set):
    out = run("bench/model_selection.py", "--corpus", small_corpus, "--real", real_set, "--folds", "2",
              "--pipeline", "fast", "--n-jobs", "1", "--only", "document-level (v1 default)", "ordinal")
    assert "| document-level (v1 default) |" in out and "| ordinal |" in out
    assert "35 real documents (1 without text)" in out


def test_throughput_smoke(small_corpus, tmp_path):
    out = run("bench/throughput.py", "--quick", "--corpus", small_corpus, "--json", tmp_path / "t.json")
    assert "## Tagging" in out and "## Floors" in out and "## Cost growth" in out and "## Training" in out
    assert (tmp_path / "t.json").exists()


def test_parallel_smoke(trained_model, tmp_path):
    out = run("bench/parallel.py", "--model", trained_model, "--sizes", "4", "--json", tmp_path / "p.json")
    assert "| 4 | " in out and "| one process |" in out and (tmp_path / "p.json").exists()


def test_serve_smoke(trained_model, tmp_path):
    out = run("bench/serve.py", "--model", trained_model, "--requests", "5", "--concurrent", "4", "--cli-runs", "1",
              "--json", tmp_path / "s.json")
    assert "| one client | 5 |" in out and "| 5 | " in out and (tmp_path / "s.json").exists()


def test_compare_models_smoke(trained_model, real_set):
    out = run("bench/compare_models.py", trained_model, trained_model, "--real", real_set, "--where", "genre=news",
              "--resamples", "50")
    assert "18 documents of" in out and "(genre=news)" in out
    assert "(+0.000 [+0.00, +0.00])" in out  # a model compared with itself differs by nothing


def test_sentence_encoder_smoke(trained_model, real_set, tmp_path):
    from conftest import small_corpus_records, write_jsonl

    corpus = write_jsonl(tmp_path / "tiny.jsonl", small_corpus_records(per_stage=2))
    out = run("bench/sentence_encoder.py", "--corpus", corpus, "--real", real_set, "--model", trained_model,
              "--resamples", "50", "--cache", tmp_path / "vectors")
    assert "real pages: 35; training corpus: 12 documents" in out
    assert "| the model as it is |" in out and "| encoder, ordinal regression trained on the corpus, real prior |" in out
    assert list((tmp_path / "vectors").glob("*.npz"))  # the vectors are cached for the next run
