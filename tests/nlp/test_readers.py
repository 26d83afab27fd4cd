import pytest

from conftest import FINNISH, make_docx, make_pdf
from innotag.nlp.errors import DocumentError
from innotag.nlp.readers import decode_bytes, read_bytes, read_document


def test_cp1252_text_keeps_finnish_letters(tmp_path):
    path = tmp_path / "raportti.txt"
    path.write_bytes(FINNISH.encode("cp1252"))
    doc = read_document(path)
    assert doc.text == FINNISH
    assert "ä" in doc.text and "ö" in doc.text
    assert doc.encoding == "cp1252"
    assert doc.format == "txt" and doc.n_chars == len(FINNISH)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1"])
def test_text_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "doc.md"
    path.write_bytes(FINNISH.encode(encoding))
    assert read_document(path).text == FINNISH


def test_cp1252_specials_decode():
    text, encoding = decode_bytes("Hyvä “lainaus” – 5 € säästö".encode("cp1252"))
    assert text == "Hyvä “lainaus” – 5 € säästö" and encoding == "cp1252"


def test_docx_paragraphs_and_tables(tmp_path):
    path = tmp_path / "suunnitelma.docx"
    make_docx(path, table=[["Rahoittaja", "Säätiö"], ["Kesto", "2 vuotta"]])
    doc = read_document(path)
    assert FINNISH in doc.text
    assert "Rahoittaja | Säätiö" in doc.text
    assert doc.format == "docx"


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "loppuraportti.pdf"
    make_pdf(path)
    doc = read_document(path)
    assert "yhteiskehittämiseen" in doc.text.replace("\n", " ")
    assert "ä" in doc.text and "ö" in doc.text
    assert doc.n_pages == 1 and doc.format == "pdf"


def test_html_main_text_without_navigation(tmp_path):
    path = tmp_path / "sivu.html"
    path.write_text(
        "<html><head><title>Otsikko</title><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Etusivu</a> | <a href='/haku'>Hae sivustolta</a></nav>"
        f"<header>Hyvinvointialueen logo</header><main><h1>Perhekeskus</h1><p>{FINNISH}</p></main>"
        "<footer>Evästeasetukset</footer></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert FINNISH in doc.text and "Perhekeskus" in doc.text
    for noise in ("Etusivu", "Hae sivustolta", "logo", "Evästeasetukset", "var x"):
        assert noise not in doc.text


def test_html_in_cp1252_without_declared_charset(tmp_path):
    path = tmp_path / "vanha.htm"
    path.write_bytes(f"<html><body><p>{FINNISH}</p></body></html>".encode("cp1252"))
    assert FINNISH in read_document(path).text


def _encrypted_pdf(path):
    from pypdf import PdfReader, PdfWriter

    plain = path.with_name("plain.pdf")
    make_pdf(plain)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="salainen", owner_password="omistaja", algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)


@pytest.mark.parametrize("name, setup, message", [
    ("missing.txt", None, "no such file"),
    ("kuva.png", lambda p: p.write_bytes(b"\x89PNG\r\n"), "unsupported file type"),
    ("tyhja.txt", lambda p: p.write_bytes(b""), "empty"),
    ("valit.txt", lambda p: p.write_text(" \n\t\n  "), "empty"),
    ("roska.txt", lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
    ("rikki.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n"), "corrupt"),
    ("eipdf.pdf", lambda p: p.write_bytes(b"this is not a pdf at all"), "not a valid PDF"),
    ("skannattu.pdf", lambda p: make_pdf(p, text=None), "OCR"),
    ("salattu.pdf", _encrypted_pdf, "password-protected"),
    ("rikki.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "corrupt"),
])
def test_bad_input_gives_one_line_document_error(tmp_path, name, setup, message):
    path = tmp_path / name
    if setup:
        setup(path)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    text = str(info.value)
    assert message in text
    assert "\n" not in text and str(path) in text


def test_directory_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="directory"):
        read_document(tmp_path)


def test_read_bytes_uses_the_name_only_for_its_suffix(tmp_path):
    make_pdf(tmp_path / "a.pdf")
    document = read_bytes((tmp_path / "a.pdf").read_bytes(), "../../no/such/dir/raportti.PDF")
    assert document.format == "pdf" and "nuoret" in document.text and document.path.endswith("raportti.PDF")
    assert read_bytes(FINNISH.encode("cp1252", "replace"), "a.txt").encoding == "cp1252"
    with pytest.raises(DocumentError, match=r"^upload: unsupported file type '\(none\)'"):
        read_bytes(b"x", "upload")
