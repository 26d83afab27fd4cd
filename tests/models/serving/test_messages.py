"""The page's words: both languages complete, every flag and reading error in plain words."""

import pytest

from innotag.models.estimators.model import BLOCKING_FLAGS, OUT_OF_DOMAIN, SHORT
from innotag.models.serving.messages import FLAGS, UI, flag_message, read_error_message
from innotag.models.serving.problems import Problem
from innotag.nlp.errors import DocumentError
from innotag.nlp.readers import read_bytes

from conftest import make_pdf


def test_both_languages_have_every_string():
    assert UI["fi"].keys() == UI["en"].keys()
    assert all(UI["fi"][k] != UI["en"][k] for k in UI["fi"] if k not in ("download_csv",))


def test_every_model_flag_has_a_message():
    for flag in (*BLOCKING_FLAGS, SHORT, OUT_OF_DOMAIN):
        assert flag in FLAGS
        assert flag_message(flag, "fi") != flag_message(flag, "en")


def _reading_error(name: str, data: bytes) -> str:
    with pytest.raises(DocumentError) as info:
        read_bytes(data, name)
    return str(info.value)


def test_reading_errors_in_plain_finnish(tmp_path):
    scanned = tmp_path / "skannattu.pdf"
    make_pdf(scanned, None)
    cases = {
        _reading_error("a.odt", b"x"): "Tiedostotyyppiä ei tueta",
        _reading_error("a.txt", b" \n"): "Asiakirja on tyhjä",
        _reading_error("a.pdf", b"not a pdf"): "PDF-tiedosto on vioittunut",
        _reading_error("a.pdf", b"%PDF-1.4 rikki"): "PDF-tiedosto on vioittunut",
        _reading_error("skannattu.pdf", scanned.read_bytes()): "PDF:ssä ei ole tekstiä",
        _reading_error("a.docx", b"PK\x03\x04rikki"): "Word-tiedosto on vioittunut",
        _reading_error("a.txt", b"\x00\x01"): "Tiedosto ei ole tekstiä",
    }
    for error, finnish in cases.items():
        assert read_error_message(error, "fi").startswith(finnish), error
        assert read_error_message(error, "en") != read_error_message(error, "fi")


def test_an_unknown_reason_is_shown_after_a_general_sentence():
    assert read_error_message("x.pdf: something new", "fi") == "Tiedostoa ei voitu lukea: x.pdf: something new"


def test_page_problems_have_both_languages():
    from innotag.models.serving.messages import PROBLEMS

    for slug, pair in PROBLEMS.items():
        Problem(slug, "x")  # a registered type
        assert len(pair) == 2
