"""Builders of hand-written event mentions and document facts for the consolidation tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chronicler.records import Count, DocumentFacts, Entity, EventMention, Location

PLACES = {
    "Iran": Location("Iran", "Iran", 130758, 32.0, 53.0, None, "IR", "country"),
    "Tehran": Location("Tehran", "Tehran", 112931, 35.69, 51.42, "Tehran", "IR", "city"),
    "Shiraz": Location("Shiraz", "Shiraz", 115019, 29.61, 52.54, "Fars", "IR", "city"),
    "Mashhad": Location("Mashhad", "Mashhad", 124665, 36.30, 59.61, "Razavi Khorasan", "IR", "city"),
    "Fars": Location("Fars", "Fars", 134766, 29.0, 53.0, "Fars", "IR", "admin1"),
    "Berlin": Location("Berlin", "Berlin", 2950159, 52.52, 13.41, "Berlin", "DE", "city"),
}
ENTITIES = {
    "police": Entity("police", None, None, "IRN", "COP"),
    "security forces": Entity("security forces", None, None, "IRN", "COP"),
    "protesters": Entity("protesters", None, None, None, "CVL"),
    "Amnesty": Entity(
        "Amnesty International", "amnesty-international", "Amnesty International", "NGO", "SOC"
    ),
    "judiciary": Entity("the judiciary", "ir-judiciary", "Judiciary of Iran", "IRN", "JUD"),
    "interior ministry": Entity("the interior ministry", "ir-interior", "Interior Ministry", "IRN", "GOV"),
    "UN": Entity("the United Nations", "un", "United Nations", "IGO", None),
}

Maker = Callable[..., EventMention]


def count(
    kind: str, low: int | None, high: int | None = None, qualifier: str = "exact", text: str = ""
) -> Count:
    return Count(kind, low, high, qualifier, text or str(low or high))  # type: ignore[arg-type]


def make_mention(
    id: str,
    doc: str,
    event: str = "PROTEST",
    *,
    mode: str | None = None,
    date: str | None = None,
    enddate: str | None = None,
    place: str | None = None,
    places: tuple[str, ...] = (),
    actor: tuple[str, ...] = (),
    recipient: tuple[str, ...] = (),
    counts: tuple[Count, ...] = (),
    claimed_by: str | None = None,
    modality: str = "asserted",
    historical: bool = False,
    start: int = 0,
) -> EventMention:
    extra: dict[str, Any] = {"modality": modality}
    return EventMention(
        id=id,
        doc_id=doc,
        event=event,
        mode=mode,
        text=f"sentence {id}",
        start=start,
        end=start + 10,
        trigger=None,
        extractor="test",
        confidence=0.8,
        actor=tuple(ENTITIES[a] for a in actor),
        recipient=tuple(ENTITIES[r] for r in recipient),
        date=date,
        enddate=enddate,
        event_loc=PLACES[place] if place else None,
        places=tuple(PLACES[p] for p in places),
        counts=counts,
        claimed_by=ENTITIES[claimed_by] if claimed_by else None,
        historical=historical,
        outlet=f"{doc}.example",
        **extra,
    )


def facts(doc: str, published: str | None, outlet: str | None = None, **kw: Any) -> DocumentFacts:
    return DocumentFacts(
        doc_id=doc,
        published=published,
        outlet=outlet or f"{doc}.example",
        representative=kw.get("representative", doc),
        independence_key=kw.get("independence_key", outlet or f"{doc}.example"),
        affiliation=kw.get("affiliation"),
        outlet_type=kw.get("outlet_type"),
    )


@pytest.fixture
def m() -> Maker:
    return make_mention


@pytest.fixture
def cnt() -> Callable[..., Count]:
    return count


@pytest.fixture
def doc() -> Callable[..., DocumentFacts]:
    return facts
