"""The review loop's API: judgements of one mention, the audit trail, a new judgement, an undo.

Judging needs an editor where sign-in is on, and the account's name is the reviewer; where it is
off (one researcher's own machine), the body names the reviewer. The body is JSON, so a page of
another site cannot post one (a cross-site JSON post needs the server's leave).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, Field

from chronicler.config import Settings
from chronicler.review import FIELDS
from chronicler.web.auth import Caller, Editor, Viewer
from chronicler.web.contract import BAD_BODY, LARGEST_ID, NOT_FOUND

MentionId = Annotated[str, Path(max_length=100)]
JudgementId = Annotated[int, Path(ge=1, le=LARGEST_ID)]
Reviewer = Annotated[str, Field(min_length=1, max_length=100, description="Who judges.")]


class JudgementIn(BaseModel):
    action: Literal["confirm", "correct", "reject", "split", "join"]
    reviewer: Reviewer | None = None
    field: str | None = Field(
        default=None, pattern=f"^({'|'.join(FIELDS)})$", description="For correct: the field."
    )
    value: str | None = Field(
        default=None,
        max_length=500,
        description='For correct: the new value, "" for none; for join: a mention of the other event.',
    )
    note: str | None = Field(default=None, max_length=2000)


class UndoIn(BaseModel):
    reviewer: Reviewer | None = None


def _reviewer(caller: Caller, named: str | None) -> str:
    """The account's name where there is one; else the body's, which must then be given."""
    if caller.name is not None:
        return caller.name
    if named is None:
        raise ValueError("reviewer: name who judges")
    return named


def add_review_routes(app: FastAPI, settings: Settings) -> None:
    from chronicler import service_review

    @app.get("/api/events/{event_id}/judgements", summary="One mention's judgements, newest first")
    def judgements_of(event_id: MentionId, caller: Viewer) -> list[dict[str, Any]]:
        found = service_review.history(settings, mention_id=event_id, limit=500, hidden=caller.hidden)
        return [j.to_json() for j in found]

    @app.post(
        "/api/events/{event_id}/judgements",
        summary="Confirm, correct or reject one mention",
        status_code=201,
        responses=NOT_FOUND | BAD_BODY,
    )
    def judge(
        event_id: Annotated[str, Path(max_length=100)], body: JudgementIn, caller: Editor
    ) -> dict[str, Any]:
        reviewer = _reviewer(caller, body.reviewer)
        found = service_review.judge(
            settings, event_id, body.action, reviewer, field=body.field, value=body.value, note=body.note,
            hidden=caller.hidden,
        )  # fmt: skip
        if found is None:
            raise HTTPException(404, f"no event mention with id {event_id!r}")
        return found.to_json()

    @app.get("/api/judgements", summary="Every judgement, newest first: the audit trail")
    def audit(
        caller: Viewer,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        before: Annotated[
            int | None, Query(ge=1, le=LARGEST_ID, description="The `id` of the last judgement seen.")
        ] = None,
    ) -> list[dict[str, Any]]:
        found = service_review.history(settings, limit=limit, before=before, hidden=caller.hidden)
        return [j.to_json() for j in found]

    @app.post(
        "/api/judgements/{judgement_id}/undo",
        summary="Undo a judgement; it stays in the trail",
        responses=NOT_FOUND | BAD_BODY,
    )
    def undo(
        judgement_id: Annotated[int, Path(ge=1, le=LARGEST_ID)], body: UndoIn, caller: Editor
    ) -> dict[str, Any]:
        found = service_review.undo(settings, judgement_id, _reviewer(caller, body.reviewer), caller.hidden)
        if found is None:
            raise HTTPException(404, f"no judgement {judgement_id}")
        return found.to_json()
