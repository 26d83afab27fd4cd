import json
from pathlib import Path

import numpy as np

from conftest import FINNISH, small_corpus_records
from innotag import Tagger
from innotag.models.estimators.model import EMPTY, NOT_FINNISH
from innotag.nlp.preprocess import Preprocessed


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


def test_evidence_weighted_model_explains_with_weighted_sentences(tmp_path):
    """A model with evidence weighting trains on evidence offsets, saves, loads and explains."""
    from innotag.models.corpus.load import load_corpus, preprocess_corpus
    from innotag.models.estimators.model import InnotagModel, ModelConfig
    from innotag.models.persistence.store import load_model, save_model

    records = small_corpus_records(per_stage=8)
    for r in records:  # mark each document's first sentence as its stage evidence
        end = r["text"].find(". ") + 1 or len(r["text"])
        r["evidence"] = {"stage": [[0, end]], **{f: [[0, end]] for f in r["features"]}}
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    corpus = load_corpus(path)
    docs, info = preprocess_corpus(corpus, "fast", progress=False)
    config = ModelConfig(evidence_mix_stage=0.5, evidence_mix_features=0.5, threshold_cv=3, calibration_cv=2)
    model = InnotagModel(config).fit(docs, corpus.stages, corpus.feature_matrix, corpus.evidence)
    assert set(model.evidence_classifiers_) == {"stage", "features"}
    meta = {"pipeline": info.to_dict(), "config": config.to_dict(), "created": "now", "thresholds": model.thresholds,
            "corpus": {"path": str(path), "documents": len(corpus), "sha256": corpus.sha256()}}
    loaded = load_model(save_model(model, meta, tmp_path / "model"))
    prediction = loaded.model.predict(docs[:1], explain=True)[0]
    assert prediction.explanation["stage"]["sentences"]
    np.testing.assert_allclose(loaded.model.predict_arrays(docs[:3])[0], model.predict_arrays(docs[:3])[0])
    assert loaded.model.predict([Preprocessed()])[0].flags == [EMPTY]  # a document with no sentences at all
