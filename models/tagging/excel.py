"""Tagging results as an Excel workbook, for analysts who open results in Excel.

Sheet "tulokset" has one row per document under one header row of Finnish column names
(frozen, so it stays in view), numbers stored as numbers, and the Finnish stage name
beside the stage id. Sheet "sarakkeet" maps each Finnish header to the column id used in
CSV and JSONL, so a script can read the first sheet with one header row and rename the
columns: ``pandas.read_excel(f)`` then ``.rename(columns=dict(zip(s["otsikko"], s["tunnus"])))``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from innotag.models.tagging.columns import (CSV_COLUMNS, EVIDENCE_COLUMNS, FINNISH_HEADERS, FINNISH_NAMES,
                                            result_row)
from innotag.models.tagging.tagger import TagResult

RESULTS_SHEET, COLUMNS_SHEET = "tulokset", "sarakkeet"
_WIDE = {"id": 40, "path": 40, "stage_name": 28, "flags": 20, "error": 40}
_PROBABILITY_FORMAT = "0.000"


def excel_columns(explain: bool = False) -> list[str]:
    """The CSV's columns with the Finnish stage name beside the stage id."""
    columns = list(CSV_COLUMNS)
    columns.insert(columns.index("stage") + 1, "stage_name")
    return columns + (EVIDENCE_COLUMNS if explain else [])


def xlsx_bytes(results: Iterable[TagResult], explain: bool = False) -> bytes:
    """An .xlsx workbook holding ``results``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = excel_columns(explain)
    book = Workbook()
    sheet = book.active
    sheet.title = RESULTS_SHEET
    sheet.append([FINNISH_HEADERS[c] for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    probability_columns = [i for i, c in enumerate(columns, 1) if c.startswith("p_") or c == "stage_probability"]
    for result in results:
        row = result_row(result, explain)
        row["stage_name"] = FINNISH_NAMES.get(result.stage) if result.stage else None
        sheet.append([row[c] if row[c] != "" else None for c in columns])
        for i in probability_columns:
            sheet.cell(sheet.max_row, i).number_format = _PROBABILITY_FORMAT
    for i, column in enumerate(columns, 1):
        width = 60 if column.startswith("evidence_") else _WIDE.get(column, 14)
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "B2"  # header row and the id column stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{sheet.max_row}"

    legend = book.create_sheet(COLUMNS_SHEET)
    legend.append(["otsikko", "tunnus"])
    for cell in legend[1]:
        cell.font = Font(bold=True)
    for column in columns:
        legend.append([FINNISH_HEADERS[column], column])
    legend.column_dimensions["A"].width = 60
    legend.column_dimensions["B"].width = 32
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
