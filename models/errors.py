"""Errors raised by corpus handling, models and output writing (all :class:`InnotagError`)."""

from pathlib import Path

from innotag.nlp.errors import InnotagError


class CorpusError(InnotagError):
    """An annotated corpus is malformed."""


class ModelError(InnotagError):
    """A model directory is missing, incompatible or not trustworthy."""


class InputError(InnotagError):
    """The inputs named hold no document to tag."""


class OutputError(InnotagError):
    """An output file cannot be written (for example it exists and --force was not given)."""


class ServeError(InnotagError):
    """The server cannot start (for example its port is in use)."""


def check_can_write(output: str | Path, force: bool) -> None:
    """Refuse to overwrite an existing file or directory unless ``force`` is given."""
    if Path(output).exists() and not force:
        raise OutputError(f"{output} already exists; use --force to overwrite it")
