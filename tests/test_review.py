"""Judgements applied to a mention, and what a reviewer may write for each field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chronicler.records import EventMention, Location, Span
from chronicler.review import Judgement, current_value, parse_value, reviewed

MODES = {"PROTEST": frozenset({"demo", "strike"}), "ASSAULT": frozenset({"firearms"}), "COERCE": frozenset()}
AHVAZ = Location("Ahvaz", "Ahvaz", 144448, 31.3, 48.7, "Khuzestan", "IR", "city")
MACHINE = EventMention(
    id="ev_1", doc_id="d1", event="PROTEST", mode="demo", text="Crowds gathered in Tehran on Saturday.",
    start=0, end=38, trigger=Span("gathered", 7, 15), extractor="events.rules.v1", confidence=0.7,
    date="2019-11-16",
)  # fmt: skip


def _j(n: int, action: str, field: str | None = None, new: Any = None, *, undone: bool = False) -> Judgement:
    at = dt.datetime(2026, 12, 1, 10, n, tzinfo=dt.UTC)
    return Judgement(n, "ev_1", action, field, None, new, None, f"r{n}", at, at if undone else None)


def _parse(field: str, text: str, mention: EventMention = MACHINE) -> Any:
    return parse_value(
        field, text, mention=mention, modes=MODES, find_place=lambda name: [AHVAZ] * (name == "Ahvaz")
    )


def test_corrections_apply_in_order_and_undone_ones_do_not() -> None:
    found = reviewed(MACHINE, [_j(1, "correct", "date", "2019-11"), _j(2, "correct", "date", "2019-11-17"),
                               _j(3, "correct", "mode", "strike", undone=True)])  # fmt: skip
    assert (found.date, found.mode) == ("2019-11-17", "demo")
    assert found.review is not None and (found.review.status, found.review.fields) == ("corrected", ("date",))
    assert found.review.reviewers == ("r1", "r2") and found.review.at == "2026-12-01T10:02:00+00:00"
    assert found.to_json()["review"]["status"] == "corrected"


def test_the_latest_of_confirm_and_reject_decides() -> None:
    assert reviewed(MACHINE, [_j(1, "confirm"), _j(2, "reject")]).review.status == "rejected"  # type: ignore[union-attr]
    assert reviewed(MACHINE, [_j(1, "reject"), _j(2, "confirm")]).review.status == "confirmed"  # type: ignore[union-attr]
    stays = reviewed(MACHINE, [_j(1, "correct", "event", "ASSAULT"), _j(2, "confirm")])
    assert stays.review is not None and stays.review.status == "corrected"


def test_no_judgement_left_is_the_machine_mention() -> None:
    assert reviewed(MACHINE, [_j(1, "reject", undone=True)]) == MACHINE
    assert "review" not in MACHINE.to_json()  # what extract writes is unchanged


def test_a_place_correction_is_the_gazetteer_s_place() -> None:
    found = reviewed(MACHINE, [_j(1, "correct", "place", _parse("place", "Ahvaz"))])
    assert found.event_loc == AHVAZ
    assert current_value(found, "place")["resolved_place"] == "Ahvaz"


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("event", "protest", "PROTEST"),
        ("mode", "strike", "strike"),
        ("mode", "", None),
        ("date", "2019-11", "2019-11"),
        ("date", " ", None),
        ("enddate", "2019-11-20", "2019-11-20"),
        ("counts", "dead:304; arrested:100-200",
         [{"kind": "dead", "low": 304, "high": None, "qualifier": "exact", "text": "dead:304"},
          {"kind": "arrested", "low": 100, "high": 200, "qualifier": "range", "text": "arrested:100-200"}]),
        ("counts", "", []),
        ("claimed_by", "Amnesty", {"entity_text": "Amnesty", "identifier_id": None, "identifier_text": None,
                                   "code": None, "sector": None}),
        ("claimed_by", "", None),
        ("modality", "hedged", "hedged"),
        ("historical", "True", True),
        ("place", "", None),
    ],
)  # fmt: skip
def test_what_a_reviewer_may_write(field: str, text: str, expected: Any) -> None:
    assert _parse(field, text) == expected


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("event", "RIOT", "not a PLOVER type"),
        ("mode", "firearms", "not one of PROTEST's"),
        ("date", "16 Nov 2019", "write 2019"),
        ("date", "2019-02-30", "write 2019"),
        ("date", "2019-11-16T10", "write 2019"),
        ("counts", "dead 304", "kind:low"),
        ("counts", "wounded:3", "kind:low"),
        ("counts", "dead:30-3", "below the low"),
        ("modality", "certain", "one of asserted"),
        ("historical", "maybe", "true or false"),
        ("place", "Atlantis", "not in the gazetteer"),
        ("actor", "police", "unknown field"),
        ("date", "9" * 600, "at most 500"),
    ],
)
def test_what_a_reviewer_may_not_write(field: str, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _parse(field, text)


def test_a_type_whose_modes_exclude_the_mode_asks_for_the_mode_first() -> None:
    with pytest.raises(ValueError, match="correct the mode first"):
        _parse("event", "ASSAULT")
    assert _parse("event", "COERCE", mention=EventMention(**{**MACHINE.__dict__, "mode": None})) == "COERCE"
