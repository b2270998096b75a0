"""The workspace's pages: static HTML, scripts and styles from the package, no CDN and no tile server.

Each page is a fixed HTML file whose script reads the API (``/api/...``) and inserts every stored
string as text; the id of an event is read by the script from the address, so no stored or
user-given string is ever put into HTML by the server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"
PAGES = {
    "/": "index.html",
    "/sources": "sources.html",
    "/documents": "documents.html",
    "/audit": "audit.html",
    "/consolidated/{event_id}": "consolidated.html",
    "/mentions/{event_id}": "mention.html",
    "/docs": "api-docs.html",
}


def add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for route, name in PAGES.items():
        app.add_api_route(route, _page(STATIC / name), include_in_schema=False, methods=["GET", "HEAD"])


def _page(path: Path) -> Callable[[], FileResponse]:
    def page() -> FileResponse:
        return FileResponse(path, media_type="text/html; charset=utf-8")

    return page
