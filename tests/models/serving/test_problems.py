"""Problem bodies (RFC 9457) and the problem type of each reading error."""

import json

import pytest

from innotag.models.serving.problems import MEDIA_TYPE, PROBLEMS, Problem, document_problem, problem_response
from innotag.nlp.errors import DocumentError


def test_problem_body_and_response():
    problem = Problem("too-large", "the request is larger than the limit of 20 MB")
    assert problem.to_dict() == {"type": "/problems#too-large", "title": "Request too large", "status": 413,
                                 "detail": "the request is larger than the limit of 20 MB"}
    response = problem_response(problem, {"X-Test": "1"})
    assert response.status_code == 413 and response.media_type == MEDIA_TYPE
    assert json.loads(response.body)["status"] == 413 and response.headers["x-test"] == "1"


def test_unknown_problem_type_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown problem type"):
        Problem("nope", "x")


@pytest.mark.parametrize("reason,slug", [
    ("unsupported file type '.odt'; supported: .docx", "unsupported-type"),
    ("the document is empty (no text after reading)", "empty-document"),
    ("the PDF is password-protected; save an unprotected copy and try again", "unreadable-document"),
    ("looks like a binary file, not text", "unreadable-document"),
])
def test_document_errors_map_to_problem_types(reason, slug):
    problem = document_problem(DocumentError("a.pdf", reason))
    assert problem.slug == slug and problem.detail == f"a.pdf: {reason}"


def test_every_status_is_an_error_status_with_a_description():
    assert all(400 <= status < 600 and title and when for status, title, when in PROBLEMS.values())
