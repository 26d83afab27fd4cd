"""Build the server application around one loaded model, and run it.

>>> from innotag.models.serving.app import create_app
>>> app = create_app("path/to/model")        # an ASGI app: uvicorn, or any ASGI server

``serve`` is what ``innotag serve`` calls: it binds the address first (a port in use is a
clear error before the model loads), loads the model once, prints the address and runs
uvicorn until Ctrl-C.
"""

from __future__ import annotations

import hmac
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from pydantic.json_schema import models_json_schema
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse

from innotag.models.errors import ServeError
from innotag.models.serving import DEFAULT_HOST, DEFAULT_PORT, MAX_BATCH, MAX_SIZE_MB, api, page
from innotag.models.serving.problems import Problem, problem_response
from innotag.models.serving.service import TaggingService
from innotag.models.serving.uploads import BodySizeLimit
from innotag.nlp.errors import InnotagError
from innotag.nlp.info import tool_version

TOKEN_COOKIE = "innotag_token"
_OPEN_PATHS = ("/static/", "/v1/health", "/docs-assets/")


MAX_SIZE = MAX_SIZE_MB * 1_000_000


@dataclass(frozen=True)
class Settings:
    max_size: int = MAX_SIZE
    max_batch: int = MAX_BATCH
    token: str | None = None


def create_app(model_dir: str | Path | None = None, *, max_size: int = MAX_SIZE,
               max_batch: int = MAX_BATCH, token: str | None = None, tagger=None) -> FastAPI:
    """The ASGI application with the model at ``model_dir`` (default model if None) loaded once.

    ``max_size`` is the largest request body in bytes, ``max_batch`` the most documents per
    request; with ``token`` every route but health and static files needs it. ``tagger``
    passes an already loaded :class:`~innotag.models.tagging.tagger.Tagger` instead.
    """
    if max_size < 1 or max_batch < 1:
        raise ValueError("max_size and max_batch must be positive")
    if tagger is None:
        from innotag.models.tagging.tagger import Tagger

        tagger = Tagger.load(model_dir)
    app = FastAPI(title="innotag", version=tool_version(), docs_url=None, redoc_url=None,
                  description="Innovation stage and ecosystem features of Finnish project documents. "
                              f"Requests up to {max_size / 1e6:g} MB and {max_batch} documents; errors are "
                              "application/problem+json (RFC 9457), described at /problems.")
    app.state.settings = Settings(max_size, max_batch, token)
    app.state.service = TaggingService(tagger)
    app.state.results = page.ResultStore()
    app.include_router(api.router)
    app.include_router(page.router)
    app.mount("/static", StaticFiles(directory=page.HERE / "static"), name="static")
    _add_docs(app)
    _add_error_handlers(app)
    if token:
        _require_token(app, token)
    app.add_middleware(BodySizeLimit, limit=max_size)
    app.router.on_shutdown.append(app.state.service.close)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/v1/") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    """Every error is a problem+json body on the API and a plain-language page elsewhere; none stops the server."""

    async def on_problem(request: Request, problem: Problem):
        headers = {"WWW-Authenticate": "Bearer"} if problem.slug == "unauthorized" else None
        if _is_api(request):
            return problem_response(problem, headers)
        if problem.slug in ("not-found", "method-not-allowed", "unauthorized", "internal-error"):
            key = {"not-found": "not_found", "unauthorized": "unauthorized"}.get(problem.slug, "internal")
            return page.error_page(request, page.messages.UI[page.language(request)][key], problem.status)
        return page.problem_page(request, problem)

    async def on_http(request: Request, exc: HTTPException):
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "malformed-request")
        return await on_problem(request, Problem(slug, str(exc.detail)))

    async def on_validation(request: Request, exc: RequestValidationError):
        return await on_problem(request, Problem("invalid-request", str(exc.errors()[0].get("msg", exc))))

    async def on_unexpected(request: Request, exc: Exception):
        detail = exc.args[0] if isinstance(exc, InnotagError) and exc.args else type(exc).__name__
        return await on_problem(request, Problem("internal-error", f"the request failed ({detail})"))

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(Exception, on_unexpected)


def _require_token(app: FastAPI, token: str) -> None:
    """Bearer token on the API; on the page, ``/?token=...`` once sets a cookie that the browser then sends."""

    @app.middleware("http")
    async def check_token(request: Request, call_next):
        path = request.url.path
        if path.startswith(_OPEN_PATHS):
            return await call_next(request)
        given = request.headers.get("authorization", "")
        given = given[7:] if given.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE, "")
        query_token = request.query_params.get("token")
        if query_token is not None and not _is_api(request) and hmac.compare_digest(query_token.encode(), token.encode()):
            response = RedirectResponse(path, status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response
        if not hmac.compare_digest(given.encode(), token.encode()):
            problem = Problem("unauthorized", "this server needs a token: send 'Authorization: Bearer TOKEN'")
            if _is_api(request):
                return problem_response(problem, {"WWW-Authenticate": "Bearer"})
            lang = page.language(request)
            return page.error_page(request, page.messages.UI[lang]["unauthorized"], 401)
        return await call_next(request)


def _add_docs(app: FastAPI) -> None:
    """Swagger UI from files installed with the fastapi-offline package (no CDN), and the spec with problem schemas.

    fastapi-offline ships Swagger UI 5, which renders the OpenAPI 3.1 that FastAPI writes;
    only its files are used.
    """
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="innotag API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _, schemas = models_json_schema([(m, "validation") for m in api.SCHEMAS],
                                            ref_template="#/components/schemas/{model}")
            spec.setdefault("components", {}).setdefault("schemas", {}).update(schemas["$defs"])
            spec["components"]["schemas"]["Problem"] = spec["components"]["schemas"].pop("ProblemDetails")
            if app.state.settings.token:
                spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
                spec["security"] = [{"bearer": []}]
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port); a port in use is a one-line error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                         "choose another --port or --host") from None
    sock.listen(128)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(model_dir: str | Path | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
          max_size: int = MAX_SIZE, max_batch: int = MAX_BATCH, token: str | None = None,
          quiet: bool = False) -> None:
    """Run the page and the API until interrupted; prints the address (with the token, if any) on stdout."""
    import uvicorn

    sock = bind(host, port)
    try:
        if host not in ("127.0.0.1", "localhost", "::1") and not token:
            print(f"innotag: warning: listening on {host}, reachable from other machines, with no authentication; "
                  "give --token (or INNOTAG_TOKEN) or bind 127.0.0.1", file=sys.stderr)
        app = create_app(model_dir, max_size=max_size, max_batch=max_batch, token=token)
        url = address(sock)

        def announce() -> None:
            # Said once uvicorn has started and handles Ctrl-C itself, so a stop right after it is clean.
            print(f"innotag: serving on {url}{'?token=' + token if token else ''}  (API docs {url}docs; Ctrl-C stops)",
                  flush=True)

        app.router.on_startup.append(announce)
        config = uvicorn.Config(app, log_level="warning" if quiet else "info", access_log=not quiet)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn shuts down cleanly, then passes Ctrl-C on: the normal way to stop
            pass
        print("innotag: server stopped", file=sys.stderr)
    finally:
        sock.close()
