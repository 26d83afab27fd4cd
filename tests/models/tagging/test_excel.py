import io

from openpyxl import load_workbook

from conftest import sample_result
from innotag.models.tagging.columns import FINNISH_HEADERS
from innotag.models.tagging.excel import COLUMNS_SHEET, RESULTS_SHEET, excel_columns, xlsx_bytes
from innotag.models.tagging.tagger import TagResult


def _read(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_one_row_per_document_under_finnish_headers_with_numbers_as_numbers():
    book = _read(xlsx_bytes([sample_result("a"), TagResult(id="b.pdf", error="b.pdf: corrupt")]))
    sheet = book[RESULTS_SHEET]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["tunnus", "polku", "vaihe", "vaiheen nimi"]
    assert "piirre: Monitoimijainen, sektorirajat ylittävä yhteistyö" in header
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 2
    assert rows[0]["vaihe"] == "kokeilu" and rows[0]["vaiheen nimi"] == "Kokeilut ja pilotit"
    assert rows[0]["todennäköisyys: 3 Kokeilut ja pilotit"] == 0.7
    assert rows[0]["piirre: Monitoimijainen, sektorirajat ylittävä yhteistyö"] == 1
    assert rows[1]["virhe"] == "b.pdf: corrupt" and rows[1]["vaihe"] is None
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width >= 30


def test_the_columns_sheet_maps_headers_to_ids():
    book = _read(xlsx_bytes([sample_result()]))
    legend = {row[0]: row[1] for row in book[COLUMNS_SHEET].iter_rows(min_row=2, values_only=True)}
    assert legend == {FINNISH_HEADERS[c]: c for c in excel_columns()}
    header = [c.value for c in book[RESULTS_SHEET][1]]
    assert [legend[h] for h in header] == excel_columns()


def test_explain_adds_evidence_columns():
    sheet = _read(xlsx_bytes([sample_result(explained=True)], explain=True))[RESULTS_SHEET]
    row = dict(zip((c.value for c in sheet[1]), (c.value for c in sheet[2])))
    assert row["perustelu: vaihe"].startswith("Mallia kokeiltiin syksyllä")
    assert row["perustelu: Monitoimijainen, sektorirajat ylittävä yhteistyö"] == "Järjestö ja kunta tekivät työn yhdessä."
    assert row["perustelu: Yhteinen visio ja tavoite"] is None
