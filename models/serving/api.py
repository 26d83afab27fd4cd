"""The REST API under ``/v1``: tag one document or a batch, describe the model, report health.

Both tagging routes take JSON (text) or a multipart upload (files); a record is the same
as a line of ``innotag tag --format jsonl``. Every error is a problem+json body
(:mod:`innotag.models.serving.problems`).
"""

from __future__ import annotations

import dataclasses
import json
from typing import get_type_hints

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from innotag.models.schema import FEATURES, STAGES
from innotag.models.serving.problems import Problem, document_problem, openapi_responses
from innotag.models.serving.service import Source
from innotag.models.serving.uploads import read_form
from innotag.models.tagging.tagger import TagResult
from innotag.nlp.info import tool_version

router = APIRouter(prefix="/v1", tags=["tagging"])
TRUE = ("1", "true", "yes", "on")


class TextDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The document's text (Finnish).")
    id: str | None = Field(None, description="Your name for the document, echoed in the record "
                                             "[default: 'text', or 'text-N' in a batch].")


class TagRequest(TextDocument):
    explain: bool = Field(False, description="Add the terms and evidence sentences of each call.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[TextDocument]
    explain: bool = False


def _record_schema() -> type[BaseModel]:
    """The record's schema, made from :class:`TagResult`'s own fields so that the two cannot drift apart."""
    hints = get_type_hints(TagResult)
    fields = {}
    for field in dataclasses.fields(TagResult):
        default = [] if field.default_factory is list else ... if field.default is dataclasses.MISSING else field.default
        fields[field.name] = (hints[field.name], default)
    fields["explanation"] = (hints["explanation"],
                             Field(None, description="With explain: per call, 'terms' and 'sentences'."))
    return create_model("TagRecord", __doc__="One document's result: the fields of ``innotag tag --format jsonl``.",
                        **fields)


TagRecord = _record_schema()


class ProblemDetails(BaseModel):
    """An error (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str


SCHEMAS = (TagRequest, BatchRequest, TagRecord, ProblemDetails)
_BODY_ERRORS = ("too-large", "wrong-content-type", "malformed-json", "malformed-request", "invalid-request",
                "unauthorized")


def _request_body(json_schema: str, multipart: dict) -> dict:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{json_schema}"}},
        "multipart/form-data": {"schema": multipart}}}}


_EXPLAIN_FIELD = {"type": "boolean", "default": False, "description": "Add the evidence of each call."}


async def _parse(request: Request, model: type[BaseModel], max_files: int):
    """A JSON body validated against ``model``, or (uploads, form fields) of a multipart body."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        body = await request.body()
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise Problem("malformed-json", f"the body is not valid JSON ({exc})") from None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            raise Problem("invalid-request", f"{where}: {first['msg']} ({exc.error_count()} error(s))") from None
    if content_type == "multipart/form-data":
        return await read_form(request, max_files=max_files)
    raise Problem("wrong-content-type", f"send application/json or multipart/form-data, not "
                                        f"'{content_type or '(none)'}'")


@router.post("/tag", summary="Tag one document", response_model=None,
             responses={200: {"model": TagRecord, "description": "The document's record."},
                        **openapi_responses("unreadable-document", "unsupported-type", "empty-document",
                                            *_BODY_ERRORS)},
             openapi_extra=_request_body("TagRequest", {
                 "type": "object", "required": ["file"],
                 "properties": {"file": {"type": "string", "format": "binary",
                                         "description": "PDF, DOCX, HTML, TXT or MD; its name's suffix picks "
                                                        "the reader."},
                                "explain": _EXPLAIN_FIELD}}))
async def tag(request: Request) -> JSONResponse:
    """Tag one text (JSON) or one uploaded file (multipart field `file`). A document that cannot be
    read is an error here (422 or 415); in a batch it is a record with `error` set."""
    parsed = await _parse(request, TagRequest, max_files=2)
    if isinstance(parsed, TagRequest):
        source, explain = Source(id=parsed.id or "text", text=parsed.text), parsed.explain
    else:
        uploads, fields = parsed
        if len(uploads) != 1:
            raise Problem("invalid-request", f"send exactly one file (got {len(uploads)}); "
                                             "for several use /v1/tag-batch")
        source, explain = Source(id=uploads[0].name, data=uploads[0].data), fields.get("explain", "") in TRUE
    tagged, = await request.app.state.service.tag([source], explain)
    if tagged.failure is not None:
        raise document_problem(tagged.failure)
    return JSONResponse(tagged.result.to_dict())


@router.post("/tag-batch", summary="Tag a batch of documents", response_model=None,
             responses={200: {"model": list[TagRecord], "description": "One record per document, in order."},
                        **openapi_responses("too-many-documents", *_BODY_ERRORS)},
             openapi_extra=_request_body("BatchRequest", {
                 "type": "object", "required": ["files"],
                 "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                                "explain": _EXPLAIN_FIELD}}))
async def tag_batch(request: Request) -> JSONResponse:
    """Tag up to the server's --max-batch documents (default 100): JSON texts, or files in multipart
    fields (any field name, e.g. repeated `files`). A document that cannot be read gets its own record
    with `error` set and the rest go on."""
    max_batch = request.app.state.settings.max_batch
    parsed = await _parse(request, BatchRequest, max_files=max_batch + 1)
    if isinstance(parsed, BatchRequest):
        sources = [Source(id=d.id or f"text-{n}", text=d.text) for n, d in enumerate(parsed.documents, 1)]
        explain = parsed.explain
    else:
        uploads, fields = parsed
        sources = [Source(id=u.name, data=u.data) for u in uploads]
        explain = fields.get("explain", "") in TRUE
    if len(sources) > max_batch:
        raise Problem("too-many-documents", f"{len(sources)} documents in one batch; the limit is {max_batch}, "
                                            "split the batch")
    tagged = await request.app.state.service.tag(sources, explain)
    return JSONResponse([t.result.to_dict() for t in tagged])


@router.get("/model", summary="The loaded model: labels, thresholds, model card facts, versions")
async def model_info(request: Request) -> dict:
    loaded = request.app.state.service.tagger.loaded
    meta, settings = loaded.meta, request.app.state.settings
    cv = (meta.get("cross_validation") or {})
    return {
        "labels": {"stages": [_label(s) for s in STAGES], "features": [_label(f) for f in FEATURES]},
        "thresholds": loaded.model.thresholds,
        "model": {"path": str(loaded.path), "created": meta.get("created"), "pipeline": meta.get("pipeline"),
                  "corpus": meta.get("corpus"), "config": meta.get("config"),
                  "cross_validation": {"folds": cv.get("folds"), "scores": cv.get("scores")} if cv else None},
        "versions": {"innotag": tool_version(), "model_innotag": meta.get("innotag_version"),
                     "scikit-learn": meta.get("sklearn_version"), "skops": meta.get("skops_version"),
                     "preprocess": meta.get("preprocess_version"), "format": meta.get("format_version")},
        "limits": {"max_size_bytes": settings.max_size, "max_batch": settings.max_batch},
    }


def _label(label) -> dict:
    data = {"id": label.id, "fi": label.fi, "en": label.en, "about_fi": label.about_fi, "about_en": label.about_en}
    return {"number": label.number, **data} if label.number is not None else data


@router.get("/health", summary="Liveness: answers while documents are being tagged")
async def health(request: Request) -> dict:
    return {"status": "ok"}
