import json

import pytest

from innotag.models.corpus.load import load_corpus
from innotag.models.errors import CorpusError

GOOD = {"id": "a-1", "text": "Kokeilu alkoi.", "stage": "kokeilu", "features": ["monitoimijaisuus"], "genre": "blogi"}


def write(tmp_path, lines):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_keeps_labels_and_metadata(tmp_path):
    other = dict(GOOD, id="a-2", stage=1, features=[])
    corpus = load_corpus(write(tmp_path, [json.dumps(GOOD), "", json.dumps(other)]))
    assert len(corpus) == 2
    assert corpus.examples[0].stage_id == "kokeilu" and corpus.examples[0].meta == {"genre": "blogi"}
    assert corpus.stages.tolist() == [2, 0]
    assert corpus.feature_matrix.sum() == 1


def test_folder_of_jsonl_files(tmp_path):
    (tmp_path / "b.jsonl").write_text(json.dumps(dict(GOOD, id="b")) + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert [e.id for e in load_corpus(tmp_path).examples] == ["a-1", "b"]


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "text": ', "not valid JSON"),
    (json.dumps(dict(GOOD, id="x", stage="pilotti")), "unknown stage 'pilotti'"),
    (json.dumps(dict(GOOD, id="x", features=["visio"])), "unknown feature(s) visio"),
    (json.dumps(dict(GOOD, id="x", text="   ")), "'text' is empty"),
    (json.dumps({"id": "x", "text": "t"}), "missing field(s): stage, features"),
    (json.dumps(GOOD), "duplicate id a-1"),
    ("[1, 2]", "must be a JSON object"),
])
def test_malformed_lines_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path, [json.dumps(GOOD), line])
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert message in str(info.value) and f"{path}:2" in str(info.value)


def test_missing_corpus(tmp_path):
    with pytest.raises(CorpusError, match="no such corpus"):
        load_corpus(tmp_path / "nothing")


def test_evidence_offsets_are_read_and_checked(tmp_path):
    from innotag.models.corpus.load import load_corpus
    from innotag.models.errors import CorpusError

    text = "Taustaa: laki velvoittaa. Mallia kokeiltiin kahdessa koulussa. Järjestö ja kunta tekivät työn yhdessä."
    good = {"id": "e1", "text": text, "stage": "kokeilu", "features": ["monitoimijaisuus"],
            "evidence": {"stage": [[26, 62]], "monitoimijaisuus": [[63, len(text)]]}}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    example = load_corpus(path).examples[0]
    assert example.evidence_texts("stage") == ["Mallia kokeiltiin kahdessa koulussa."]
    assert "evidence" not in example.meta
    for bad, message in [({"stage": [[0, 999]]}, "outside"), ({"toimijaroolit": [[0, 5]]}, "not among its features"),
                         ({"stage": [[5, 2]]}, "outside"), ({"stage": [0, 5]}, "offsets"), ({"visio": []}, "unknown")]:
        path.write_text(json.dumps({**good, "evidence": bad}, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(CorpusError, match=message):
            load_corpus(path)
