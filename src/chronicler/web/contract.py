"""What the OpenAPI document promises beyond FastAPI's defaults: the error bodies it names, and an
``Allow`` header that lists every method of a path (schemathesis checks both against the server)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from pydantic import BaseModel
from starlette.routing import Match


class Problem(BaseModel):
    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such id is stored."}}
BAD_BODY: dict[int | str, dict[str, Any]] = {400: {"model": Problem, "description": "The body is not JSON."}}
LARGEST_ID = 2**62  # ids and cursors within what SQLite and PostgreSQL integers hold


def allow_every_method(app: FastAPI) -> None:
    """A 405 answer's ``Allow`` names every method of every route on the path, not only those of the
    first route that matched it (a path read with GET and written with POST has two routes)."""

    @app.middleware("http")
    async def allow(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if response.status_code == 405:
            methods: set[str] = set()
            for route in app.router.routes:
                match, _ = route.matches({**request.scope, "method": "GET"})
                if match is not Match.NONE:
                    methods |= set(getattr(route, "methods", None) or ())
            response.headers["Allow"] = ", ".join(sorted(methods))
        return response
