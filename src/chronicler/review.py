"""Reviewers' judgements of stored event mentions: what a judgement is, what a reviewer may write,
and the mention that results. Pure functions over records; the store keeps the judgements and the
service layer reads and writes them.

A reviewer confirms a mention, corrects one field, or rejects it. The extracted mention is never
changed: the reviewed one is computed from it and every judgement not undone, in order, so an undo
is only a matter of leaving one out. Its ``review`` says which fields are a reviewer's and who
judged it. The latest of "confirm" and "reject" decides whether the mention stands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, get_args

from chronicler.consolidate.load import mention_from_json
from chronicler.isodates import iso_bounds
from chronicler.records import EventMention, Location, Modality, Review, ReviewStatus

ACTIONS = ("confirm", "correct", "reject")
# Of consolidated events, keyed by a mention (and a join's second one in new_value): they change
# the groups consolidation makes (consolidate.regroup), never the mention itself.
GROUP_ACTIONS = ("split", "join")
# Field of a correction -> key of the event JSON it replaces.
FIELDS = {
    "event": "event",
    "mode": "mode",
    "date": "date",
    "enddate": "enddate",
    "place": "event_loc",
    "counts": "counts",
    "claimed_by": "claimed_by",
    "modality": "modality",
    "historical": "historical",
}
MODALITIES: tuple[str, ...] = get_args(Modality)
COUNT_KINDS = ("dead", "injured", "arrested", "participants", "other")
MAX_TEXT = 500
_COUNT = re.compile(r"^\s*(?P<kind>[a-z]+)\s*:\s*(?P<low>\d{1,9})(?:\s*-\s*(?P<high>\d{1,9}))?\s*$")


@dataclass(frozen=True)
class Judgement:
    """One reviewer's act on one mention; undone ones stay, with who undid them and when."""

    id: int
    mention_id: str
    action: str
    field: str | None
    old_value: Any  # JSON value of the field as the reviewer saw it (corrections only)
    new_value: Any
    note: str | None
    reviewer: str
    at: dt.datetime
    undone_at: dt.datetime | None = None
    undone_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "mention_id": self.mention_id,
            "action": self.action,
            "field": self.field,
            "old_value": self.old_value,
            "new_value": self.new_value,
            "note": self.note,
            "reviewer": self.reviewer,
            "at": self.at.isoformat(timespec="seconds"),
            "undone_at": self.undone_at.isoformat(timespec="seconds") if self.undone_at else None,
            "undone_by": self.undone_by,
        }


def reviewed(machine: EventMention, judgements: Sequence[Judgement]) -> EventMention:
    """The mention as its judgements not undone leave it (``machine`` unchanged when none)."""
    active = [j for j in judgements if j.undone_at is None and j.action in ACTIONS]
    if not active:
        return replace(machine, review=None)
    record = machine.to_json()
    record.pop("review", None)
    fields: list[str] = []
    stands = True
    for judgement in active:
        if judgement.action == "correct" and judgement.field in FIELDS:
            record[FIELDS[judgement.field]] = judgement.new_value
            if judgement.field not in fields:
                fields.append(judgement.field)
        elif judgement.action in ("confirm", "reject"):
            stands = judgement.action == "confirm"
    status: ReviewStatus = "rejected" if not stands else "corrected" if fields else "confirmed"
    reviewers = tuple(dict.fromkeys(j.reviewer for j in active))
    at = max(j.at for j in active).isoformat(timespec="seconds")
    return replace(mention_from_json(record), review=Review(status, tuple(fields), reviewers, at))


def current_value(mention: EventMention, field: str) -> Any:
    """The JSON value of ``field`` as the mention has it now (the reviewer's "old value")."""
    return mention.to_json()[FIELDS[field]]


def parse_value(
    field: str,
    text: str,
    *,
    mention: EventMention,
    modes: Mapping[str, frozenset[str]],
    find_place: Callable[[str], list[Location]],
) -> Any:
    """The JSON value a reviewer's ``text`` gives ``field``, or ValueError saying what to write.

    event: a PLOVER type; mode: one of the type's modes, or "" for none; date, enddate: ISO 8601,
    reduced as the text supports ("2019-11"), or "" for none; place: a place the gazetteer knows,
    or "" for none; counts: "kind:low" or "kind:low-high", several separated by ";", or "" for
    none; claimed_by: a name, or "" for the outlet's own voice; modality: asserted, negated,
    hedged, future or hypothetical; historical: true or false.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}: correct one of {', '.join(FIELDS)}")
    if len(text) > MAX_TEXT:
        raise ValueError(f"{field}: at most {MAX_TEXT} characters")
    value = text.strip()
    if field == "event":
        if value.upper() not in modes:
            raise ValueError(f"event {value!r} is not a PLOVER type: one of {', '.join(sorted(modes))}")
        if mention.mode is not None and mention.mode not in modes[value.upper()]:
            raise ValueError(f"mode {mention.mode!r} is not one of {value.upper()}'s: correct the mode first "
                             '(to "" for none), then the type')  # fmt: skip
        return value.upper()
    if field == "mode":
        allowed = modes.get(mention.event, frozenset())
        if value and value not in allowed:
            listed = ", ".join(sorted(allowed)) or "none (this type has no modes)"
            raise ValueError(f"mode {value!r} is not one of {mention.event}'s: {listed}")
        return value or None
    if field in ("date", "enddate"):
        if value and (len(value) not in (4, 7, 10) or iso_bounds(value) is None):
            raise ValueError(f"{field} {value!r}: write 2019, 2019-11 or 2019-11-16, or nothing for none")
        return value or None
    if field == "place":
        return _place(value, find_place)
    if field == "counts":
        return [_count(part) for part in value.split(";") if part.strip()]
    if field == "claimed_by":
        return {"entity_text": value, "identifier_id": None, "identifier_text": None, "code": None,
                "sector": None} if value else None  # fmt: skip
    if field == "modality":
        if value not in MODALITIES:
            raise ValueError(f"modality {value!r}: one of {', '.join(MODALITIES)}")
        return value
    if value.lower() not in ("true", "false"):
        raise ValueError(f"historical {value!r}: true or false")
    return value.lower() == "true"


def _place(name: str, find_place: Callable[[str], list[Location]]) -> dict[str, Any] | None:
    if not name:
        return None
    found = find_place(name)
    if not found:
        raise ValueError(
            f"place {name!r} is not in the gazetteer: write a town, province or country it knows"
        )
    if len({(p.resolved_place, p.admin1, p.country_code) for p in found}) > 1:
        listed = "; ".join(
            ", ".join(filter(None, (p.resolved_place, p.admin1, p.country_code))) for p in found[:8]
        )
        raise ValueError(
            f"place {name!r} names several places ({listed}): add the province, as 'Name, Province'"
        )
    return found[0].to_json()


def _count(text: str) -> dict[str, Any]:
    match = _COUNT.match(text)
    if match is None or match["kind"] not in COUNT_KINDS:
        raise ValueError(
            f"count {text.strip()!r}: write kind:low or kind:low-high, kind one of {', '.join(COUNT_KINDS)}"
        )
    low, high = int(match["low"]), int(match["high"]) if match["high"] else None
    if high is not None and high < low:
        raise ValueError(f"count {text.strip()!r}: the high figure is below the low one")
    return {"kind": match["kind"], "low": low, "high": high, "qualifier": "range" if high else "exact",
            "text": text.strip()}  # fmt: skip


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
