"""The app factory and serve(): token, address binding, the command that starts it all."""

import os
import re
import signal
import subprocess
import sys

import pytest
import requests

from innotag.models.errors import ServeError
from innotag.models.serving.app import TOKEN_COOKIE, bind, create_app

from conftest import FINNISH


def test_token_guards_the_api_and_the_page(tagger, start_server, assert_problem):
    live = start_server(create_app(tagger=tagger, token="s3cret"))
    response = live.post("/v1/tag", json={"text": FINNISH})
    assert_problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_problem(live.post("/v1/tag", json={"text": FINNISH}, headers={"Authorization": "Bearer wrong"}),
                   401, "unauthorized")
    ok = live.post("/v1/tag", json={"text": FINNISH}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    live.assert_alive()  # health needs no token
    assert live.get("/").status_code == 401 and "vaatii tunnuksen" in live.get("/").text
    session = requests.Session()
    response = session.get(live.url + "/?token=s3cret")  # the printed address sets a cookie
    assert response.status_code == 200 and "Tunnista asiakirja" in response.text
    assert session.cookies.get(TOKEN_COOKIE) == "s3cret"
    assert live.get("/?token=väärä").status_code == 401  # a wrong token, even a non-ASCII one, is only refused
    assert "bearer" in live.get("/openapi.json", headers={"Authorization": "Bearer s3cret"}).json()[
        "components"]["securitySchemes"]


def test_limits_must_be_positive(tagger):
    with pytest.raises(ValueError):
        create_app(tagger=tagger, max_size=0)


def test_a_port_in_use_is_a_clear_error():
    sock = bind("127.0.0.1", 0)
    try:
        with pytest.raises(ServeError, match=r"cannot listen on 127\.0\.0\.1:\d+ .*choose another --port"):
            bind("127.0.0.1", sock.getsockname()[1]).close()
    finally:
        sock.close()


def _start(args, env=None):
    return subprocess.Popen([sys.executable, "-c", "from innotag import cli; cli.main()", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_serve_command_prints_its_address_and_answers(trained_model):
    proc = _start(["--model", str(trained_model), "--port", "0", "--host", "0.0.0.0", "--quiet"],
                  env={**os.environ, "INNOTAG_TOKEN": "t0ken"})
    try:
        line = proc.stdout.readline()
        match = re.match(r"innotag: serving on http://0\.0\.0\.0:(\d+)/\?token=t0ken ", line)
        assert match, line + proc.stderr.read() if proc.poll() is not None else line
        url = f"http://127.0.0.1:{match.group(1)}"
        assert requests.get(url + "/v1/health", timeout=30).json() == {"status": "ok"}
        response = requests.post(url + "/v1/tag", json={"text": FINNISH}, headers={"Authorization": "Bearer t0ken"},
                                 timeout=60)
        assert response.json()["stage"]
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in err


def test_serve_warns_when_reachable_without_token(trained_model):
    proc = _start(["--model", str(trained_model), "--port", "0", "--host", "0.0.0.0", "--quiet"],
                  env={k: v for k, v in os.environ.items() if k != "INNOTAG_TOKEN"})
    try:
        assert proc.stdout.readline().startswith("innotag: serving on http://0.0.0.0:")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert "warning: listening on 0.0.0.0" in err and "no authentication" in err


def test_serve_refuses_a_missing_model_before_starting(tmp_path):
    proc = _start(["--model", str(tmp_path)])
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "not an innotag model directory" in err
