"""What the page shows for one document: names, bars, evidence marked in the text."""

from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.serving.service import Tagged
from innotag.models.serving.view import MAX_SHOWN_CHARS, document_view
from innotag.models.tagging.tagger import TagResult

from conftest import FINNISH

TEXT = ("Hankkeen tausta\n\nKokeilussa nuoret ja työntekijät kehittivät mallia yhdessä järjestön kanssa. "
        "Pilotti jatkuu syksyyn.\n\n" + FINNISH)


def _view(tagger, text=TEXT, lang="fi"):
    return document_view(Tagged(tagger.tag(text, id="doc.txt", explain=True), text), 2, lang)


def test_labels_by_name_with_bars_and_thresholds(tagger):
    view = _view(tagger)
    assert view["labels"] and view["anchor"] == "doc-2"
    assert [b["id"] for b in view["stage_bars"]] == list(STAGE_IDS)
    assert sum(b["call"] for b in view["stage_bars"]) == 1
    assert view["stage"]["name"] and view["stage"]["about"]
    assert 0 <= view["expected_stage"]["position"] <= 100
    assert [f["id"] for f in view["features"]] == list(FEATURE_IDS)
    assert all(0 < f["threshold"] < 1 for f in view["features"])
    assert _view(tagger, lang="en")["stage"]["name"] != view["stage"]["name"]


def test_evidence_sentences_are_marked_in_the_text(tagger):
    view = _view(tagger)
    assert "".join(s["text"] for s in view["segments"]) == TEXT  # nothing lost or reordered
    marked = [s for s in view["segments"] if s.get("calls")]
    assert marked and all(s["id"].startswith("doc-2-s") for s in marked)
    assert any("stage" in s["calls"].split() for s in marked)
    targets = {s["target"] for s in view["evidence"]["stage"]["sentences"]}
    assert targets & {s["id"] for s in marked}  # the evidence list links into the text


def test_a_long_text_is_cut_on_the_page(tagger):
    text = (FINNISH + "\n\n") * (MAX_SHOWN_CHARS // len(FINNISH) + 5)
    view = document_view(Tagged(tagger.tag(text[:2000], id="x"), text), 1, "fi")
    assert view["text_cut"] and len("".join(s["text"] for s in view["segments"])) == MAX_SHOWN_CHARS


def test_flagged_and_failed_documents_have_messages_not_labels(tagger):
    flagged = _view(tagger, text="This is an English text about nothing in particular at all, really.")
    assert not flagged["labels"] and flagged["flags"][0]["id"] == "not_finnish"
    assert flagged["flags"][0]["message"].startswith("Ei suomea: ")
    failed = document_view(Tagged(TagResult(id="a.pdf", error="a.pdf: the PDF is corrupt and cannot be read")),
                           1, "fi")
    assert not failed["labels"] and failed["error"].startswith("PDF-tiedosto on vioittunut")
