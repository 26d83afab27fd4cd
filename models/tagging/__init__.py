"""Applying a model: input expansion, the Tagger, batch runs and output writers.

The output formats, CSV dialects and parallel backends are registered here by name; the
command line reads these names for its choices without importing the model code.
"""

from dataclasses import dataclass

FORMATS = {
    "table": "a fixed-width table for the terminal",
    "jsonl": "one JSON object per document",
    "csv": "one row per document, a column per stage probability and per feature",
    "xlsx": "an Excel workbook: the CSV's columns under Finnish headers, with a sheet naming each column's id",
    "html": "a self-contained report page in Finnish: stage probabilities as bars, features against thresholds",
}
# Written whole at the end of a run (not record by record), so they cannot be resumed.
WHOLE_FILE_FORMATS = ("xlsx", "html")


@dataclass(frozen=True)
class CsvDialect:
    delimiter: str
    decimal: str
    bom: bool
    description: str


CSV_DIALECTS = {
    "standard": CsvDialect(",", ".", False, "comma-separated, decimal point, UTF-8 without BOM (for scripts)"),
    "excel-fi": CsvDialect(";", ",", True, "semicolon-separated, decimal comma, UTF-8 with BOM "
                                           "(opens in Excel set to Finnish)"),
}
# Each worker process loads spaCy and the model (about 5 s) before its first chunk, so on
# 2 cores two workers beat one process only from this many documents on (bench/parallel.py,
# bench/RESULTS.md); smaller batches run in one process whatever --n-jobs says.
PARALLEL_MIN_DOCUMENTS = 150
BACKENDS = {
    "loky": "worker processes on this machine (joblib)",
    "dask": "a Dask cluster (needs innotag[dask] and --scheduler)",
}
