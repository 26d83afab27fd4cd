import json

import pytest

from conftest import CORPUS, small_corpus_records, write_jsonl
from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.corpus.validate import (OWN_CORPUS_RULES, Rules, fewest_needed, near_duplicates,
                                            validate_corpus)
from innotag.models.corpus.records import Example


def test_the_repository_corpus_meets_its_standard():
    """The corpus rules of corpus/README.md: size, balance, combinations, no near-duplicates."""
    report = validate_corpus(CORPUS, OWN_CORPUS_RULES)
    assert report.errors == [] and report.warnings == []
    assert validate_corpus(CORPUS).warnings == []
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


def test_size_and_balance_are_warnings_scaled_to_the_corpus(small_corpus):
    report = validate_corpus(small_corpus)
    assert report.ok and report.errors == []
    messages = "\n".join(report.warnings)
    assert "84 documents, fewer than 180" in messages
    assert "6 stages with fewer than 30 documents" in messages and "tarve 14" in messages
    strict = validate_corpus(small_corpus, OWN_CORPUS_RULES)
    assert not strict.ok and strict.warnings == []
    assert any("fewer than 720" in e for e in strict.errors) and any("fewer than 110" in e for e in strict.errors)


def _records(per_stage: dict[str, int]) -> list[dict]:
    """Documents with distinct texts, ``per_stage[stage]`` of each stage; features alternate."""
    records = []
    for stage, count in per_stage.items():
        for i in range(count):
            n = len(records)
            records.append({"id": f"d{n}", "text": f"Asiakirja {n} kertoo {stage}-vaiheen hankkeesta {n * 7} {n * 13}.",
                            "stage": stage, "features": [f for j, f in enumerate(FEATURE_IDS) if (n + j) % 2]})
    return records


def test_a_stage_many_times_smaller_than_the_largest_is_flagged(tmp_path):
    counts = dict.fromkeys(STAGE_IDS, 60) | {"kokeilu": 300, "skaalaaminen": 40}
    report = validate_corpus(write_jsonl(tmp_path / "c.jsonl", _records(counts)))
    assert report.ok and report.errors == []
    ratio = [w for w in report.warnings if "times fewer" in w]
    assert len(ratio) == 1 and ratio[0].startswith("stage skaalaaminen: 40 documents, 8 times fewer than kokeilu")
    assert not validate_corpus(tmp_path / "c.jsonl", Rules(strict=True)).ok


def test_what_breaks_training_stays_an_error(tmp_path):
    counts = dict.fromkeys(STAGE_IDS, 40) | {"systeeminen_muutos": 3}
    records = _records(counts)
    for r in records:
        r["features"] = [f for f in r["features"] if f != "yhteinen_visio"]
    records[0]["features"].append("yhteinen_visio")
    path = write_jsonl(tmp_path / "c.jsonl", records)
    report = validate_corpus(path)
    assert not report.ok
    assert any(e.startswith("stage systeeminen_muutos: 3 documents; training with 5-fold cross-validation needs "
                            "at least 4") for e in report.errors)
    assert any(e.startswith("feature yhteinen_visio: present in 1 document; training with 5-fold cross-validation "
                            "needs at least 3") for e in report.errors)
    # the same counts, not repeated as warnings
    assert not any("systeeminen_muutos 3" in w or "yhteinen_visio 1" in w for w in report.warnings)
    assert not any("systeeminen_muutos" in e for e in validate_corpus(path, Rules(cv_folds=0)).errors)


def test_a_missing_stage_is_a_warning_and_strict_makes_it_an_error(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [r for r in small_corpus_records() if r["stage"] != "tarve"])
    report = validate_corpus(path)
    assert report.ok and "no documents of stage tarve: the model will never call it" in report.warnings
    assert "no documents of stage tarve: the model will never call it" in validate_corpus(path, OWN_CORPUS_RULES).errors


def test_documents_of_a_class_that_every_fit_needs():
    # a feature value: 2 in every fit; a stage: 3 (the stage model's calibration folds)
    assert [fewest_needed(2, k) for k in (0, 2, 3, 5, 10)] == [2, 4, 3, 3, 3]
    assert [fewest_needed(3, k) for k in (0, 2, 3, 5, 10)] == [3, 6, 5, 4, 4]


