"""Applying a model: input expansion, the Tagger, batch runs and output writers.

The output formats and the parallel backends are registered here by name; the command
line reads these names for its choices without importing the model code.
"""

FORMATS = {
    "table": "a fixed-width table for the terminal",
    "jsonl": "one JSON object per document",
    "csv": "one row per document, a column per stage probability and per feature",
}
BACKENDS = {
    "loky": "worker processes on this machine (joblib)",
    "dask": "a Dask cluster (needs innotag[dask] and --scheduler)",
}
