from pathlib import Path

from conftest import FINNISH
from conftest import small_corpus_records
from innotag import Tagger
from innotag.models.estimators.model import EMPTY, NOT_FINNISH


def test_tag_text_file_and_many(trained_model, tmp_path):
    tagger = Tagger.load(trained_model)
    result = tagger.tag(FINNISH * 3)
    assert result.stage in result.stage_probabilities and result.error is None
    assert result.stage_probability == max(result.stage_probabilities.values())
    assert 1 <= result.expected_stage <= 6
    assert result.thresholds == tagger.loaded.meta["thresholds"]
    path = tmp_path / "a.txt"
    path.write_text(FINNISH * 3, encoding="utf-8")
    assert tagger.tag_file(path).stage == result.stage
    results = list(tagger.tag_many([FINNISH * 3, path, tmp_path / "missing.txt"] * 20, chunk_size=7))
    assert len(results) == 60
    assert results[2].error and "no such file" in results[2].error
    assert [r.stage for r in results[:2]] == [result.stage, result.stage]


def test_documents_with_nothing_to_go_on_are_flagged_not_labelled(trained_model):
    tagger = Tagger.load(trained_model)
    english = tagger.tag("The steering group met on Monday and discussed the budget of the project at length.")
    assert english.flags == [NOT_FINNISH] and english.stage is None and english.features is None
    numbers = tagger.tag("123 456 789 2024 2025")
    assert numbers.flags == [EMPTY] or numbers.stage is None


def test_explanations_name_terms_and_sentences(trained_model):
    result = Tagger.load(trained_model).tag(FINNISH * 3, explain=True)
    stage = result.explanation["stage"]
    assert stage["terms"] and all(t["weight"] > 0 for t in stage["terms"])
    assert all(sentence in (FINNISH * 3) for sentence in stage["sentences"])
    assert set(result.explanation) == {"stage", *result.features}


def test_default_model_location(trained_model, monkeypatch):
    monkeypatch.setenv("INNOTAG_MODEL", str(trained_model))
    assert Tagger.load().loaded.path == Path(trained_model)


def test_text_unlike_the_corpus_is_flagged_out_of_domain_but_labelled(trained_model):
    tagger = Tagger.load(trained_model)
    result = tagger.tag("Kunnan tekninen lautakunta hyväksyi katujen talvikunnossapidon urakan ja lumenaurauksen "
                        "aikataulun. Asfaltointi jatkuu keskustassa kesällä, ja katuvalot uusitaan led-valoiksi.")
    assert "out_of_domain" in result.flags and result.stage is not None
    typical = tagger.tag(small_corpus_records()[0]["text"])
    assert "out_of_domain" not in typical.flags
