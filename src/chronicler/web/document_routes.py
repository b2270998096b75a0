"""``POST /api/documents``: an editor adds one article, read as `chronicler ingest` reads a file.

The body is one document in the document format of docs/schema.md (``text`` or ``html``, and
``id``, ``url``, ``title``, ``published``, ``outlet``, ``language`` where known), at most
``CHRONICLER_MAX_BYTES``. It is cleaned, extracted, stored and consolidated before the answer:
201 with the stored document's id and how many event mentions were read, 200 when the same text
was already stored, 422 with the reason when it cannot be read (also kept among the failures).
One posted document is read at a time: extraction is the heavy part, and its worker is shared.
"""

from __future__ import annotations

import json
import threading
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.web.auth import Editor
from chronicler.web.contract import BAD_BODY, Problem

_READING = threading.Lock()
Collection = Annotated[
    str | None, Query(max_length=100, description="The collection to put it in (default: the shared one).")
]


def add_document_routes(app: FastAPI, settings: Settings) -> None:
    from chronicler import service

    def read(value: Any, source: str, collection: str | None) -> tuple[str | None, service.IngestSummary]:
        with _READING:
            return service.ingest_document(settings, value, source, collection)

    @app.post(
        "/api/documents",
        summary="Add one article: cleaned, extracted, stored and consolidated",
        status_code=201,
        responses=BAD_BODY | {
            200: {"description": "The same text was already stored; nothing was written."},
            413: {"model": Problem, "description": "The body is larger than CHRONICLER_MAX_BYTES."},
            422: {"description": "The body is no document: the reason.", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/HTTPValidationError"}}}},
        },
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "description": "A document: text or html, and id, url, title, published, "
            "outlet, language where known (docs/schema.md)."}}}}},
    )  # fmt: skip
    async def add_document(request: Request, caller: Editor, collection: Collection = None) -> JSONResponse:
        if collection in caller.hidden:  # as if it did not exist: its name is no one else's to know
            raise ValueError(f"no collection named {collection!r}")
        body = await _body(request, settings.max_bytes)
        try:
            value = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HTTPException(400, f"the body is not JSON: {exc}") from exc
        source = f"api/{caller.name or 'this machine'}"
        try:
            doc_id, summary = await run_in_threadpool(read, value, source, collection)
        except ChroniclerError as exc:  # an unknown collection: the caller's to fix, not the server's
            if collection is None:
                raise
            raise ValueError(str(exc)) from exc
        if summary.failures:
            raise ValueError(f"the document cannot be read: {summary.failures[0].reason}")
        answer = {"id": doc_id, "stored": bool(summary.stored), "revision": bool(summary.revised),
                  "events": summary.events}  # fmt: skip
        return JSONResponse(answer, status_code=201 if summary.stored else 200)


async def _body(request: Request, largest: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``largest`` bytes (a declared length first)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > largest:
        raise HTTPException(413, f"the document is larger than {largest} bytes (CHRONICLER_MAX_BYTES)")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > largest:
            raise HTTPException(413, f"the document is larger than {largest} bytes (CHRONICLER_MAX_BYTES)")
        chunks.append(chunk)
    return b"".join(chunks)
