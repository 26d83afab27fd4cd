import pytest

from innotag.nlp import voikko
from innotag.nlp.pipeline import ACCURATE, FAST, load_pipeline
from innotag.nlp.preprocess import MAX_UNIT_CHARS, NUM, Preprocessor, split_units

SENTENCE = ("Lastensuojelun sijaishuollossa asuvat nuoret osallistuivat yhteiskehittämiseen "
            "hyvinvointialueilla")
EXPECTED = {"lastensuojelu", "sijaishuolto", "nuori", "osallistua", "yhteiskehittäminen", "hyvinvointialue"}

needs_voikko = pytest.mark.skipif(not voikko.voikko_available(), reason="Voikko (libvoikko1, voikko-fi) not installed")


@pytest.mark.parametrize("route", [pytest.param(ACCURATE, marks=needs_voikko), FAST])
def test_domain_sentence_lemmas(route):
    pre = Preprocessor(route)
    assert pre.info.route == route
    assert EXPECTED <= set(pre(SENTENCE).lemmas)


def test_normalisation_drops_stop_words_punctuation_and_numbers():
    result = Preprocessor(FAST)("Hanke maksoi 120 000 euroa vuonna 2024, ja se on hyvä!")
    assert "ja" not in result.lemmas and "se" not in result.lemmas and "," not in result.lemmas
    assert NUM in result.lemmas and "2024" not in result.lemmas
    assert all(lemma == lemma.lower() for lemma in result.lemmas)


def test_sentences_follow_paragraphs_fields_and_lists():
    text = "Projektin tavoitteet: kehittää perhekeskusta\nToimenpiteet: työpajat\n\nEnsimmäinen lause. Toinen lause.\n- kohta yksi\n- kohta kaksi"
    result = Preprocessor(FAST)(text)
    assert result.sentences == ["Projektin tavoitteet: kehittää perhekeskusta", "Toimenpiteet: työpajat",
                                "Ensimmäinen lause.", "Toinen lause.", "- kohta yksi", "- kohta kaksi"]
    assert len(result.sentence_lemmas) == len(result.sentences)


def test_long_documents_are_split_not_rejected():
    nlp, _ = load_pipeline(FAST)
    word = "yhteistyö "
    text = word * (nlp.max_length // len(word) + 1000)
    assert all(len(unit) <= MAX_UNIT_CHARS for unit in split_units(text))
    result = Preprocessor(FAST)(text)
    assert result.n_words == text.count("yhteistyö")


def test_known_ratio_separates_finnish_from_english():
    pre = Preprocessor(FAST)
    assert pre(SENTENCE).known_ratio > 0.8
    assert pre("The project developed a new model of services for young people in care.").known_ratio < 0.3


def test_pipe_keeps_order_and_handles_empty_text():
    texts = ["Nuoret osallistuivat.", "", "Perhekeskus kokeili mallia."] * 30
    results = list(Preprocessor(FAST).pipe(texts, chunk_docs=7))
    assert len(results) == 90
    assert results[1].lemmas == [] and results[1].n_words == 0
    assert results[2].lemmas == ["perhekeskus", "kokeilla", "malli"]


def test_cache_returns_the_same_result(tmp_path):
    fresh = Preprocessor(FAST, cache_dir=tmp_path)
    first = fresh(SENTENCE)
    assert any(tmp_path.rglob("*.json"))
    assert Preprocessor(FAST, cache_dir=tmp_path)(SENTENCE) == first


