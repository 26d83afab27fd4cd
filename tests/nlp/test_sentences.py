from innotag.nlp.sentences import sentence_spans, sentences


def test_spans_point_into_the_text_without_surrounding_space():
    text = "  Hanke alkoi 2023. Nuoret olivat mukana!\n\nTulokset\n- Malli on käytössä. Se jatkuu.\n"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == sentences(text) == [
        "Hanke alkoi 2023.", "Nuoret olivat mukana!", "Tulokset", "- Malli on käytössä.", "Se jatkuu."]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)


def test_list_numbers_and_abbreviations_do_not_end_sentences():
    assert sentences("1. Kunnat päättävät. Toiminta alkoi v. 2020 syksyllä. Loppu on se. Kela maksaa.") == [
        "1. Kunnat päättävät.", "Toiminta alkoi v. 2020 syksyllä.", "Loppu on se.", "Kela maksaa."]


def test_field_lines_are_their_own_units():
    assert sentences("Toteutusaika: 2021–2023\nRahoittaja: ESR\nKuvaus jatkuu tässä") == [
        "Toteutusaika: 2021–2023", "Rahoittaja: ESR\nKuvaus jatkuu tässä"]


def test_empty_text_has_no_sentences():
    assert sentence_spans("") == [] and sentence_spans(" \n\n ") == []
