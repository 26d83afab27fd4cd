from html.parser import HTMLParser

from conftest import sample_result
from innotag.models.tagging.html_report import html_report
from innotag.models.tagging.tagger import TagResult

VOID = {"meta", "br", "img", "input", "link", "hr"}


class _Checker(HTMLParser):
    """Checks that every element is closed in order and collects what a test asks about."""

    def __init__(self):
        super().__init__()
        self.open, self.problems, self.tags, self.marks, self._in_mark = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("script", "link", "img", "iframe"):
            self.problems.append(f"external or active content: <{tag}>")
        if tag not in VOID:
            self.open.append(tag)
        self._in_mark = tag == "mark"
        if self._in_mark:
            self.marks.append("")

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
        else:
            self.open.pop()
        self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.problems and not checker.open, (checker.problems, checker.open)
    return checker


def test_a_self_contained_finnish_page_with_bars_and_thresholds():
    page = html_report([sample_result("raportti.pdf"), TagResult(id="rikki.pdf", error="rikki.pdf: the PDF is corrupt"),
                        TagResult(id="english.txt", flags=["not_finnish"])])
    checker = check(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fi">' in page
    assert "http" not in page and "<script" not in page
    assert checker.tags.count("h2") == 3 and "th" in checker.tags and "caption" in checker.tags
    assert "Kokeilut ja pilotit" in page and "0,70" in page and 'style="width:70.0%"' in page
    assert 'style="left:40.0%"' in page  # the feature threshold marker
    assert "Asiakirjaa ei voitu lukea: rikki.pdf: the PDF is corrupt" in page
    assert "ei suomea: teksti ei ole suomenkielistä" in page


def test_explain_highlights_evidence_sentences_and_escapes_document_text():
    page = html_report([sample_result("<a>&b.pdf", explained=True)], explain=True)
    checker = check(page)
    assert "Järjestö ja kunta tekivät työn yhdessä." in checker.marks
    assert "Mallia kokeiltiin syksyllä <b>kolmessa</b> kunnassa." in checker.marks  # shown as text, not markup
    assert "&lt;b&gt;kolmessa&lt;/b&gt;" in page and "<b>" not in page
    assert "&lt;a&gt;&amp;b.pdf" in page and "b" not in checker.tags
    assert "Painavimmat termit: kokeilla" in page
    assert "<mark>" not in html_report([sample_result(explained=True)], explain=False)
