"""What the page says, in Finnish (the default) and English: its words, flags and reading errors.

Reading errors come from the readers as English one-liners; each known reason has a plain
translation here, and an unknown one is shown as it is after a general sentence.
"""

from __future__ import annotations

import re

from innotag.models.tagging.columns import FLAG_TEXTS

LANGUAGES = ("fi", "en")

UI = {
    "fi": {
        "title": "innotag – sosiaalisen innovaation vaihe ja ekosysteemi",
        "skip": "Siirry sisältöön",
        "switch": "In English",
        "intro": "Tunnistaa suomenkielisestä hankeasiakirjasta innovaation vaiheen ja ekosysteemin piirteet. "
                 "Tulokset ovat koneen arvio: tarkista ne lukemalla perustelut.",
        "form_heading": "Tunnista asiakirja",
        "files_label": "Tiedostot (PDF, DOCX, HTML, TXT, MD)",
        "drop_hint": "Pudota tiedostoja tai kansio tähän, tai valitse ne:",
        "folder_label": "…tai valitse kansio",
        "chosen": "Valittu",
        "text_label": "…tai liitä teksti",
        "submit": "Tunnista",
        "working": "Tunnistetaan…",
        "limits": "Enintään {max_batch} asiakirjaa ja {max_size} Mt kerralla. Tiedostot luetaan muistiin, "
                  "niitä ei tallenneta.",
        "results": "Tulokset",
        "summary": "Yhteenveto",
        "download": "Lataa tulokset",
        "download_csv": "CSV-tiedosto",
        "download_xlsx": "Excel-tiedosto (.xlsx)",
        "document": "Asiakirja",
        "stage": "Vaihe",
        "probability": "Todennäköisyys",
        "stage_probabilities": "Vaiheiden todennäköisyydet",
        "expected_stage": "Odotusarvo asteikolla 1–6: {value}",
        "features": "Ekosysteemin piirteet",
        "feature": "Piirre",
        "threshold": "raja",
        "present": "löytyi",
        "absent": "ei löytynyt",
        "ecosystem_score": "Piirteitä löytyi {n}/6",
        "flags": "Huomiot",
        "error": "Virhe",
        "why_stage": "Miksi tämä vaihe?",
        "terms": "Sanat, jotka painoivat eniten",
        "evidence": "Lauseet, joihin arvio nojaa",
        "no_evidence": "Ei yksittäisiä perustelulauseita.",
        "text": "Asiakirjan teksti",
        "text_help": "Korostetut lauseet ovat arvion perusteluja. Valitse piirre nähdäksesi sen perustelut.",
        "text_cut": "Teksti on katkaistu {n} merkin jälkeen.",
        "no_labels": "Ei arviota",
        "new": "Tunnista uusi asiakirja",
        "nothing": "Valitse tiedosto tai liitä teksti.",
        "expired": "Tuloksia ei enää ole palvelimen muistissa. Tunnista asiakirjat uudelleen.",
        "api": "Ohjelmointirajapinta (REST API)",
        "problems": "Rajapinnan virhetyypit",
        "unauthorized": "Tämä palvelin vaatii tunnuksen. Avaa osoite, jonka palvelin tulosti käynnistyessään.",
        "not_found": "Sivua ei löydy.",
        "internal": "Odottamaton virhe. Palvelin toimii edelleen; yritä uudelleen tai ilmoita virheestä.",
    },
    "en": {
        "title": "innotag – stage and ecosystem of a social innovation",
        "skip": "Skip to content",
        "switch": "Suomeksi",
        "intro": "Tells the innovation stage and the ecosystem features of a Finnish project document. "
                 "The results are a machine's estimate: check them by reading the evidence.",
        "form_heading": "Tag a document",
        "files_label": "Files (PDF, DOCX, HTML, TXT, MD)",
        "drop_hint": "Drop files or a folder here, or choose them:",
        "folder_label": "…or choose a folder",
        "chosen": "Chosen",
        "text_label": "…or paste text",
        "submit": "Tag",
        "working": "Tagging…",
        "limits": "At most {max_batch} documents and {max_size} MB at a time. Files are read in memory, "
                  "never stored.",
        "results": "Results",
        "summary": "Summary",
        "download": "Download the results",
        "download_csv": "CSV file",
        "download_xlsx": "Excel file (.xlsx)",
        "document": "Document",
        "stage": "Stage",
        "probability": "Probability",
        "stage_probabilities": "Stage probabilities",
        "expected_stage": "Expected value on the 1–6 scale: {value}",
        "features": "Ecosystem features",
        "feature": "Feature",
        "threshold": "threshold",
        "present": "present",
        "absent": "absent",
        "ecosystem_score": "{n} of 6 features present",
        "flags": "Notes",
        "error": "Error",
        "why_stage": "Why this stage?",
        "terms": "Terms that pushed it most",
        "evidence": "Sentences the call rests on",
        "no_evidence": "No single evidence sentences.",
        "text": "Document text",
        "text_help": "Highlighted sentences are evidence for the calls. Choose a feature to see its evidence.",
        "text_cut": "The text is cut after {n} characters.",
        "no_labels": "No labels",
        "new": "Tag another document",
        "nothing": "Choose a file or paste text.",
        "expired": "These results are no longer in the server's memory. Tag the documents again.",
        "api": "Programming interface (REST API)",
        "problems": "API error types",
        "unauthorized": "This server needs a token. Open the address the server printed when it started.",
        "not_found": "No such page.",
        "internal": "An unexpected error. The server goes on; try again or report it.",
    },
}

