from innotag.nlp.info import collect_info, tool_version


def test_info_names_versions_and_the_pipeline_in_use():
    info = collect_info("fast")
    assert info["innotag"] == tool_version() and info["pipeline"] == "fast"
    assert "spacy" in info and "voikko" in info
