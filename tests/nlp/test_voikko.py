import pytest

from innotag.nlp import voikko
from innotag.nlp.pipeline import FAST
from innotag.nlp.preprocess import Preprocessor

needs_voikko = pytest.mark.skipif(not voikko.voikko_available(), reason="Voikko (libvoikko1, voikko-fi) not installed")


@needs_voikko
def test_compound_parts_from_voikko():
    assert voikko.compound_parts("hyvinvointialueilla") == ("hyvinvointi", "alue")
    result = Preprocessor(FAST)("Lastensuojelun sijaishuollossa asuvat nuoret osallistuivat hyvinvointialueilla")
    assert {"hyvinvointi", "alue", "sijais", "huolto"} <= set(result.compounds)


@needs_voikko
def test_baseform_knows_finnish_words_only():
    assert voikko.baseform("nuorille") == "nuori"
    assert voikko.baseform("xqzvrt") is None