# Finnish: the reports' own flag texts (models/tagging/columns.py), so the page and the files agree.
_FLAGS_EN = {
    "empty": "empty: the document has no usable text, so no labels are given",
    "not_finnish": "not Finnish: the text is not in Finnish, so no labels are given",
    "unknown_vocabulary": "unknown vocabulary: too little of the text is known to the model, so no labels are given",
    "short": "short: the labels rest on little text (under 25 words), check them",
    "out_of_domain": "out of domain: the text is unlike the model's training documents, check the labels",
}
FLAGS = {flag: (FLAG_TEXTS[flag], english) for flag, english in _FLAGS_EN.items()}

# (reason pattern from nlp/readers.py, Finnish, English)
READ_ERRORS = [
    (r"unsupported file type", "Tiedostotyyppiä ei tueta. Käytä PDF-, DOCX-, HTML-, TXT- tai MD-tiedostoa.",
     "This file type is not supported. Use a PDF, DOCX, HTML, TXT or MD file."),
    (r"the document is empty", "Asiakirja on tyhjä: siitä ei löytynyt tekstiä.",
     "The document is empty: no text was found in it."),
    (r"password-protected|encrypted", "PDF on suojattu salasanalla. Tallenna suojaamaton kopio ja yritä uudelleen.",
     "The PDF is password-protected. Save an unprotected copy and try again."),
    (r"no text layer", "PDF:ssä ei ole tekstiä (se on todennäköisesti skannattu). Tunnista teksti ensin "
                       "OCR-ohjelmalla.", "The PDF has no text layer (probably scanned). Run OCR on it first."),
    (r"not a valid PDF|PDF is corrupt", "PDF-tiedosto on vioittunut, eikä sitä voi lukea.",
     "The PDF file is corrupt and cannot be read."),
    (r"DOCX file is corrupt", "Word-tiedosto on vioittunut tai se ei ole DOCX-tiedosto.",
     "The Word file is corrupt or not a DOCX file."),
    (r"binary file", "Tiedosto ei ole tekstiä.", "The file is not text."),
    (r"cannot decode", "Tekstin merkistöä ei tunnistettu. Tallenna tiedosto UTF-8-muodossa.",
     "The text's encoding was not recognised. Save the file as UTF-8."),
]

# Page-level problems in plain words (the API gives the English detail)
PROBLEMS = {
    "too-large": ("Tiedostot ovat liian suuria: yhteensä enintään {max_size} Mt kerralla.",
                  "The files are too large: at most {max_size} MB in total at a time."),
    "too-many-documents": ("Liian monta asiakirjaa: enintään {max_batch} kerralla.",
                           "Too many documents: at most {max_batch} at a time."),
    "malformed-request": ("Lähetystä ei voitu lukea. Yritä uudelleen.", "The upload could not be read. Try again."),
}


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[LANGUAGES.index(lang)]


def flag_message(flag: str, lang: str) -> str:
    message = pick(FLAGS[flag], lang) if flag in FLAGS else flag
    return message[:1].upper() + message[1:]


def read_error_message(error: str, lang: str) -> str:
    """A reading error in plain words; an unknown reason keeps its original text."""
    for pattern, fi, en in READ_ERRORS:
        if re.search(pattern, error):
            return pick((fi, en), lang)
    return pick(("Tiedostoa ei voitu lukea: ", "The file could not be read: "), lang) + error
