"""A real server (uvicorn on a free port, in a background thread) around the test session's model."""

from __future__ import annotations

import threading
import time

import pytest
import requests

PROBLEM_JSON = "application/problem+json"


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 at a free port until :meth:`stop`."""

    def __init__(self, app):
        import uvicorn

        from innotag.models.serving.app import address, bind

        self.app = app
        sock = bind("127.0.0.1", 0)
        self.url = address(sock).rstrip("/")
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def get(self, path, **kwargs):
        return requests.get(self.url + path, timeout=60, **kwargs)

    def post(self, path, **kwargs):
        return requests.post(self.url + path, timeout=120, **kwargs)

    def assert_alive(self):
        assert self.get("/v1/health").json() == {"status": "ok"}

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="session")
def tagger(trained_model):
    from innotag.models.tagging.tagger import Tagger

    return Tagger.load(trained_model)


@pytest.fixture
def start_server():
    """Start a server for one test's own app; stopped after the test."""
    started = []
    yield lambda app: started.append(LiveServer(app)) or started[-1]
    for live in started:
        live.stop()


@pytest.fixture(scope="session")
def server(tagger):
    """The default limits: 20 MB, 100 documents."""
    from innotag.models.serving.app import create_app

    live = LiveServer(create_app(tagger=tagger))
    yield live
    live.stop()


@pytest.fixture(scope="session")
def small_server(tagger):
    """Small limits, to test refusals cheaply: 50 kB, 3 documents."""
    from innotag.models.serving.app import create_app

    live = LiveServer(create_app(tagger=tagger, max_size=50_000, max_batch=3))
    yield live
    live.stop()


@pytest.fixture
def assert_problem():
    """Check a problem+json response: its status, type, and a one-line detail without a traceback."""
    return _assert_problem


def _assert_problem(response, status: int, slug: str):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    body = response.json()
    assert body["type"] == f"/problems#{slug}" and body["status"] == status
    assert body["title"] and body["detail"] and "Traceback" not in body["detail"]
    return body
