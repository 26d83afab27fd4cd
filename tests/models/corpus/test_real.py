import json

import pytest

from conftest import make_real_set
from innotag.models.corpus.load import load_corpus
from innotag.models.corpus.real import is_real_set, iter_real_set, load_real_set
from innotag.models.errors import CorpusError


def test_only_present_texts_are_loaded_and_missing_ones_counted(tmp_path):
    folder = make_real_set(tmp_path / "real")
    assert is_real_set(folder) and not is_real_set(tmp_path)
    real = load_real_set(folder)
    assert [e.id for e in real.examples] == ["r0", "r1", "r2"] and real.missing == ["r3", "r4"]
    example = real.examples[0]
    assert example.meta["genre"] == "blog_article" and example.evidence_texts("stage")[0].startswith("Hanke 0")
    assert load_corpus(folder).missing == ["r3", "r4"]


def test_no_texts_at_all_says_how_to_collect_them(tmp_path):
    folder = make_real_set(tmp_path / "real", n_present=0)
    with pytest.raises(CorpusError, match="README"):
        load_real_set(folder)


def test_a_text_that_is_not_the_annotated_one_is_found_when_asked(tmp_path):
    folder = make_real_set(tmp_path / "real", n_present=3, n_missing=1)
    changed = folder / "texts" / "r1.txt"
    changed.write_text("Sivu on päivitetty. " + changed.read_text("utf-8"), encoding="utf-8")
    lines = (folder / "index.jsonl").read_text("utf-8").splitlines()
    record = json.loads(lines[2])  # r2: the final evidence fits, one annotator's span cuts a sentence
    record["annotations"] = {"first": {"stage": "kokeilu", "features": [], "evidence": {"stage": [[0, 20]]}}}
    lines[2] = json.dumps(record)
    (folder / "index.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {doc_id: (example is not None, problem) for _, doc_id, example, problem in
             iter_real_set(folder, check_sentences=True)}
    assert found["r0"] == (True, None) and found["r3"] == (False, None)  # r3's text is not collected
    assert "stage evidence [0, 44] is not a sentence of texts/r1.txt" in found["r1"][1]
    assert "collect it again" in found["r1"][1]
    assert "stage evidence [0, 20] is not a sentence of texts/r2.txt" in found["r2"][1]
    # loading for evaluation does not look at sentences: the labels still apply
    assert [e.id for e in load_real_set(folder).examples] == ["r0", "r1", "r2"]
