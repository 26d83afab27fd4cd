"""Errors as ``application/problem+json`` (RFC 9457): every one a registered type with its status.

A :class:`Problem` raised anywhere in a request becomes a body with ``type``, ``title``,
``status`` and ``detail``; the ``type`` URI points at the section of ``/problems`` that
describes it, so a script can branch on it and a person can look it up.
"""

from __future__ import annotations

from starlette.responses import JSONResponse

from innotag.nlp.errors import DocumentError

MEDIA_TYPE = "application/problem+json"

# slug -> (HTTP status, title, when it happens)
PROBLEMS: dict[str, tuple[int, str, str]] = {
    "unreadable-document": (422, "The document cannot be read",
                            "The file is corrupt, password-protected, binary, or a PDF without a text layer."),
    "unsupported-type": (415, "Unsupported file type",
                         "The uploaded file's name does not end in .pdf, .docx, .html, .htm, .txt, .text or .md."),
    "empty-document": (422, "The document is empty", "No text is left after reading the document."),
    "too-large": (413, "Request too large",
                  "The request body is larger than the server's limit (innotag serve --max-size)."),
    "too-many-documents": (413, "Too many documents",
                           "A batch holds more documents than the server's limit (innotag serve --max-batch)."),
    "wrong-content-type": (415, "Wrong content type",
                           "The body is neither application/json nor multipart/form-data."),
    "malformed-json": (400, "Malformed JSON", "The body is not valid JSON."),
    "malformed-request": (400, "Malformed request", "The multipart body cannot be parsed."),
    "invalid-request": (422, "Invalid request", "The JSON is valid but does not match the request schema."),
    "unauthorized": (401, "Unauthorized",
                     "The server was started with a token; send it as 'Authorization: Bearer TOKEN'."),
    "not-found": (404, "Not found", "No such address."),
    "method-not-allowed": (405, "Method not allowed", "The address does not accept this HTTP method."),
    "internal-error": (500, "Internal error",
                       "An unexpected failure while handling this request; the server goes on. Please report it."),
}


class Problem(Exception):
    """A request that cannot be served; ``detail`` is the project's one-line message."""

    def __init__(self, slug: str, detail: str):
        if slug not in PROBLEMS:
            raise ValueError(f"unknown problem type {slug!r}")
        self.slug, self.detail = slug, detail
        super().__init__(detail)

    @property
    def status(self) -> int:
        return PROBLEMS[self.slug][0]

    def to_dict(self) -> dict:
        status, title, _ = PROBLEMS[self.slug]
        return {"type": f"/problems#{self.slug}", "title": title, "status": status, "detail": self.detail}


def problem_response(problem: Problem, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(problem.to_dict(), status_code=problem.status, media_type=MEDIA_TYPE, headers=headers)


def document_problem(exc: DocumentError) -> Problem:
    """The problem type of a document that could not be read, from the reader's reason."""
    if exc.reason.startswith("unsupported file type"):
        return Problem("unsupported-type", str(exc))
    if exc.reason.startswith("the document is empty"):
        return Problem("empty-document", str(exc))
    return Problem("unreadable-document", str(exc))


def openapi_responses(*slugs: str) -> dict:
    """The ``responses`` entry of a route's OpenAPI operation for these problem types."""
    responses: dict = {}
    for slug in slugs:
        status, title, _ = PROBLEMS[slug]
        entry = responses.setdefault(status, {"description": "", "content": {MEDIA_TYPE: {
            "schema": {"$ref": "#/components/schemas/Problem"}}}})
        entry["description"] = "; ".join(filter(None, [entry["description"], title]))
    return responses
