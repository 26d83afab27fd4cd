from innotag.nlp import voikko
from innotag.nlp.pipeline import ACCURATE, FAST


def test_without_voikko_accurate_falls_back_to_fast_and_says_so(monkeypatch, caplog):
    from innotag.nlp import pipeline

    monkeypatch.setattr(pipeline.voikko, "voikko_available", lambda: False)
    pipeline.load_pipeline.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="innotag"):
            _, info = pipeline.load_pipeline(ACCURATE)
        assert info.route == FAST and not info.voikko
        assert "Voikko is not installed" in caplog.text and "libvoikko1" in caplog.text
    finally:
        pipeline.load_pipeline.cache_clear()


def test_fast_route_does_not_depend_on_what_the_process_loaded():
    """spacy-fi replaces the registered "fi" class; the fast route must not follow it."""
    import spacy

    from innotag.nlp import pipeline

    text = "Hanke alkoi 1.1.2025 klo 12.00, esim. EU:n rahoituksella (ks. liite) ja jatkuu -25 %."
    pipeline.load_pipeline.cache_clear()
    before = [t.text for t in pipeline.load_pipeline(FAST)[0](text)]
    spacy.load(pipeline.TRAINED_PACKAGE, exclude=["tagger", "parser", "ner"]) if voikko.voikko_available() else None
    pipeline.load_pipeline.cache_clear()
    try:
        assert [t.text for t in pipeline.load_pipeline(FAST)[0](text)] == before
    finally:
        pipeline.load_pipeline.cache_clear()
