"""The project's base exception and the errors that reading and preprocessing raise.

Every error a user can cause (a bad file, a bad corpus line, a missing model) is an
``InnotagError``. The command line prints its message on one line and exits with 1,
without a traceback; library callers can catch the same types. All of them pickle, since
they cross process boundaries in parallel tagging (loky, Dask).
"""


class InnotagError(Exception):
    """A user error: its message says what went wrong and what to do."""


class DocumentError(InnotagError):
    """A document could not be read or holds no usable text."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        # Exception pickles its message only, which does not fit this __init__.
        return type(self), (self.path, self.reason)


class PipelineError(InnotagError):
    """The requested Finnish preprocessing pipeline cannot be built."""
