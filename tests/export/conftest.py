"""Hand-written records for the export tests: a few mentions and consolidated events of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.export.columns import SourceFacts
from chronicler.knowledge.acled import AcledTable, load_acled
from chronicler.knowledge.countries import Country, load_countries
from chronicler.records import (
    Claim,
    ConsolidatedEvent,
    Count,
    Entity,
    EventMention,
    Location,
    Sources,
    Span,
)

TOWN = Location("Karadsch", "Karaj", 128747, 35.8355, 50.9915, "Alborz", "IR", "city")
PROVINCE = Location("Fars province", "Fars", 134766, 29.0, 53.0, "Fars", "IR", "admin1")
COUNTRY = Location("Iran", "Iran", 130758, 35.69439, 51.42151, None, "IR", "country")  # the capital's point
POLICE = Entity("riot police", None, None, "IRN", "COP")
MARCHERS = Entity("marchers", None, None, None, "CVL")
GROUP = Entity("the Oslo rights group", "ihr", "Iran Human Rights", "NGO", "SOC")


def mention(
    id: str = "ev_1",
    event: str = "ASSAULT",
    mode: str | None = "firearms",
    date: str | None = "2022-10-01",
    loc: Location | None = TOWN,
    counts: tuple[Count, ...] = (),
    text: str = "Riot police fired on marchers in Karaj on Saturday, the group said.",
) -> EventMention:
    return EventMention(
        id=id,
        doc_id="doc-a",
        event=event,
        mode=mode,
        text=text,
        start=0,
        end=len(text),
        trigger=Span("fired on", 11, 19),
        extractor="events.rules.v1",
        confidence=0.8,
        actor=(POLICE,),
        recipient=(MARCHERS,),
        date=date,
        event_loc=loc,
        places=(loc,) if loc else (),
        counts=counts,
        claimed_by=GROUP,
        outlet="wire.example",
    )


def claim(
    low: int | None,
    qualifier: str = "exact",
    by: Entity | None = GROUP,
    published: str = "2022-10-02",
    text: str = "",
    high: int | None = None,
) -> Claim:
    return Claim(
        "dead",
        low,
        high,
        qualifier,  # type: ignore[arg-type]
        text or str(low),
        by,
        "wire.example",
        "doc-a",
        "ev_1",
        published,
    )


def consolidated(
    claims: tuple[Claim, ...] = (),
    loc: Location | None = TOWN,
    event: str = "ASSAULT",
    date: str | None = "2022-10",
) -> ConsolidatedEvent:
    return ConsolidatedEvent(
        id="ce_1",
        event=event,
        mode="firearms",
        date=date,
        enddate=None,
        event_loc=loc,
        places=(loc,) if loc else (),
        actor=(POLICE,),
        recipient=(MARCHERS,),
        historical=False,
        mentions=("ev_1", "ev_2"),
        documents=("doc-a", "doc-b"),
        claims=claims,
        sources=Sources(("state.example", "wire.example"), 2, ("independent",)),
        disagreement=False,
    )


SOURCE = SourceFacts("wire.example", "https://wire.example/a?x=1", "2022-10-02", "wire")


@pytest.fixture(scope="session")
def table() -> AcledTable:
    return load_acled()


@pytest.fixture(scope="session")
def countries() -> dict[str, Country]:
    return load_countries()


@pytest.fixture(scope="session")
def mention_of() -> Callable[..., EventMention]:
    return mention


@pytest.fixture(scope="session")
def claim_of() -> Callable[..., Claim]:
    return claim


@pytest.fixture(scope="session")
def consolidated_of() -> Callable[..., ConsolidatedEvent]:
    return consolidated


@pytest.fixture(scope="session")
def places() -> dict[str, Location]:
    return {"town": TOWN, "province": PROVINCE, "country": COUNTRY}


@pytest.fixture(scope="session")
def source() -> SourceFacts:
    return SOURCE