def test_strict_rules_catch_imbalance_and_missing_combinations(tmp_path):
    records = [{"id": f"d{i}", "text": f"Teksti numero {i} kertoo hankkeesta {i * 7}.", "stage": "kokeilu",
                "features": ["monitoimijaisuus"]} for i in range(12)]
    report = validate_corpus(write_jsonl(tmp_path / "c.jsonl", records),
                             Rules(min_documents=10, min_per_stage=2, max_feature_share=0.7, strict=True))
    messages = "\n".join(report.errors)
    assert not report.ok
    assert "no documents of stage tarve, ideointi, vakiinnuttaminen" in messages
    assert "the corpus needs documents of at least two stages" in messages
    assert "feature monitoimijaisuus: present in 100.0%" in messages
    assert "stage kokeilu: feature monitoimijaisuus is never absent" in messages
    assert "stage kokeilu: feature yhteinen_visio is never present" in messages


def test_schema_errors_are_collected_not_raised(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1, "text": "a", "stage": 9, "features": []}\nnot json\n', encoding="utf-8")
    report = validate_corpus(path)
    assert len(report.errors) >= 2 and ":1:" in report.errors[0] and ":2:" in report.errors[1]


def test_evidence_must_cover_the_stage_and_every_feature(tmp_path):
    text = "Taustaa: laki velvoittaa. Mallia kokeiltiin kahdessa koulussa. Järjestö ja kunta tekivät työn yhdessä."
    record = {"id": "e1", "text": text, "stage": "kokeilu", "features": ["monitoimijaisuus"],
              "evidence": {"stage": [[26, 62]]}}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = validate_corpus(path)
    assert any("none for monitoimijaisuus" in e for e in report.errors)
    assert report.stats["with_evidence"] == 1


def test_check_trainable_refuses_what_training_cannot_use_and_warns_about_rare_stages(tmp_path, caplog):
    from innotag.models.corpus.load import load_corpus
    from innotag.models.corpus.validate import check_trainable
    from innotag.models.errors import CorpusError

    records = small_corpus_records()
    no_tarve = load_corpus(write_jsonl(tmp_path / "a.jsonl", [r for r in records if r["stage"] != "tarve"]))
    with caplog.at_level("WARNING", logger="innotag"):
        stats = check_trainable(no_tarve, 5)
    assert stats["documents"] == 70
    assert "stage tarve has no training documents" in caplog.text and "ideointi has 14" in caplog.text
    tarve = [r for r in records if r["stage"] == "tarve"]
    three_tarve = load_corpus(write_jsonl(tmp_path / "b.jsonl", [r for r in records if r["stage"] != "tarve"]
                                          + tarve[:3]))
    with pytest.raises(CorpusError, match="^stage tarve: 3 documents; training with 5-fold cross-validation needs "
                                          "at least 4 "):
        check_trainable(three_tarve, 5)
    assert check_trainable(three_tarve, 0)["stages"]["tarve"] == 3  # one fit sees all three


def test_a_real_set_is_validated_from_its_index_and_texts(tmp_path):
    from conftest import make_real_set

    folder = make_real_set(tmp_path / "real", n_present=3, n_missing=2)
    report = validate_corpus(folder)
    assert report.stats["documents"] == 3 and not any("missing field" in e for e in report.errors)
    assert any(w.startswith("2 indexed texts are not in") and "(r3, r4)" in w and "README.md" in w
               for w in report.warnings)
    # the three texts repeat one template: for real pages that is a warning, not an error
    assert any(w.startswith("near-duplicates: ") and "boilerplate" in w for w in report.warnings)
    assert not any("near-duplicates" in e for e in report.errors)
    changed = folder / "texts" / "r0.txt"
    changed.write_text("Uusi johdanto. " + changed.read_text("utf-8"), encoding="utf-8")
    assert any("is not a sentence of texts/r0.txt" in e for e in validate_corpus(folder).errors)
