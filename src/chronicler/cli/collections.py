"""``collections``: named sets of documents; a private one is seen only by its members."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from chronicler.cli.common import DbOption, err, note, out, refused, settings_for, user_errors

collections_app = typer.Typer(
    help="Named sets of documents. `chronicler ingest --collection NAME` puts documents in one; a private "
    "collection's documents, and all that is read from them, are seen on a served database only by its "
    "members; everything else is the shared collection, which every account sees.\n\n"
    "Example: chronicler collections add witness-reports --private",
    no_args_is_help=True,
    rich_markup_mode=None,
)
NameArg = Annotated[str, typer.Argument(help="The collection's name: letters, digits, '-', '_' and '.'.")]
UserArg = Annotated[str, typer.Argument(help="An account's name (`chronicler users list`).")]


@collections_app.command("add")
def add(
    name: NameArg,
    private: Annotated[bool, typer.Option("--private/--public", help="Seen only by its members.")] = False,
    db: DbOption = None,
) -> None:
    """Make a collection (public unless --private).

    Example: chronicler collections add witness-reports --private --db postgresql://team@db.example.org/chronicler
    """
    from chronicler import service_collections

    settings = settings_for(db)
    with refused():
        service_collections.add(settings, name, private=private)
    note.print(f"made the {'private' if private else 'public'} collection {escape(name)}")


@collections_app.command("list")
def list_collections(db: DbOption = None) -> None:
    """List the collections: private or public, members, documents.

    Example: chronicler collections list
    """
    from chronicler import service_collections

    settings = settings_for(db)
    with user_errors():
        found = service_collections.collections(settings)
    table = Table("collection", "private", "members", "documents", title_justify="left")
    for c in found:
        members = ", ".join(c.members) or ("nobody yet" if c.private else "-")
        table.add_row(escape(c.name), "yes" if c.private else "no", escape(members), str(c.documents))
    out.print(table)


@collections_app.command("grant")
def grant(name: NameArg, user: UserArg, db: DbOption = None) -> None:
    """Let an account see a private collection.

    Example: chronicler collections grant witness-reports ana
    """
    from chronicler import service_collections

    settings = settings_for(db)
    with user_errors():
        service_collections.grant(settings, name, user)
    note.print(f"{escape(user)} is a member of {escape(name)}")


@collections_app.command("revoke")
def revoke(name: NameArg, user: UserArg, db: DbOption = None) -> None:
    """Stop an account seeing a private collection (at its next request).

    Example: chronicler collections revoke witness-reports ana
    """
    from chronicler import service_collections

    settings = settings_for(db)
    with user_errors():
        removed = service_collections.revoke(settings, name, user)
    if not removed:
        err.print(f"[red]error:[/red] {escape(user)} is no member of {escape(name)}")
        raise typer.Exit(1)
    note.print(f"{escape(user)} is no longer a member of {escape(name)}")
