"""The web page over HTTP (no browser): forms, results, language, messages, downloads."""

import csv
import io

import pytest

from conftest import FINNISH, REPO
from innotag.nlp.readers import SUPPORTED_SUFFIXES

EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in SUPPORTED_SUFFIXES)


def test_index_is_finnish_by_default_with_an_english_switch(server):
    page = server.get("/").text
    assert '<html lang="fi">' in page and "Tunnista asiakirja" in page and 'href="?lang=en"' in page
    assert 'for="files"' in page and 'for="text"' in page and '<main id="main"' in page
    english = server.get("/?lang=en").text
    assert '<html lang="en">' in english and "Tag a document" in english
    assert '<html lang="fi">' in server.get("/?lang=xx").text


def test_assets_come_from_the_package(server):
    page = server.get("/").text
    assert "https://" not in page and "http://" not in page
    for asset in ("/static/style.css", "/static/page.js", "/static/favicon.svg"):
        assert server.get(asset).status_code == 200


def test_upload_a_folder_and_paste_text(server):
    files = [("files", (p.name, p.read_bytes())) for p in EXAMPLES]
    response = server.post("/tag", files=files, data={"text": FINNISH, "lang": "fi"}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("?lang=fi")
    page = server.get(response.headers["location"]).text
    assert page.count('class="document"') == len(EXAMPLES) + 1 and "liitetty teksti" in page
    assert page.count('class="stage-bar') >= 6 * len(EXAMPLES)
    assert "<mark id=" in page and "Lataa tulokset" in page
    english = server.get(response.headers["location"].replace("lang=fi", "lang=en")).text
    assert "Download the results" in english and "pasted text" not in english  # the run is shown, not redone


def test_unreadable_file_shows_a_plain_message(server):
    response = server.post("/tag", files={"files": ("rikki.pdf", b"%PDF-1.4 rikki")})
    assert response.status_code == 200 and "PDF-tiedosto on vioittunut, eikä sitä voi lukea." in response.text
    assert "Traceback" not in response.text


def test_empty_submission_and_too_many_files(server, small_server):
    response = server.post("/tag", files={"files": ("", b"")}, data={"text": "  ", "lang": "en"})
    assert response.status_code == 422 and "Choose a file or paste text." in response.text
    files = [("files", (f"{n}.txt", b"teksti")) for n in range(5)]
    response = small_server.post("/tag", files=files)
    assert response.status_code == 413 and "Liian monta asiakirjaa: enintään 3 kerralla." in response.text
    server.assert_alive()


def test_unknown_results_and_pages(server):
    assert "Tuloksia ei enää ole" in server.get("/results/nope").text
    assert server.get("/results/nope/download.csv").status_code == 404
    response = server.get("/ei-ole")
    assert response.status_code == 404 and "Sivua ei löydy." in response.text


def _run(server):
    files = [("files", (p.name, p.read_bytes())) for p in EXAMPLES[:2]]
    return server.post("/tag", files=files, allow_redirects=False).headers["location"].split("?")[0]


def test_download_csv_for_excel_in_finnish_or_plain_in_english(server):
    run = _run(server)
    response = server.get(run + "/download.csv?lang=fi")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3 and rows[0][0] == "id" and "evidence_stage" in rows[0]
    plain = server.get(run + "/download.csv?lang=en").content.decode("utf-8")
    assert list(csv.reader(io.StringIO(plain)))[1:] and not plain.startswith("\ufeff")


def test_download_xlsx_has_finnish_columns(server):
    openpyxl = pytest.importorskip("openpyxl")
    response = server.get(_run(server) + "/download.xlsx?lang=fi")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.max_row == 3 and any("vaihe" in str(h).lower() for h in header)
