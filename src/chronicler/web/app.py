"""The FastAPI application: routes that hand their validated parameters to the service layer and
its records' JSON back, nothing more.

Every answer carries a strict Content-Security-Policy (``default-src 'self'``), ``nosniff`` and no
referrer. FastAPI's own API-docs pages load their scripts from a CDN, so they are off: ``/docs``
is Swagger UI served from the package (``pages.py``) over the OpenAPI document at
``/openapi.json``. Errors: 404 for an id that is not stored, 422 for a parameter that can match
nothing (an unknown type, a bad date, a cursor this server did not give), 503 when the database
cannot be opened.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from chronicler import __version__
from chronicler.config import Settings
from chronicler.errors import ChroniclerError
from chronicler.records import FAILURE_CODES
from chronicler.web.admin_routes import add_admin_routes
from chronicler.web.auth import DENIED, Viewer, add_sign_in, readers
from chronicler.web.contract import NOT_FOUND, Problem, allow_every_method
from chronicler.web.document_routes import add_document_routes
from chronicler.web.pages import add_pages
from chronicler.web.review_routes import add_review_routes

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The API documentation page (/docs): Swagger UI's stylesheet draws its icons as data: SVG images,
# which an <img> or a background never runs; everything else as strict as the other pages.
DOCS_POLICY = HEADERS["Content-Security-Policy"] + "; img-src 'self' data:"
Limit = Annotated[int, Query(ge=1, le=500, description="Items in a page.")]
Cursor = Annotated[
    str | None, Query(min_length=1, max_length=400, description="The `next` of the previous page.")
]
Text = Annotated[str | None, Query(max_length=200)]
Identifier = Annotated[str, Path(max_length=100)]
Day = Annotated[
    str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date.")
]

EventType = Annotated[str | None, Query(max_length=20, description="PLOVER type, e.g. ASSAULT.")]
Words = Annotated[
    str | None,
    Query(min_length=1, max_length=200, description="Words the evidence holds, each of them, in any order."),
]
Country = Annotated[str | None, Query(max_length=60, description="ISO code or English name.")]


def event_filters(
    type: EventType = None,
    since: Day = None,
    until: Day = None,
    place: Text = None,
    country: Country = None,
    historical: bool | None = None,
    q: Words = None,
) -> dict[str, Any]:
    """The filters of the event lists, as the service layer names them."""
    return {"event": type.upper() if type else None, "since": since, "until": until, "place": place,
            "country": country, "historical": historical, "text": q}  # fmt: skip


def create_app(settings: Settings, *, sign_in: bool = False) -> FastAPI:
    """The API and pages over ``settings.db_url``; ``sign_in`` asks every caller for an account
    (``chronicler.web.auth``)."""
    from chronicler import service, service_filters, service_pages, service_sources

    app = FastAPI(
        title="chronicler", version=__version__, docs_url=None, redoc_url=None,
        responses={**DENIED, 503: {"model": Problem, "description": "The database cannot be opened."}},
        dependencies=[Depends(readers)],
    )  # fmt: skip
    allow_every_method(app)
    add_sign_in(app, settings, sign_in)

    @app.middleware("http")
    async def secure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(HEADERS)
        if request.url.path == "/docs":
            response.headers["Content-Security-Policy"] = DOCS_POLICY
        return response

    @app.exception_handler(ValueError)
    async def unprocessable(_: Request, exc: ValueError) -> JSONResponse:
        # The shape of FastAPI's own 422, so that one schema describes every 422 the API gives.
        return JSONResponse({"detail": [{"loc": ["request"], "msg": str(exc), "type": "value_error"}]}, 422)

    @app.exception_handler(ChroniclerError)
    async def unavailable(_: Request, exc: ChroniclerError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/api/events", summary="Event mentions, filtered, a page at a time")
    def events(
        filters: Annotated[dict[str, Any], Depends(event_filters)],
        caller: Viewer,
        limit: Limit = 50,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        page = service_pages.events_page(
            settings, limit=limit, cursor=cursor, hidden=caller.hidden, **filters
        )
        return {"items": [m.to_json() for m in page.items], "next": page.next}

    @app.get("/api/timeline", summary="Event mentions dated to the day, counted by day and type")
    def timeline(
        filters: Annotated[dict[str, Any], Depends(event_filters)], caller: Viewer
    ) -> list[dict[str, Any]]:
        return service_pages.timeline(settings, hidden=caller.hidden, **filters)

    @app.get("/api/map", summary="Consolidated events with a point where they happened in a town")
    def map_points(
        caller: Viewer, type: EventType = None, since: Day = None, until: Day = None, country: Country = None
    ) -> list[dict[str, Any]]:
        return service_pages.map_points(
            settings, event=type, since=since, until=until, country=country, hidden=caller.hidden
        )

    @app.get("/api/types", summary="The PLOVER event types a filter may name")
    def types() -> dict[str, list[str]]:
        return {"types": service_filters.event_types(settings)}

    @app.get(
        "/api/events/{event_id}",
        summary="One event mention with its evidence in its article",
        responses=NOT_FOUND,
    )
    def event(event_id: Identifier, caller: Viewer) -> dict[str, Any]:
        found = service_pages.event_in_context(settings, event_id, caller.hidden)
        if found is None:
            raise HTTPException(404, f"no event mention with id {event_id!r}")
        return {"event": found.event.to_json(), "document": found.document, "before": found.before,
                "evidence": found.evidence, "after": found.after}  # fmt: skip

    @app.get("/api/consolidated", summary="Consolidated events, in order of first report")
    def consolidated(caller: Viewer, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
        page = service_pages.consolidated_page(settings, limit=limit, cursor=cursor, hidden=caller.hidden)
        return {"items": [e.to_json() for e in page.items], "next": page.next}

    @app.get(
        "/api/consolidated/{event_id}",
        summary="One consolidated event with its claims side by side",
        responses=NOT_FOUND,
    )
    def claims(event_id: Identifier, caller: Viewer) -> dict[str, Any]:
        found = service.claims_view(settings, event_id, caller.hidden)
        if found is None:
            raise HTTPException(404, f"no consolidated event with id {event_id!r}")
        kinds = [{"kind": k.kind, "acled_conservative": k.acled, "ucdp": {"low": k.ucdp[0], "best": k.ucdp[1],
                  "high": k.ucdp[2]}, "claims": [vars(r) for r in k.rows]} for k in found.kinds]  # fmt: skip
        return {"event": found.event.to_json(), "kinds": kinds}

    @app.get("/api/documents", summary="Stored documents with their numbers of event mentions")
    def documents(caller: Viewer, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
        page = service_pages.documents_page(settings, limit=limit, cursor=cursor, hidden=caller.hidden)
        return {"items": page.items, "next": page.next}

    @app.get("/api/sources", summary="Outlets of the stored documents")
    def sources(caller: Viewer) -> list[dict[str, Any]]:
        return [vars(row) for row in service_sources.sources_view(settings, caller.hidden)]

    @app.get("/api/failures", summary="Inputs set aside, with their reasons")
    def failures(
        caller: Viewer,
        code: Annotated[str | None, Query(pattern=f"^({'|'.join(sorted(FAILURE_CODES))})$")] = None,
    ) -> list[dict[str, Any]]:
        return [
            {"source": f.failure.source, "code": f.failure.code, "reason": f.failure.reason,
             "recorded_at": f.recorded_at.isoformat(timespec="seconds")}
            for f in service.list_failures(settings, code=code, hidden=caller.hidden)
        ]  # fmt: skip

    add_review_routes(app, settings)
    add_document_routes(app, settings)
    add_admin_routes(app, settings)
    add_pages(app)
    return app
