"""Request bodies within a size limit, and uploaded files held in memory only.

The limit is enforced twice: a ``Content-Length`` above it is refused before a byte of the
body is read, and a body without one (chunked) is counted as it streams in and refused as
soon as it passes the limit. Uploaded files never touch the disk: Starlette's parser would
spool parts over 1 MB to a temporary file, so here every part stays in memory, which the
size limit bounds. A client's file name is kept only as a label and for its suffix.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from innotag.models.serving.problems import Problem


def _too_large(limit: int) -> Problem:
    return Problem("too-large", f"the request is larger than the limit of {limit / 1e6:g} MB; "
                                "send fewer or smaller files, or start the server with a larger --max-size")


class BodySizeLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with the ``too-large`` problem."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            # Raised inside the route that reads the body, so the app's handler answers it.
            if declared is not None and declared.isdigit() and int(declared) > self.limit:
                raise _too_large(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _too_large(self.limit)
            return message

        await self.app(scope, limited_receive, send)


class _InMemoryParser(MultiPartParser):
    spool_max_size = sys.maxsize  # parts never roll over to a temporary file; the body limit bounds them


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the client's name (a label, never a path) and its bytes."""

    name: str
    data: bytes


async def read_form(request: Request, max_files: int) -> tuple[list[Upload], dict[str, str]]:
    """The files and the plain fields of a multipart body; a file input left empty gives no upload."""
    parser = _InMemoryParser(request.headers, request.stream(), max_files=max_files, max_fields=50,
                             max_part_size=1024 * 1024)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        if exc.message.startswith("Too many files"):
            raise Problem("too-many-documents", f"more than {max_files - 1} files in one request; "
                                                "send them in several requests") from None
        raise Problem("malformed-request", f"the multipart body cannot be parsed ({exc.message})") from None
    uploads, fields = [], {}
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                if value.filename or data:
                    uploads.append(Upload(value.filename or key, data))
            else:
                fields[key] = value
    finally:
        await form.close()
    return uploads, fields
