"""The web page: upload or paste, see the calls with their evidence, download the results.

Plain server-rendered HTML (Jinja2) that works without JavaScript; ``static/page.js``
adds dropping files and folders and highlighting a feature's evidence in the text. A
submission is tagged, kept in memory under an unguessable id (the last
:data:`KEPT_RUNS` only) and shown at ``/results/<id>``, which the language switch and the
downloads reuse without tagging again.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from pathlib import Path
from threading import Lock

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from innotag.models.serving import messages
from innotag.models.serving.problems import PROBLEMS, Problem
from innotag.models.serving.service import Source, Tagged
from innotag.models.serving.uploads import read_form
from innotag.models.serving.view import document_view
from innotag.models.tagging.output import results_to_bytes

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)
KEPT_RUNS = 16
DOWNLOADS = {"csv": "text/csv; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class ResultStore:
    """The most recent runs by id, oldest dropped first, so memory stays bounded."""

    def __init__(self, size: int = KEPT_RUNS):
        self.size, self._runs, self._lock = size, OrderedDict(), Lock()

    def add(self, tagged: list[Tagged]) -> str:
        run_id = secrets.token_urlsafe(12)
        with self._lock:
            self._runs[run_id] = tagged
            while len(self._runs) > self.size:
                self._runs.popitem(last=False)
        return run_id

    def get(self, run_id: str) -> list[Tagged] | None:
        with self._lock:
            return self._runs.get(run_id)


def language(request: Request) -> str:
    lang = request.query_params.get("lang", "fi")
    return lang if lang in messages.LANGUAGES else "fi"


def render(request: Request, name: str, lang: str, status_code: int = 200, **context) -> HTMLResponse:
    settings = request.app.state.settings
    ui = {key: value.format(max_batch=settings.max_batch, max_size=f"{settings.max_size / 1e6:g}")
          if "{max_" in value else value for key, value in messages.UI[lang].items()}
    other = "en" if lang == "fi" else "fi"
    return templates.TemplateResponse(request, name, {"lang": lang, "other_lang": other, "t": ui, **context},
                                      status_code=status_code)


def error_page(request: Request, message: str, status_code: int) -> HTMLResponse:
    return render(request, "index.html", language(request), status_code=status_code, message=message)


def problem_page(request: Request, problem: Problem) -> HTMLResponse:
    """A problem on the page, in plain words."""
    lang, settings = language(request), request.app.state.settings
    pair = messages.PROBLEMS.get(problem.slug)
    text = (messages.pick(pair, lang).format(max_batch=settings.max_batch, max_size=f"{settings.max_size / 1e6:g}")
            if pair else messages.read_error_message(problem.detail, lang))
    return error_page(request, text, problem.status)


@router.get("/", response_class=HTMLResponse)
async def index(request: Request):
    return render(request, "index.html", language(request))


@router.post("/tag")
async def tag(request: Request):
    settings = request.app.state.settings
    uploads, fields = await read_form(request, max_files=settings.max_batch + 1)
    lang = fields.get("lang") if fields.get("lang") in messages.LANGUAGES else "fi"
    sources = [Source(id=u.name, data=u.data) for u in uploads]
    if fields.get("text", "").strip():
        sources.append(Source(id=messages.pick(("liitetty teksti", "pasted text"), lang), text=fields["text"]))
    if not sources:
        return render(request, "index.html", lang, status_code=422, message=messages.UI[lang]["nothing"])
    if len(sources) > settings.max_batch:
        raise Problem("too-many-documents", f"{len(sources)} documents; the limit is {settings.max_batch}")
    tagged = await request.app.state.service.tag(sources, explain=True)
    run_id = request.app.state.results.add(tagged)
    return RedirectResponse(f"/results/{run_id}?lang={lang}", status_code=303)


@router.get("/results/{run_id}", response_class=HTMLResponse)
async def results(request: Request, run_id: str):
    lang = language(request)
    tagged = request.app.state.results.get(run_id)
    if tagged is None:
        return render(request, "index.html", lang, status_code=404, message=messages.UI[lang]["expired"])
    documents = [document_view(t, n, lang) for n, t in enumerate(tagged, 1)]
    return render(request, "results.html", lang, run_id=run_id, documents=documents)


@router.get("/results/{run_id}/download.{fmt}")
async def download(request: Request, run_id: str, fmt: str):
    tagged = request.app.state.results.get(run_id)
    if tagged is None or fmt not in DOWNLOADS:
        return error_page(request, messages.UI[language(request)]["expired" if tagged is None else "not_found"], 404)
    # CSV for Excel set to Finnish (semicolons, decimal comma) on the Finnish page, plain CSV on the English one
    data = results_to_bytes([t.result for t in tagged], fmt, explain=True,
                            csv_dialect="excel-fi" if language(request) == "fi" else "standard")
    return Response(data, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="innotag-tulokset.{fmt}"'})


@router.get("/problems", response_class=HTMLResponse)
async def problems(request: Request):
    return render(request, "problems.html", language(request), problems=PROBLEMS)

