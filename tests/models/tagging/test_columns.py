from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.models.tagging.columns import (CSV_COLUMNS, EVIDENCE_COLUMNS, FINNISH_HEADERS, FLAG_TEXTS,
                                            result_row)
from innotag.models.tagging.tagger import TagResult


def test_every_column_has_a_distinct_finnish_header():
    columns = CSV_COLUMNS + EVIDENCE_COLUMNS + ["stage_name"]
    assert set(FINNISH_HEADERS) == set(columns)
    assert len(set(FINNISH_HEADERS.values())) == len(FINNISH_HEADERS)
    assert FINNISH_HEADERS["id"] == "tunnus" and FINNISH_HEADERS["stage"] == "vaihe"
    assert FINNISH_HEADERS["p_tarve"] == "todennäköisyys: 1 Tarpeen tunnistaminen"


def test_rows_keep_numbers_and_leave_what_does_not_apply_empty():
    full = TagResult(id="a", stage="tarve", stage_probability=0.5, stage_probabilities=dict.fromkeys(STAGE_IDS, 0.1),
                     expected_stage=1.8, features=[], feature_probabilities=dict.fromkeys(FEATURE_IDS, 0.2),
                     ecosystem_score=0, flags=["short"])
    row = result_row(full)
    assert row["p_tarve"] == 0.1 and row["yhteinen_visio"] == 0 and row["flags"] == "short"
    failed = result_row(TagResult(id="b", error="broken"))
    assert failed["stage"] is None and failed["p_tarve"] is None and failed["error"] == "broken"


def test_every_flag_has_plain_words():
    from innotag.models.estimators import model

    flags = {model.EMPTY, model.NOT_FINNISH, model.UNKNOWN_VOCABULARY, model.SHORT, model.OUT_OF_DOMAIN}
    assert flags == set(FLAG_TEXTS)
