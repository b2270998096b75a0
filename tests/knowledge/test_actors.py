"""The actors pack: tokens, case rules, reduced dates, and the quality of the shipped data."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from chronicler.knowledge.actors import case_ok, fold, iso_bounds, load_actors, tokenize


@pytest.mark.parametrize(("text", "tokens"), [
    ("Iran's judiciary", ["iran", "'", "s", "judiciary"]),
    ("Iran’s judiciary", ["iran", "'", "s", "judiciary"]),
    ("Mojahedin-e Khalq", ["mojahedin", "-", "e", "khalq"]),
    ("U.N. experts", ["u", ".", "n", ".", "experts"]),
    # ZWNJ and a space separate the same Persian words; Arabic letter forms fold to Persian ones.
    ("مأموران لباس‌شخصی", ["مأموران", "لباس", "شخصی"]),
    ("مأموران لباس شخصی", ["مأموران", "لباس", "شخصی"]),
    ("نيروي انتظامي", ["نیروی", "انتظامی"]),
])
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert [t.norm for t in tokenize(text)] == tokens


def test_fold_keeps_offsets() -> None:
    text = "İstanbul’s ﬁrst Straße"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("pattern", "written", "ok"), [
    ("UN", "UN", True), ("UN", "Un", False), ("UN", "un", False),
    ("Guards", "Guards", True), ("Guards", "GUARDS", True), ("Guards", "guards", False),
    ("protesters", "Protesters", True), ("protesters", "PROTESTERS", True),
    ("MPs", "MPs", True), ("MPs", "MPS", False),
    ("NetBlocks", "Netblocks", False),
    ("معترضان", "معترضان", True),
])
def test_case_ok(pattern: str, written: str, ok: bool) -> None:
    assert case_ok(pattern, written) is ok


@pytest.mark.parametrize(("value", "bounds"), [
    ("2019", (date(2019, 1, 1), date(2019, 12, 31))),
    ("2019-02", (date(2019, 2, 1), date(2019, 2, 28))),
    ("2019-12", (date(2019, 12, 1), date(2019, 12, 31))),
    ("2019-11-16", (date(2019, 11, 16), date(2019, 11, 16))),
    ("2019-11-16T08:00:00Z", (date(2019, 11, 16), date(2019, 11, 16))),
    ("2019-13", None), ("2019-02-30", None), ("November 2019", None),
])
def test_iso_bounds(value: str, bounds: tuple[date, date] | None) -> None:
    assert iso_bounds(value) == bounds


def test_shipped_packs_load() -> None:
    index = load_actors()
    assert index is load_actors()  # loaded once
    kinds = {a.kind for a in index.actors.values()}
    assert {"office", "person", "role", "ngo", "igo", "media", "state_body", "country"} <= kinds
    assert len(index.actors) > 150


def test_terms_of_office_do_not_overlap() -> None:
    for actor in load_actors().actors.values():
        terms = sorted(actor.offices, key=lambda o: o.start)
        for before, after in itertools.pairwise(terms):
            assert before.end is not None, f"{actor.id}: {before.holder} has no end but is followed"
            end, start = iso_bounds(before.end), iso_bounds(after.start)
            assert end and start and end[1] <= start[0], f"{actor.id}: {before.holder} / {after.holder}"
