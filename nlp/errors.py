"""The project's own exception types.

Every error a user can cause (a bad file, a bad corpus line, a missing model) is an
``InnotagError``. The command line prints its message on one line and exits with 1,
without a traceback; library callers can catch the same types.
"""


class InnotagError(Exception):
    """A user error: its message says what went wrong and what to do."""


class DocumentError(InnotagError):
    """A document could not be read or holds no usable text."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class PipelineError(InnotagError):
    """The requested Finnish preprocessing pipeline cannot be built."""


class CorpusError(InnotagError):
    """An annotated corpus is malformed."""


class ModelError(InnotagError):
    """A model directory is missing, incompatible or not trustworthy."""


class OutputError(InnotagError):
    """An output file cannot be written (for example it exists and --force was not given)."""
