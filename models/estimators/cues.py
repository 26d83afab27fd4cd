"""The codebook's cue words, written as lemmas: data shared by the features and the baselines.

They come from ``corpus/CODEBOOK.md``: its "typical evidence" column for the stages and
the feature descriptions. The feature model weighs the feature cues as a block of its own
(``features.make_vectorizer``); the keyword baseline matches both groups.
"""

from __future__ import annotations

STAGE_CUES: tuple[tuple[str, ...], ...] = (
    ("nykytila", "nykytila-analyysi", "kartoitus", "kartoittaa", "kysely", "tilasto", "kokemus", "esiselvitys",
     "ongelma", "selvitys", "selvittää", "tarve"),
    ("työpaja", "ideakilpailu", "palvelukonsepti", "konsepti", "hankesuunnitelma", "suunnitelma",
     "rahoitushakemus", "suunnitella", "idea", "ehdotus", "malli suunnitella"),
    ("pilotti", "kokeilu", "testaus", "testata", "prototyyppi", "palaute", "pilotoida", "kokeilla",
     "pilotin arviointi"),
    ("perustoiminta", "pysyvä", "pysyvä rahoitus", "juurruttaa", "juurrutettu", "vakiintua", "vakiintunut",
     "vakiinnuttaa", "toimintaohje", "kouluttaa"),
    ("levittää", "levitetty", "levittäminen", "käyttöön", "valtakunnallinen levittäminen", "kouluttajakoulutus",
     "kunta mukana", "muu alue"),
    ("lakimuutos", "hallitus esitys", "hyväksyä", "rakenne", "uudistaa", "valtakunnallinen velvoite",
     "velvoite", "toimintakulttuuri", "toimintakulttuurin muutos"),
)

FEATURE_CUES: tuple[tuple[str, ...], ...] = (
    ("yhteinen tavoite", "tahtotila", "yhteinen visio", "visio", "päämäärä", "sitoutuminen", "sitoutua"),
    ("monitoimijainen", "sektori", "järjestö", "seurakunta", "yritys", "yhteistyö", "kumppani"),
    ("rahoittaja", "ohjausryhmä", "koordinaattori", "fasilitaattori", "ohjaus", "koordinoida"),
    ("yhteinen tiimi", "jakaa osaaminen", "jaettu osaaminen", "yhteinen tila", "yhteinen budjetti",
     "tieto jakaminen", "resurssi"),
    ("yhteiskehittäminen", "raati", "nuorten raati", "asiakasraati", "kokemusasiantuntija", "osallisuus"),
    ("oppimisverkosto", "jatkuva kehittäminen", "foorumi", "oppiminen", "verkosto"),
)


def cue_vocabulary() -> list[str]:
    """The feature cue phrases as one sorted vocabulary."""
    return sorted({cue for group in FEATURE_CUES for cue in group})
