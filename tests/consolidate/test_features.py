"""What a mention offers coreference: target of the act, realis, the bound of an undated event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from chronicler.consolidate.features import features
from chronicler.records import Count, DocumentFacts, EventMention

Maker = Callable[..., EventMention]
Cnt = Callable[..., Count]
Doc = Callable[..., DocumentFacts]


def day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


@pytest.mark.parametrize(
    ("mode", "kinds", "target"),
    [
        (None, ("dead",), "people"),  # "40 were killed"
        ("firearms", ("injured",), "people"),
        ("destroy", (), "property"),  # "banks were set on fire"
        ("destroy", ("dead",), None),  # "the blaze they set killed two": both
        (None, ("arrested",), None),
        (None, (), None),
    ],
)
def test_target(
    m: Maker, cnt: Cnt, doc: Doc, mode: str | None, kinds: tuple[str, ...], target: str | None
) -> None:
    mention = m("a1", "a", "ASSAULT", mode=mode, counts=tuple(cnt(k, 3) for k in kinds))
    assert features(mention, doc("a", "2021-03-03")).target == target


@pytest.mark.parametrize(
    ("modality", "date", "with_figure", "realis"),
    [
        ("asserted", "2021-03-01", False, True),
        ("negated", None, False, True),
        ("future", "2021-04", True, False),
        ("hypothetical", "2021-02", True, True),  # "up to 96 may have died" last month
        ("hypothetical", "2021-02", False, False),  # "could have been worse"
        ("hypothetical", "2021-04", True, False),  # "hundreds could be arrested next month"
        ("hypothetical", None, True, False),
    ],
)
def test_realis(
    m: Maker, cnt: Cnt, doc: Doc, modality: str, date: str | None, with_figure: bool, realis: bool
) -> None:
    counts = (cnt("dead", None, 96),) if with_figure else ()
    mention = m("a1", "a", "ASSAULT", date=date, modality=modality, counts=counts)
    assert features(mention, doc("a", "2021-03-10")).realis is realis


@pytest.mark.parametrize(
    ("date", "historical", "published", "bound"),
    [
        ("2021-03-01", False, "2021-03-10", None),  # dated: its span says it
        (None, False, None, None),  # nothing to bound it by
        (None, False, "2021-03-10", (day("2021-03-10") - 366, day("2021-03-10"))),
        (None, True, "2021-03-10", (0, day("2021-03-10"))),
        (None, False, "2021-03", (day("2021-03-01") - 366, day("2021-03-31"))),
    ],
)
def test_bound_of_an_undated_mention(
    m: Maker,
    doc: Doc,
    date: str | None,
    historical: bool,
    published: str | None,
    bound: tuple[int, int] | None,
) -> None:
    mention = m("a1", "a", date=date, historical=historical)
    assert features(mention, doc("a", published)).bound == bound


def test_dated_mentions_come_first_in_their_document(m: Maker, doc: Doc) -> None:
    facts = doc("a", "2021-03-10")
    undated = features(m("a1", "a", start=0), facts)
    dated = features(m("a2", "a", date="2021-03-01", start=900), facts)
    later_doc = features(m("b1", "b", start=0), doc("b", "2021-03-11"))
    assert sorted([later_doc, undated, dated], key=lambda f: f.order) == [dated, undated, later_doc]
