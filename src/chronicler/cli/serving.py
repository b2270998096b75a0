"""``serve``: the REST API over the stored results (chronicler.web)."""

from __future__ import annotations

from typing import Annotated

import typer

from chronicler.cli.common import DbOption, note, settings_for, user_errors


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the stored results as a REST API: /api/events (filters as in `events`, q= to search the
    evidence, pages with cursors), /api/events/ID (the evidence in its article), /api/consolidated and
    /api/consolidated/ID (claims side by side), /api/documents, /api/sources, /api/failures; the OpenAPI
    document at /openapi.json. It listens on this machine only unless --host says otherwise.

    Example: chronicler serve --db ./iran.sqlite --port 8000
    """
    import uvicorn

    from chronicler.web.app import create_app

    settings = settings_for(db)
    with user_errors():
        from chronicler.store import Store

        with Store.open(settings.db_url, create=False):
            pass  # a database that is not there is a usage error now, not a 503 on every call
    note.print(f"serving {settings.db_url} on http://{host}:{port} (Ctrl-C stops)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
