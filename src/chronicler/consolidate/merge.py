"""One consolidated event from its member mentions: merged fields, claims, sources.

Rules, each over the members in canonical order (so ties break the same way every run):

- ``event`` and ``mode``: the majority among members reporting it as news (all members when
  none does); a tie goes to the alphabetically first; modes ignore nulls.
- ``date``: the member date most members agree with (one date agrees with another when one
  is a prefix of the other: "2019-11" agrees with "2019-11-16"); among equals the most
  precise, then the earliest. A date that is only the document's publication day counts
  when no other is given. ``enddate``: the commonest end date of members with that date.
- ``event_loc``: the most specific place supported: a city that at least half of the members
  naming a city or province name; else a province that half of them lie in; else the
  commonest country-level place; else the commonest place.
- ``places``, ``actor``, ``recipient``: unions, deduplicated (places by GeoNames id or name,
  entities by knowledge-base id or normalised name), in order of first appearance; names
  without controls or bidi characters (``text.safe.clean_name``).
- ``historical``: true when no member reports the event as news.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from chronicler.consolidate.claims import claims_of, disagreement, entity_key, safely_named, sources
from chronicler.records import ConsolidatedEvent, DocumentFacts, Entity, EventMention, Location

T = TypeVar("T")


def _majority(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def best_date(dates: Sequence[str]) -> str | None:
    """The date most members agree with; the most precise, then the earliest, among equals."""
    distinct = sorted(set(dates))
    if not distinct:
        return None
    counts = Counter(dates)

    def support(d: str) -> int:
        return sum(n for other, n in counts.items() if other.startswith(d) or d.startswith(other))

    return min(distinct, key=lambda d: (-support(d), -len(d), d))


def _place_id(loc: Location) -> tuple[object, ...]:
    if loc.geonameid is not None:
        return ("gn", loc.geonameid)
    return ("name", loc.resolved_place.lower(), (loc.country_code or "").upper(), loc.resolution)


def _dedupe(items: Iterable[T], key: Callable[[T], Hashable]) -> tuple[T, ...]:
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _commonest(locs: Sequence[Location]) -> Location | None:
    if not locs:
        return None
    counts = Counter(_place_id(loc) for loc in locs)
    return max(locs, key=lambda loc: counts[_place_id(loc)])  # max keeps the first on a tie


def best_place(locs: Sequence[Location]) -> Location | None:
    """The most specific place that the members' event places support (see module doc)."""
    specific = [loc for loc in locs if loc.resolution in ("city", "admin1")]
    cities = [loc for loc in specific if loc.resolution == "city"]
    top = _commonest(cities)
    if top is not None and 2 * sum(_place_id(c) == _place_id(top) for c in cities) >= len(specific):
        return top
    provinces = Counter(loc.admin1 for loc in specific if loc.admin1)
    if provinces:
        name, n = min(provinces.items(), key=lambda kv: (-kv[1], kv[0]))
        level = [loc for loc in specific if loc.resolution == "admin1" and loc.admin1 == name]
        if level and 2 * n >= len(specific):
            return level[0]
    countries = [loc for loc in locs if loc.resolution == "country"]
    return _commonest(countries) or _commonest(locs)


def _date(members: Sequence[EventMention], documents: Mapping[str, DocumentFacts]) -> str | None:
    """The best date, where a date that is just the publication day (often the day a source
    spoke, not the day of the event) only counts when no member gives another."""
    dated = [m for m in members if m.date]
    own = [m.date for m in dated if m.date != _published(m, documents)]
    return best_date([d for d in own if d]) or best_date([m.date for m in dated if m.date])


def _published(mention: EventMention, documents: Mapping[str, DocumentFacts]) -> str | None:
    facts = documents.get(mention.doc_id)
    return facts.published if facts else None


def _news_first(members: Sequence[EventMention]) -> Sequence[EventMention]:
    news = [m for m in members if not m.historical]
    return news or members


def merge(
    event_id: str, members: Sequence[EventMention], documents: Mapping[str, DocumentFacts]
) -> ConsolidatedEvent:
    """The consolidated event of ``members`` (non-empty, in canonical order)."""
    voting = _news_first(members)
    event = _majority(m.event for m in voting) or members[0].event
    mode = _majority(m.mode for m in voting if m.mode and m.event == event)
    date = _date(voting, documents) or _date(members, documents)
    ends = [m.enddate for m in members if m.enddate and m.date == date]
    enddate = max(Counter(ends).items(), key=lambda kv: (kv[1], kv[0]))[0] if ends else None
    locs = [m.event_loc for m in voting if m.event_loc] or [m.event_loc for m in members if m.event_loc]
    every_place = [loc for m in members for loc in (m.event_loc, *m.places) if loc is not None]
    claims = tuple(c for m in members for c in claims_of(m, documents.get(m.doc_id)))
    doc_ids = sorted({m.doc_id for m in members})
    return ConsolidatedEvent(
        id=event_id,
        event=event,
        mode=mode,
        date=date,
        enddate=enddate,
        event_loc=best_place(locs),
        places=_dedupe(every_place, _place_id),
        actor=_entities(m.actor for m in members),
        recipient=_entities(m.recipient for m in members),
        historical=all(m.historical for m in members),
        mentions=tuple(m.id for m in members),
        documents=tuple(doc_ids),
        claims=claims,
        sources=sources(doc_ids, documents),
        disagreement=disagreement(claims, {m.modality for m in members}),
    )


def _entities(groups: Iterable[tuple[Entity, ...]]) -> tuple[Entity, ...]:
    return _dedupe((safely_named(e) for group in groups for e in group), entity_key)
