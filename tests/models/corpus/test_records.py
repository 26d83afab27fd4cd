import pytest

from innotag.models.corpus.records import Corpus, parse_example


def test_parse_example_orders_features_and_keeps_metadata():
    example = parse_example({"id": 7, "text": "Teksti.", "stage": 3, "features": ["toimijaroolit", "yhteinen_visio"],
                             "genre": "blogi"})
    assert example.id == "7" and example.stage_id == "kokeilu"
    assert example.features == ("yhteinen_visio", "toimijaroolit") and example.meta == {"genre": "blogi"}


@pytest.mark.parametrize("record, message", [
    ({"id": "a", "text": "x", "stage": "kokeilu"}, "missing field"),
    ({"id": "a", "text": " ", "stage": "kokeilu", "features": []}, "empty"),
    ({"id": "a", "text": "x", "stage": 9, "features": []}, "outside 1-6"),
    ({"id": "a", "text": "x", "stage": "kokeilu", "features": ["visio"]}, "unknown feature"),
])
def test_parse_example_says_what_is_wrong(record, message):
    with pytest.raises(ValueError, match=message):
        parse_example(record)


def test_labels_only_records_for_second_annotations():
    assert parse_example({"id": "a", "stage": "tarve", "features": []}, require_text=False).text == ""


def test_corpus_arrays_and_evidence(tmp_path):
    a = parse_example({"id": "a", "text": "Yksi. Kaksi.", "stage": "tarve", "features": ["toimijaroolit"],
                       "evidence": {"stage": [[0, 5]], "toimijaroolit": [[6, 12]]}})
    b = parse_example({"id": "b", "text": "Kolme.", "stage": "skaalaaminen", "features": []})
    corpus = Corpus([a, b], [])
    assert corpus.stages.tolist() == [0, 4] and corpus.feature_matrix[:, 2].tolist() == [1, 0]
    assert corpus.evidence == [{"stage": ["Yksi."], "toimijaroolit": ["Kaksi."]}, None]


def test_a_revision_is_grouped_with_the_document_it_revises():
    records = [{"id": "a", "text": "Teksti.", "stage": 2, "features": []},
               {"id": "b", "text": "Teksti.", "stage": 3, "features": [], "revises": "a"},
               {"id": "c", "text": "Teksti.", "stage": 3, "features": []}]
    assert Corpus([parse_example(r) for r in records], []).groups == ["a", "a", "c"]
