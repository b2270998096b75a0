"""What coreference compares of a mention: type, time span, places, actors, figures, whether
it happened (realis), whom or what the act struck, and the sentence that states it.

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
NEWS_WINDOW = 366  # days before publication within which an undated news event lies
# Event types whose mentions are acts of speech: the speaker makes them distinct events.
VERBAL = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "CONSULT", "SUPPORT", "AGREE", "CONCEDE"})
_IRREALIS = frozenset({"future", "hypothetical"})
# Modes whose target is property, not people: a toll of dead or injured is another event.
PROPERTY_MODES = frozenset({"destroy", "vandalize"})
_HARM = frozenset({"dead", "injured"})
_PEOPLE = _HARM | {"arrested"}

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
    # (published, representative, doc, undated, offset, id): within a document the dated
    # mentions come first, so an undated one joins the event they chose, not the reverse
    order: tuple[str, str, str, bool, int, str]
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
    counts_people: bool  # gives a count of dead, injured or arrested, a figure or a word
    target: str | None  # "people" (a toll of dead or injured), "property" (destruction), None
    sentence: tuple[str, int]  # (document, offset): mentions stated in one sentence
    bound: tuple[int, int] | None  # days an undated mention's event may lie in, from publication


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


def _bound(span: Span | None, historical: bool, published: str | None) -> tuple[int, int] | None:
    """An undated mention still lies before its publication and, reported as news, within the
    year before it: a report of 2022 does not tell of a 2019 event without saying when."""
    pub = _bounds(published)
    if span is not None or pub is None:
        return None
    return (0 if historical else pub[0] - NEWS_WINDOW, pub[1])


def _realis(mention: EventMention, span: Span | None, published: str | None) -> bool:
    """Future and hypothetical events are not the ones that happened, except a figure said to
    be possible for a time already past ("up to 96 may have died"): that is a hedged toll."""
    if mention.modality not in _IRREALIS:
        return True
    pub = _bounds(published)
    past = span is not None and pub is not None and span[1] < pub[0]
    return mention.modality == "hypothetical" and past and bool(mention.counts)


def features(mention: EventMention, facts: DocumentFacts | None) -> Features:
    day = facts.published if facts else None
    published = day or LATE
    rep = (facts.representative if facts else "") or mention.doc_id
    locs = (mention.event_loc, *mention.places) if mention.event_loc else mention.places
    places = frozenset(k for k in map(place_key, locs) if k is not None)
    figures = frozenset(
        (c.kind, c.low, c.high) for c in mention.counts if c.low is not None or c.high is not None
    )
    harm = any(c.kind in _HARM for c in mention.counts)
    on_property = mention.mode in PROPERTY_MODES
    span = _hedge_publication_day(parse_span(mention.date, mention.enddate), day)
    return Features(
        id=mention.id,
        doc=mention.doc_id,
        rep=rep,
        order=(published, rep, mention.doc_id, span is None, mention.start, mention.id),
        event=mention.event,
        mode=mention.mode,
        verbal=mention.event in VERBAL,
        realis=_realis(mention, span, day),
        span=span,
        country=_country(mention),
        places=places,
        actors=_names(mention.actor),
        actor_sectors=_sectors(mention.actor),
        recipients=_names(mention.recipient),
        recipient_sectors=_sectors(mention.recipient),
        figures=figures,
        sentence=(mention.doc_id, mention.start),
        bound=_bound(span, mention.historical, day),
        counts_people=any(c.kind in _PEOPLE for c in mention.counts),
        target=None if harm == on_property else ("people" if harm else "property"),
    )


def months(span: Span) -> range:
    """The months (year * 12 + month - 1) a span touches: keys for blocking."""
    first = dt.date.fromordinal(span[0])
    last = dt.date.fromordinal(span[1])
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


def years(span: Span) -> range:
    return range(dt.date.fromordinal(span[0]).year, dt.date.fromordinal(span[1]).year + 1)
