"""``users``: the accounts of a database that `chronicler serve` shares with a team."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from chronicler.cli.common import DbOption, err, note, out, refused, settings_for, user_errors

users_app = typer.Typer(
    help="The accounts of a served database: who may read (viewer), also review (editor), also "
    "manage users (admin). `chronicler serve` asks for a token whenever it listens beyond this machine."
    "\n\nExample: chronicler users add ana --role editor",
    no_args_is_help=True,
    rich_markup_mode=None,
)
NameArg = Annotated[str, typer.Argument(help="The user's name, as judgements will record it.")]


class Role(StrEnum):
    viewer = "viewer"
    editor = "editor"
    admin = "admin"


def _print_token(name: str, token: str) -> None:
    out.print(token, highlight=False)
    note.print(
        f"the token of {escape(name)}, shown this once: it is stored only as a hash. Give it to them to "
        "paste into the workspace's sign-in page, or to send as `Authorization: Bearer TOKEN`."
    )


@users_app.command("add")
def add(
    name: NameArg, role: Annotated[Role, typer.Option(help="What the user may do.")], db: DbOption = None
) -> None:
    """Make an account and print its API token, once.

    Example: chronicler users add ana --role editor --db postgresql://team@db.example.org/chronicler
    """
    from chronicler import service_users

    settings = settings_for(db)
    with refused():
        token = service_users.add(settings, name, role.value)
    _print_token(name, token)


@users_app.command("list")
def list_users(db: DbOption = None) -> None:
    """List the accounts: name, role, when made (never a token).

    Example: chronicler users list
    """
    from chronicler import service_users

    settings = settings_for(db)
    with user_errors():
        found = service_users.users(settings)
    table = Table("name", "role", "made", title_justify="left")
    for user in found:
        table.add_row(escape(user.name), user.role, user.created_at.isoformat(timespec="seconds"))
    out.print(table)


@users_app.command("token")
def token(name: NameArg, db: DbOption = None) -> None:
    """Give a user a new token and print it, once; the old one stops working at once.

    Example: chronicler users token ana
    """
    from chronicler import service_users

    settings = settings_for(db)
    with user_errors():
        found = service_users.renew(settings, name)
    if found is None:
        err.print(f"[red]error:[/red] no user named {escape(name)!r}")
        raise typer.Exit(1)
    _print_token(name, found)


@users_app.command("remove")
def remove(name: NameArg, db: DbOption = None) -> None:
    """Delete an account; its token stops working, its judgements keep its name.

    Example: chronicler users remove ana
    """
    from chronicler import service_users

    settings = settings_for(db)
    with user_errors():
        removed = service_users.remove(settings, name)
    if not removed:
        err.print(f"[red]error:[/red] no user named {escape(name)!r}")
        raise typer.Exit(1)
    note.print(f"removed {escape(name)}")
