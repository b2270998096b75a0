"""``chronicler review``: confirm, correct or reject a stored event mention, list the judgements,
show one mention's, undo one. Every view and export then reads the reviewed values."""

from __future__ import annotations

import getpass
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from chronicler.cli.common import DbOption, err, note, out, refused, settings_for
from chronicler.text.safe import clean_name

if TYPE_CHECKING:
    from chronicler.review import Judgement

review_app = typer.Typer(
    help="Review stored event mentions: confirm, correct or reject one; list, show or undo judgements."
    "\n\nExample: chronicler review correct ev_0123456789abcdef0123 date 2019-11-16",
    no_args_is_help=True,
)

MentionArg = Annotated[str, typer.Argument(help="An event-mention id, as `chronicler events` lists it.")]
ReviewerOption = Annotated[
    str | None,
    typer.Option("--reviewer", help="Who judges: recorded with the judgement. Default: your login name."),
]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why: kept with the judgement.")]
JsonOption = Annotated[bool, typer.Option("--json", help="One judgement a line, as JSON.")]


def _who(reviewer: str | None) -> str:
    return reviewer if reviewer is not None else getpass.getuser()


def _line(j: Judgement) -> str:
    what = (
        j.action if j.field is None else f"correct {j.field}: {json.dumps(j.old_value, ensure_ascii=False)}"
    )
    what += "" if j.field is None else f" -> {json.dumps(j.new_value, ensure_ascii=False)}"
    undone = f"  [undone {j.undone_at:%Y-%m-%d %H:%M} by {j.undone_by}]" if j.undone_at else ""
    why = f"  ({j.note})" if j.note else ""
    return f"#{j.id}  {j.at:%Y-%m-%d %H:%M}  {j.reviewer}  {j.mention_id}  {what}{why}{undone}"


def _print(found: list[Judgement], as_json: bool) -> None:
    for j in found:
        if as_json:
            sys.stdout.write(json.dumps(j.to_json(), ensure_ascii=False) + "\n")
        else:
            out.print(escape(clean_name(_line(j)) or ""), highlight=False, soft_wrap=True)


def _judge(
    mention_id: str,
    action: str,
    reviewer: str | None,
    db: str | None,
    *,
    remark: str | None,
    field: str | None = None,
    value: str | None = None,
) -> None:
    from chronicler import service_review

    settings = settings_for(db)
    with refused():
        found = service_review.judge(
            settings, mention_id, action, _who(reviewer), field=field, value=value, note=remark
        )
    if found is None:
        err.print(
            f"[red]error:[/red] no event mention with id {escape(repr(mention_id))} in {settings.db_shown}"
        )
        raise typer.Exit(1)
    _print([found], as_json=False)
    if action in ("split", "join"):
        note.print("consolidated again: the events are regrouped, now and at every later consolidation")
    else:
        note.print("every view, export and the next `chronicler consolidate` read the reviewed mention")


def confirm(mention_id: MentionArg, reviewer: ReviewerOption = None, note_: NoteOption = None,
            db: DbOption = None) -> None:  # fmt: skip
    """Confirm a mention as the machine read it.

    Example: chronicler review confirm ev_0123456789abcdef0123 --note "checked against the article"
    """
    _judge(mention_id, "confirm", reviewer, db, remark=note_)


def correct(
    mention_id: MentionArg,
    field: Annotated[
        str,
        typer.Argument(help="event, mode, date, enddate, place, counts, claimed_by, modality or historical."),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help='The new value; "" for none. counts: "dead:304" or "dead:200-300", several separated by ";".'
        ),
    ],
    reviewer: ReviewerOption = None,
    note_: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Correct one field of a mention; the machine's value is kept with the judgement.

    A place is one the gazetteer knows ("Ahvaz", or "Ahvaz, Khuzestan" among several); a date is
    ISO 8601 reduced as the text supports (2019, 2019-11, 2019-11-16).

    Example: chronicler review correct ev_0123456789abcdef0123 date 2019-11-16 --note "the article's dateline"
    """
    _judge(mention_id, "correct", reviewer, db, field=field, value=value, remark=note_)


def reject(mention_id: MentionArg, reviewer: ReviewerOption = None, note_: NoteOption = None,
           db: DbOption = None) -> None:  # fmt: skip
    """Reject a mention: it stays stored, with its judgement, but lists, exports and consolidation
    leave it out.

    Example: chronicler review reject ev_0123456789abcdef0123 --note "a quote from a film review"
    """
    _judge(mention_id, "reject", reviewer, db, remark=note_)


def list_judgements(
    limit: Annotated[int, typer.Option("--limit", min=1, max=500, help="How many, newest first.")] = 100,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List the judgements, newest first: the audit trail of the database.

    Example: chronicler review list --limit 20
    """
    from chronicler import service_review

    settings = settings_for(db)
    with refused():
        found = service_review.history(settings, limit=limit)
    _print(found, as_json)
    note.print(f"{len(found)} judgement(s)")


def show(mention_id: MentionArg, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show the judgements of one mention, newest first, undone ones included.

    Example: chronicler review show ev_0123456789abcdef0123
    """
    from chronicler import service_review

    settings = settings_for(db)
    with refused():
        found = service_review.history(settings, mention_id=mention_id, limit=500)
    _print(found, as_json)
    note.print(f"{len(found)} judgement(s) of {mention_id}")


def undo(
    judgement_id: Annotated[
        int, typer.Argument(help="A judgement's number, as `review list` shows it (#12).")
    ],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Undo a judgement: its mention is read again from the machine's values and the judgements that
    remain; the undone one stays in the history, marked with who undid it and when.

    Example: chronicler review undo 12
    """
    from chronicler import service_review

    settings = settings_for(db)
    with refused():
        found = service_review.undo(settings, judgement_id, _who(reviewer))
    if found is None:
        err.print(f"[red]error:[/red] no judgement #{judgement_id} in {settings.db_shown}")
        raise typer.Exit(1)
    _print([found], as_json=False)


def split(mention_id: MentionArg, reviewer: ReviewerOption = None, note_: NoteOption = None,
          db: DbOption = None) -> None:  # fmt: skip
    """Take a mention out of its consolidated event: it is an event of its own, at every later
    consolidation too, until the judgement is undone.

    Example: chronicler review split ev_0123456789abcdef0123 --note "another day's protest"
    """
    _judge(mention_id, "split", reviewer, db, remark=note_)


def join(
    mention_id: MentionArg,
    other: Annotated[str, typer.Argument(help="A mention of the other consolidated event.")],
    reviewer: ReviewerOption = None,
    note_: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Put the consolidated events of two mentions together, at every later consolidation too,
    until the judgement is undone.

    Example: chronicler review join ev_0123456789abcdef0123 ev_3210fedcba9876543210 --note "one raid"
    """
    _judge(mention_id, "join", reviewer, db, value=other, remark=note_)


review_app.command("confirm")(confirm)
review_app.command("correct")(correct)
review_app.command("reject")(reject)
review_app.command("split")(split)
review_app.command("join")(join)
review_app.command("list")(list_judgements)
review_app.command("show")(show)
review_app.command("undo")(undo)
