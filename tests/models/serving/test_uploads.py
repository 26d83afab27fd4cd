"""The request size limit (declared and streamed) and uploads held in memory."""

import http.client
import io
import tempfile


from conftest import FINNISH


def _raw_post(server, path: str, headers: dict, chunks) -> tuple[int, dict, bytes]:
    """POST with full control of headers and body chunks; the reply is read even if the body is cut short."""
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.putrequest("POST", path)
    for key, value in headers.items():
        conn.putheader(key, value)
    conn.endheaders()
    try:
        for chunk in chunks:
            conn.send(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server refused the rest, as it should
    response = conn.getresponse()
    result = response.status, dict(response.getheaders()), response.read()
    conn.close()
    return result


def test_declared_size_over_the_limit_is_refused_before_reading(small_server):
    # Claims 10 MB but sends 10 bytes: the answer comes without waiting for the rest.
    status, headers, body = _raw_post(small_server, "/v1/tag", {"Content-Type": "application/json",
                                                                 "Content-Length": str(10_000_000)}, [b'{"text": "'])
    assert status == 413 and headers["content-type"] == "application/problem+json"
    assert b"/problems#too-large" in body and b"0.05 MB" in body
    small_server.assert_alive()


def test_streamed_body_over_the_limit_is_refused_while_counting(small_server, assert_problem):
    def chunks():  # chunked transfer encoding, no Content-Length
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1000
        yield b'"}'

    assert_problem(small_server.post("/v1/tag", data=chunks(), headers={"content-type": "application/json"}),
                   413, "too-large")
    files = {"file": ("iso.txt", io.BytesIO(b"sana " * 20_000))}
    assert_problem(small_server.post("/v1/tag", files=files), 413, "too-large")
    small_server.assert_alive()
    assert small_server.post("/v1/tag", json={"text": FINNISH}).status_code == 200


def test_page_upload_over_the_limit_gets_a_finnish_message(small_server):
    response = small_server.post("/tag", files={"files": ("iso.txt", b"sana " * 20_000)})
    assert response.status_code == 413 and "text/html" in response.headers["content-type"]
    assert "Tiedostot ovat liian suuria: yhteensä enintään 0.05 Mt kerralla." in response.text


def test_uploads_stay_in_memory(server, monkeypatch):
    """An upload above Starlette's 1 MB spooling size never rolls over to a temporary file."""
    opened = []
    real = tempfile.TemporaryFile
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: opened.append(1) or real(*a, **k))
    text = (FINNISH + "\n\n") * 8_000
    assert len(text.encode()) > 1_250_000
    response = server.post("/v1/tag", files={"file": ("pitka.txt", text.encode())})
    assert response.status_code == 200 and response.json()["stage"]
    assert opened == []
