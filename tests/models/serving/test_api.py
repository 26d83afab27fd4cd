"""The REST API over HTTP against a real uvicorn server: every input kind, the batch, every error case."""

import json

import pytest

from conftest import FINNISH, make_docx, make_pdf

RECORD_KEYS = {"id", "path", "stage", "stage_probability", "stage_probabilities", "expected_stage", "features",
               "feature_probabilities", "thresholds", "ecosystem_score", "flags", "error"}
LONG_FINNISH = " ".join([FINNISH] * 4)


def _files(tmp_path):
    """One document of each readable type, with the same Finnish text."""
    paths = {}
    for suffix, content in ((".txt", LONG_FINNISH), (".md", f"# Hanke\n\n{LONG_FINNISH}\n"),
                            (".html", f"<html><body><nav>Valikko</nav><main><p>{LONG_FINNISH}</p></main></body>")):
        paths[suffix] = tmp_path / f"doc{suffix}"
        paths[suffix].write_text(content, encoding="utf-8")
    paths[".pdf"], paths[".docx"] = tmp_path / "doc.pdf", tmp_path / "doc.docx"
    make_pdf(paths[".pdf"], LONG_FINNISH)
    make_docx(paths[".docx"], [LONG_FINNISH])
    return paths


def test_tag_text_gives_the_jsonl_record(server, tagger):
    response = server.post("/v1/tag", json={"text": LONG_FINNISH, "id": "a"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    record = response.json()
    assert set(record) == RECORD_KEYS  # no explanation unless asked, as in innotag tag
    assert record == json.loads(json.dumps(tagger.tag(LONG_FINNISH, id="a").to_dict()))


def test_tag_text_with_explanation(server):
    record = server.post("/v1/tag", json={"text": LONG_FINNISH, "explain": True}).json()
    assert record["id"] == "text" and record["stage"] is not None
    assert set(record["explanation"]) == {"stage", *record["features"]}
    assert record["explanation"]["stage"]["sentences"]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_tag_each_file_type(server, tmp_path, suffix, tagger):
    path = _files(tmp_path)[suffix]
    with open(path, "rb") as fh:
        response = server.post("/v1/tag", files={"file": (path.name, fh)}, data={"explain": "true"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["id"] == path.name and record["error"] is None and record["stage"] is not None
    assert "explanation" in record
    assert record["stage_probabilities"] == tagger.tag_file(path).stage_probabilities


def test_tag_batch_json_and_files(server, tmp_path):
    documents = [{"text": LONG_FINNISH, "id": "yksi"}, {"text": "Lyhyt teksti hankkeesta."}, {"text": "  "}]
    records = server.post("/v1/tag-batch", json={"documents": documents}).json()
    assert [r["id"] for r in records] == ["yksi", "text-2", "text-3"]
    assert records[0]["stage"] and "short" in records[1]["flags"]
    assert "empty" in records[2]["error"]  # one bad document gets its own record, the rest go on
    paths = _files(tmp_path)
    bad = tmp_path / "rikki.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    files = [("files", (p.name, p.read_bytes())) for p in (paths[".pdf"], bad, paths[".docx"])]
    records = server.post("/v1/tag-batch", files=files, data={"explain": "1"}).json()
    assert [r["id"] for r in records] == ["doc.pdf", "rikki.pdf", "doc.docx"]
    assert records[0]["explanation"] and records[2]["stage"]
    assert records[1]["error"].startswith("rikki.pdf: the PDF is corrupt")


def test_model_and_health(server, tagger):
    info = server.get("/v1/model").json()
    assert [s["id"] for s in info["labels"]["stages"]][0] == "tarve"
    assert all(f["about_fi"] and f["about_en"] for f in info["labels"]["features"])
    assert info["thresholds"] == tagger.model.thresholds
    assert info["versions"]["innotag"] and info["model"]["pipeline"]["route"] == "fast"
    assert info["limits"] == {"max_size_bytes": 20_000_000, "max_batch": 100}
    server.assert_alive()


def test_openapi_spec_and_docs_are_served_from_the_package(server):
    spec = server.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/v1/tag", "/v1/tag-batch", "/v1/model", "/v1/health"}
    body = spec["paths"]["/v1/tag"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "413" in spec["paths"]["/v1/tag-batch"]["post"]["responses"]
    assert {"Problem", "TagRecord", "TagRequest"} <= set(spec["components"]["schemas"])
    docs = server.get("/docs").text
    assert "http://" not in docs.replace(server.url, "") and "https://" not in docs  # nothing from a CDN
    assert server.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert server.get("/problems").status_code == 200


BAD_REQUESTS = [
    # (description, request kwargs, status, problem type)
    ("wrong content type", {"data": "teksti", "headers": {"content-type": "text/plain"}}, 415, "wrong-content-type"),
    ("no content type", {"data": b"teksti"}, 415, "wrong-content-type"),
    ("malformed JSON", {"data": b'{"text": ', "headers": {"content-type": "application/json"}}, 400, "malformed-json"),
    ("JSON that is not UTF-8", {"data": b'{"text": "\xff"}', "headers": {"content-type": "application/json"}},
     400, "malformed-json"),
    ("JSON without text", {"json": {"txt": "x"}}, 422, "invalid-request"),
    ("text not a string", {"json": {"text": 5}}, 422, "invalid-request"),
    ("JSON array", {"json": ["x"]}, 422, "invalid-request"),
    ("empty text", {"json": {"text": " \n "}}, 422, "empty-document"),
    ("unsupported file type", {"files": {"file": ("raportti.odt", b"PK\x03\x04")}}, 415, "unsupported-type"),
    ("unreadable PDF", {"files": {"file": ("raportti.pdf", b"%PDF-1.4 rikki")}}, 422, "unreadable-document"),
    ("not a PDF at all", {"files": {"file": ("raportti.pdf", b"hello")}}, 422, "unreadable-document"),
    ("binary text file", {"files": {"file": ("a.txt", b"\x00\x01\x02" * 50)}}, 422, "unreadable-document"),
    ("empty file", {"files": {"file": ("tyhja.txt", b"")}}, 422, "empty-document"),
    ("two files", {"files": [("file", ("a.txt", b"a")), ("file", ("b.txt", b"b"))]}, 422, "invalid-request"),
    ("no file", {"files": {"explain": (None, "true")}}, 422, "invalid-request"),
    ("a path as file name", {"files": {"file": ("../../etc/passwd", b"root:x:0:0")}}, 415, "unsupported-type"),
    ("broken multipart", {"data": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data"}},
     400, "malformed-request"),
]


@pytest.mark.parametrize("description,kwargs,status,slug", BAD_REQUESTS, ids=[b[0] for b in BAD_REQUESTS])
def test_bad_requests_get_problems_and_the_server_goes_on(server, assert_problem, description, kwargs, status, slug):
    assert_problem(server.post("/v1/tag", **kwargs), status, slug)
    server.assert_alive()
    assert server.post("/v1/tag", json={"text": FINNISH}).status_code == 200


def test_not_found_and_wrong_method_are_problems(server, assert_problem):
    assert_problem(server.get("/v1/nothing"), 404, "not-found")
    assert_problem(server.get("/v1/tag"), 405, "method-not-allowed")
    server.assert_alive()


def test_batch_limits(small_server, assert_problem):
    texts = [{"text": FINNISH}] * 4
    body = assert_problem(small_server.post("/v1/tag-batch", json={"documents": texts}), 413, "too-many-documents")
    assert "limit is 3" in body["detail"]
    files = [("files", (f"{n}.txt", FINNISH.encode())) for n in range(5)]
    assert_problem(small_server.post("/v1/tag-batch", files=files), 413, "too-many-documents")
    assert_problem(small_server.post("/v1/tag-batch", json={"docs": []}), 422, "invalid-request")
    assert len(small_server.post("/v1/tag-batch", json={"documents": texts[:3]}).json()) == 3
    small_server.assert_alive()
