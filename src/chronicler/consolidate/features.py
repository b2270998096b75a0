"""What coreference compares of a mention: type, time span, places, actors, figures.

Each mention is reduced once to a ``Features`` record, so the clustering never looks at the
mention's text or nested records again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicler.consolidate.claims import entity_key
from chronicler.isodates import iso_bounds
from chronicler.records import DocumentFacts, Entity, EventMention, Location

YEAR, MONTH, DAY = 0, 1, 2
LATE = "\uffff"  # sorts an unknown publication date after every known one
PUBLICATION_WINDOW = 31  # days before publication that a "publication day" date may stand for
# Event types whose mentions are acts of speech: the speaker makes them distinct events.
VERBAL = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "CONSULT", "SUPPORT", "AGREE", "CONCEDE"})
_IRREALIS = frozenset({"future", "hypothetical"})

Span = tuple[int, int, int]  # first day, last day (proleptic ordinals), precision
Figure = tuple[str, int | None, int | None]


@dataclass(frozen=True)
class PlaceKey:
    """A place more specific than a country: its key, country and province."""

    key: str
    country: str | None
    admin1: str | None
    is_admin1: bool


@dataclass(frozen=True)
class Features:
    id: str
    doc: str
    rep: str
    order: tuple[str, str, str, int, str]  # (published, representative, doc, offset, id)
    event: str
    mode: str | None
    verbal: bool
    realis: bool
    span: Span | None
    country: str | None
    places: frozenset[PlaceKey]
    actors: frozenset[str]
    actor_sectors: frozenset[str]
    recipients: frozenset[str]
    recipient_sectors: frozenset[str]
    figures: frozenset[Figure]


def parse_span(date: str | None, enddate: str | None = None) -> Span | None:
    """The days a reduced ISO date covers: "2019" is the whole year; an end date extends it."""
    start = _bounds(date)
    if start is None:
        return None
    end = _bounds(enddate)
    last = max(start[1], end[1]) if end is not None else start[1]
    return (start[0], last, start[2])


def _bounds(date: str | None) -> Span | None:
    if not date:
        return None
    bounds = iso_bounds(date)
    if bounds is None:
        return None  # a malformed date is treated as no date, never as a guess
    precision = {4: YEAR, 7: MONTH}.get(len(date[:10]), DAY)
    return (bounds[0].toordinal(), bounds[1].toordinal(), precision)


def place_key(loc: Location) -> PlaceKey | None:
    """Cities and provinces by GeoNames id (else name); countries and regions give none."""
    if loc.resolution not in ("city", "admin1"):
        return None
    name = str(loc.geonameid) if loc.geonameid is not None else loc.resolved_place.lower()
    country = loc.country_code.upper() if loc.country_code else None
    admin1 = loc.admin1.lower() if loc.admin1 else None
    if loc.resolution == "admin1":
        admin1 = admin1 or loc.resolved_place.lower()
    return PlaceKey(name, country, admin1, loc.resolution == "admin1")


def _country(mention: EventMention) -> str | None:
    for loc in (mention.event_loc, *mention.places):
        if loc is not None and loc.country_code:
            return loc.country_code.upper()
    return None


def _names(entities: tuple[Entity, ...]) -> frozenset[str]:
    return frozenset(entity_key(e) for e in entities)


def _sectors(entities: tuple[Entity, ...]) -> frozenset[str]:
    return frozenset(e.sector for e in entities if e.sector)


def _hedge_publication_day(span: Span | None, published: str | None) -> Span | None:
    """A day date equal to the publication day is often the day a source spoke, not the day of
    the event ("said on Thursday"): it is read as "in the month up to publication"."""
    pub = _bounds(published)
    if span is None or pub is None or pub[2] != DAY or span != pub:
        return span
    return (span[0] - PUBLICATION_WINDOW, span[1], MONTH)


def features(mention: EventMention, facts: DocumentFacts | None) -> Features:
    published = (facts.published if facts else None) or LATE
    rep = (facts.representative if facts else "") or mention.doc_id
    locs = (mention.event_loc, *mention.places) if mention.event_loc else mention.places
    places = frozenset(k for k in map(place_key, locs) if k is not None)
    figures = frozenset(
        (c.kind, c.low, c.high) for c in mention.counts if c.low is not None or c.high is not None
    )
    return Features(
        id=mention.id,
        doc=mention.doc_id,
        rep=rep,
        order=(published, rep, mention.doc_id, mention.start, mention.id),
        event=mention.event,
        mode=mention.mode,
        verbal=mention.event in VERBAL,
        realis=mention.modality not in _IRREALIS,
        span=_hedge_publication_day(
            parse_span(mention.date, mention.enddate), facts.published if facts else None
        ),
        country=_country(mention),
        places=places,
        actors=_names(mention.actor),
        actor_sectors=_sectors(mention.actor),
        recipients=_names(mention.recipient),
        recipient_sectors=_sectors(mention.recipient),
        figures=figures,
    )


def months(span: Span) -> range:
    """The months (year * 12 + month - 1) a span touches: keys for blocking."""
    first = dt.date.fromordinal(span[0])
    last = dt.date.fromordinal(span[1])
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


def years(span: Span) -> range:
    return range(dt.date.fromordinal(span[0]).year, dt.date.fromordinal(span[1]).year + 1)
