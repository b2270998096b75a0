"""Quality-floor arithmetic: figures by dotted path, rounding down, shortfalls, the floor file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronicler.errors import InputError
from chronicler.evaluate.floor import Shortfall, figure, floors_from, load_floors, round_down, shortfalls

RESULT: dict[str, Any] = {
    "events_all": {"p": 0.809, "r": 0.688, "f1": 0.743, "tp": 55},
    "attributes": {"date": 0.745, "counts": None},
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("events_all.f1", 0.743),
        ("events_all.tp", 55.0),
        ("attributes.date", 0.745),
        ("attributes.counts", None),  # no matched pair had figures
        ("attributes.place", None),
        ("events_all", None),
        ("nothing.f1", None),
    ],
)
def test_figure(name: str, expected: float | None) -> None:
    assert figure(RESULT, name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.743, 0.74),
        (0.749, 0.74),
        (0.75, 0.75),
        (0.83, 0.83),
        (0.58, 0.58),
        (1.0, 1.0),
        (0.0, 0.0),
        (0.009, 0.0),
    ],
)
def test_round_down(value: float, expected: float) -> None:
    assert round_down(value) == expected


def test_floors_from_and_shortfalls() -> None:
    floors = floors_from(RESULT, ["events_all.p", "attributes.date"])
    assert floors == {"events_all.p": 0.8, "attributes.date": 0.74}
    assert shortfalls(RESULT, floors) == []
    raised = {**floors, "events_all.f1": 0.75, "attributes.counts": 0.5}
    found = shortfalls(RESULT, raised)
    assert found == [Shortfall("events_all.f1", 0.743, 0.75), Shortfall("attributes.counts", None, 0.5)]
    assert [str(s) for s in found] == [
        "events_all.f1: 0.743 < floor 0.75",
        "attributes.counts: not measured < floor 0.50",
    ]
    with pytest.raises(ValueError, match=r"attributes\.place"):
        floors_from(RESULT, ["attributes.place"])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "cannot read"),
        ("[]", "figures"),
        ('{"figures": {}}', "figures"),
        ('{"figures": {"events_all.f1": 1.5}}', "figures.events_all.f1"),
        ('{"figures": {"events_all.f1": true}}', "figures.events_all.f1"),
    ],
)
def test_load_floors_rejects_bad_files(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "floor.json"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        load_floors(path)


def test_load_floors(tmp_path: Path) -> None:
    path = tmp_path / "floor.json"
    path.write_text(json.dumps({"about": "...", "figures": {"events_all.f1": 0.74, "attributes.date": 1}}))
    assert load_floors(path) == {"events_all.f1": 0.74, "attributes.date": 1.0}
