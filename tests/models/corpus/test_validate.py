import json

import pytest

from conftest import CORPUS, write_jsonl
from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.corpus.validate import Rules, near_duplicates, validate_corpus
from innotag.models.corpus.records import Example


def test_the_repository_corpus_meets_its_standard():
    """The corpus rules of corpus/README.md: size, balance, combinations, no near-duplicates."""
    report = validate_corpus(CORPUS)
    assert report.errors == []
    stats = report.stats
    assert stats["documents"] >= 720
    assert all(stats["stages"][s] >= 110 for s in STAGE_IDS)
    assert all(0.2 <= stats["features"][f] / stats["documents"] <= 0.7 for f in FEATURE_IDS)


def test_near_duplicates_are_found():
    text = " ".join(f"sana{i}" for i in range(40))
    docs = [Example("a", text, 0, ()), Example("b", text + " lisäys loppuun", 1, ()),
            Example("c", " ".join(f"muu{i}" for i in range(40)), 2, ())]
    pairs = near_duplicates(docs)
    assert [(a, b) for a, b, _ in pairs] == [("a", "b")]


def test_rules_catch_imbalance_and_missing_combinations(tmp_path):
    records = [{"id": f"d{i}", "text": f"Teksti numero {i} kertoo hankkeesta {i * 7}.", "stage": "kokeilu",
                "features": ["monitoimijaisuus"]} for i in range(12)]
    report = validate_corpus(write_jsonl(tmp_path / "c.jsonl", records), Rules(min_documents=10, min_per_stage=2))
    messages = "\n".join(report.errors)
    assert not report.ok
    assert "stage tarve: 0 documents" in messages
    assert "feature monitoimijaisuus: present in 100.0%" in messages
    assert "stage kokeilu: feature monitoimijaisuus is never absent" in messages
    assert "stage kokeilu: feature yhteinen_visio is never present" in messages


def test_schema_errors_are_collected_not_raised(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1, "text": "a", "stage": 9, "features": []}\nnot json\n', encoding="utf-8")
    report = validate_corpus(path, Rules(min_documents=0, min_per_stage=0, min_feature_share=0,
                                         every_stage_feature_combination=False))
    assert len(report.errors) == 2 and ":1:" in report.errors[0] and ":2:" in report.errors[1]


def test_evidence_must_cover_the_stage_and_every_feature(tmp_path):
    text = "Taustaa: laki velvoittaa. Mallia kokeiltiin kahdessa koulussa. Järjestö ja kunta tekivät työn yhdessä."
    record = {"id": "e1", "text": text, "stage": "kokeilu", "features": ["monitoimijaisuus"],
              "evidence": {"stage": [[26, 62]]}}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = validate_corpus(path, Rules(min_documents=1, min_per_stage=0, min_feature_share=0,
                                         max_feature_share=1, every_stage_feature_combination=False))
    assert any("none for monitoimijaisuus" in e for e in report.errors)
    assert report.stats["with_evidence"] == 1
