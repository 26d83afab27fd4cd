"""The page in a real headless browser: Debian's Chromium driven by Playwright (no browser download).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing; ``make setup``
installs both (the Debian package as root, as for Voikko).
"""

import io
import os
import shutil

import pytest

from conftest import REPO
from innotag.nlp.readers import SUPPORTED_SUFFIXES

CHROMIUM = os.environ.get("INNOTAG_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium calls home at start, which a closed network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in SUPPORTED_SUFFIXES)

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")
if not shutil.which(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or make setup as root)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def test_upload_the_examples_and_read_the_evidence(server, page):
    page.goto(server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tunnista asiakirja"
    page.get_by_label("Tiedostot (PDF, DOCX, HTML, TXT, MD)").set_input_files([str(p) for p in EXAMPLES])
    assert str(len(EXAMPLES)) in page.locator("#chosen").inner_text()
    page.get_by_role("button", name="Tunnista").click()
    page.wait_for_url("**/results/**")

    documents = page.locator("section.document")
    assert documents.count() == len(EXAMPLES)
    labelled = [documents.nth(i) for i in range(documents.count())
                if documents.nth(i).locator(".stage-name").count()]
    assert labelled, "no example got a stage"
    for doc in labelled:
        assert doc.locator(".stage-name").inner_text().strip()[0].isdigit()  # "3 Kokeilut ja pilotit 68 %"
        assert doc.locator(".stage-bar").count() == 6
        assert doc.locator(".stage-bar.call").count() == 1
        assert doc.locator("li.feature").count() == 6
    marks = page.locator("mark[data-calls]")
    assert marks.count() >= 1 and marks.first.inner_text().strip()

    # Opening a feature (or the stage) that has evidence highlights its sentences in the text.
    doc = next(d for d in labelled if d.locator("mark[data-calls~='stage']").count())
    why = doc.locator("details[data-call='stage'] > summary")
    why.click()
    assert doc.locator("mark.active").count() == doc.locator("mark[data-calls~='stage']").count()
    assert doc.locator("details[data-call='stage'] ol.sentences li").count() >= 1
    why.click()
    page.mouse.move(0, 0)
    assert doc.locator("mark.active").count() == 0

    with page.expect_download() as info:
        page.get_by_role("link", name="Excel-tiedosto (.xlsx)").click()
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    assert sheet.max_row == len(EXAMPLES) + 1
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(map(str, names)) == sorted(p.name for p in EXAMPLES)


def test_english_switch_and_keyboard(server, page):
    page.goto(server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Siirry sisältöön"  # skip link first
    page.get_by_role("link", name="In English").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tag a document"
    page.get_by_label("…or paste text").fill("Lyhyt teksti.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")  # the submit button, by keyboard
    page.wait_for_url("**/results/**")
    assert "Short: the labels rest on little text" in page.locator("ul.flags").inner_text()  # a flag in plain words
    assert page.locator("html").get_attribute("lang") == "en"
