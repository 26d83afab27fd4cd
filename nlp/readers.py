"""Read PDF, DOCX, HTML and plain-text documents into text plus metadata.

Each reader returns a :class:`Document`; anything unreadable raises
:class:`~innotag.nlp.errors.DocumentError` with a one-line reason that says what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from innotag.nlp.errors import DocumentError

SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

# Legacy encodings Finnish text turns up in, in order of preference when they tie.
_LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "cp850", "mac_roman")
_FINNISH_LETTERS = set("äöåÄÖÅ")
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Document:
    """Text of one document with where it came from."""

    text: str
    path: str
    format: str
    n_chars: int
    n_pages: int | None = None
    encoding: str | None = None


def read_document(path: str | Path) -> Document:
    """Read one file, choosing the reader by its extension."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "no such file")
    if path.is_dir():
        raise DocumentError(path, "is a directory; give a file, or tag the folder as a whole")
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise DocumentError(path, _unsupported(path.suffix))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, name: str | Path) -> Document:
    """Read a document held in memory (an upload); ``name`` only chooses the reader by its suffix
    and names the document in messages, it is never opened."""
    fmt = SUPPORTED_SUFFIXES.get(Path(name).suffix.lower())
    if fmt is None:
        raise DocumentError(name, _unsupported(Path(name).suffix))
    text, n_pages, encoding = _READERS[fmt](data, name)
    return make_document(text, path=str(name), fmt=fmt, n_pages=n_pages, encoding=encoding)


def _unsupported(suffix: str) -> str:
    return f"unsupported file type '{suffix or '(none)'}'; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"


def make_document(text: str, *, path: str, fmt: str, n_pages: int | None = None,
                  encoding: str | None = None) -> Document:
    """Normalise text from any source and refuse it when nothing is left."""
    text = normalise_whitespace(text)
    if not text:
        raise DocumentError(path, "the document is empty (no text after reading)")
    return Document(text=text, path=path, format=fmt, n_chars=len(text), n_pages=n_pages, encoding=encoding)


def normalise_whitespace(text: str) -> str:
    """Unify line ends, drop trailing spaces and collapse runs of blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\xa0", " ")
    text = re.sub(r"[ \t\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode text bytes, detecting the encoding rather than replacing characters.

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are. Anything else
    is decoded with each legacy Western encoding and the candidate that yields the most
    Finnish letters and the fewest control characters wins, so that cp1252 or latin-1
    Finnish keeps its ä and ö.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise DocumentError(path, "looks like a binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[int, str, str] | None = None
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(ch in _FINNISH_LETTERS for ch in text) - 5 * _count_controls(text)
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is None:
        raise DocumentError(path, "cannot decode the text; save it as UTF-8 and try again")
    _, encoding, text = best
    if _count_controls(text) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise DocumentError(path, "looks like a binary file, not text")
    return text, encoding


def _count_controls(text: str) -> int:
    return sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0)


def _read_text(data: bytes, path: Path):
    text, encoding = decode_bytes(data, path)
    return text, None, encoding


_HTML_NOISE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
               "button", "template")
_HTML_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "br",
                "dt", "dd", "blockquote", "pre", "td", "th", "main")


def _read_html(data: bytes, path: Path):
    from bs4 import BeautifulSoup
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    try:
        markup, encoding = data.decode(declared), declared
    except (TypeError, LookupError, UnicodeDecodeError):  # no, unknown or wrong declaration
        markup, encoding = decode_bytes(data, path)
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(_HTML_NOISE):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo"]}):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(_HTML_BLOCKS):
        tag.insert_before("\n\n" if tag.name not in ("br", "td", "th") else "\n")
    text = re.sub(r"[ \t]+", " ", root.get_text())
    text = "\n".join(line.strip() for line in text.split("\n"))
    return text, None, encoding


def _read_pdf(data: bytes, path: Path):
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(path, "is not a valid PDF (no PDF header); the file may be corrupt or mislabelled")
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every minor flaw
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "the PDF is password-protected; save an unprotected copy and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError(path, "the PDF is password-protected; save an unprotected copy and try again") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(path, f"the PDF is corrupt and cannot be read ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        if "crypt" in str(exc).lower():
            raise DocumentError(path, "the PDF is encrypted in a way that cannot be opened; "
                                      "save an unprotected copy and try again") from None
        raise DocumentError(path, f"the PDF is corrupt and cannot be read ({type(exc).__name__})") from None
    text = "\n\n".join(_join_pdf_lines(p) for p in pages)
    if not text.strip():
        raise DocumentError(path, f"the PDF has no text layer ({len(pages)} page(s), probably scanned); "
                                  "run OCR on it first (for example ocrmypdf -l fin)")
    return text, len(pages), None


def _join_pdf_lines(page_text: str) -> str:
    """Undo hyphenation at line ends, which PDF text layers keep."""
    return re.sub(r"(\w)-\n(\w)", r"\1\2", page_text)


def _read_docx(data: bytes, path: Path):
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(path, f"the DOCX file is corrupt or not a Word document ({type(exc).__name__})") from None
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            blocks.append(" | ".join(cells))
    return "\n\n".join(b for b in blocks if b.strip()), None, None


_READERS = {"txt": _read_text, "md": _read_text, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx}
