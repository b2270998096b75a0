"""``serve``: the REST API over the stored results (chronicler.web)."""

from __future__ import annotations

from typing import Annotated

import typer

from chronicler.cli.common import DbOption, err, note, settings_for, user_errors

# Where a server answers only this machine's own programs.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network (sign-in required).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the stored results as a REST API: /api/events (filters as in `events`, q= to search the
    evidence, pages with cursors), /api/events/ID (the evidence in its article), /api/consolidated and
    /api/consolidated/ID (claims side by side), /api/documents, /api/sources, /api/failures; the OpenAPI
    document at /openapi.json. It listens on this machine only unless --host says otherwise.

    Sign-in: whenever the database has accounts (`chronicler users add`), or the server listens on
    anything but this machine, every call needs an account's token (the pages ask for it at /login;
    programs send `Authorization: Bearer TOKEN`): viewers read, editors also review. Listening
    beyond this machine with no account is refused: there is no open server by accident.

    Example: chronicler serve --db ./iran.sqlite --port 8000
    """
    import uvicorn

    from chronicler import service_users
    from chronicler.web.app import create_app

    settings = settings_for(db)
    with user_errors():
        # A database that is not there is a usage error now, not a 503 on every call.
        accounts = service_users.users(settings)
    local = host in LOCAL_HOSTS
    if not local and not accounts:
        err.print(f"[red]error:[/red] {host} is beyond this machine and the database has no accounts: make "
                  "one first (chronicler users add NAME --role admin), or serve on 127.0.0.1")  # fmt: skip
        raise typer.Exit(2)
    sign_in = bool(accounts) or not local
    access = "sign-in required" if sign_in else "no sign-in: this machine only"
    note.print(f"serving {settings.db_shown} on http://{host}:{port} ({access}; Ctrl-C stops)")
    uvicorn.run(create_app(settings, sign_in=sign_in), host=host, port=port, log_level="warning")
