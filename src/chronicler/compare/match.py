"""Which rows of another dataset report which consolidated event, by a rule a reader can check.

A row reports an event when they are in the same country; the row's day falls in the event's
date (a day: within ``DAYS`` days either side, as datasets date an event by its report now and
then; a month: in that month; an event dated only by its year, or not at all, is not matched);
the place agrees (two towns within ``KM`` kilometres, or the same name; a province: the row's
province or location named so; a country-level event: anywhere in the country); and the kinds
agree (the event's ACLED type, by the ACLED table, is the row's, and every kind of political
violence agrees with every other). Each row goes to the event it fits best (nearest in time,
then most precise in place); an event can have several rows, as ACLED codes each day and place
apart. An event no row reports is listed as missing from the other dataset only when it is in a
country and between the first and last day that the other file covers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from chronicler.compare.records import ExternalEvent
from chronicler.export.columns import date_precision
from chronicler.knowledge.acled import AcledTable
from chronicler.records import ConsolidatedEvent, Location

DAYS = 1
KM = 50.0
VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True)
class Pair:
    event: ConsolidatedEvent
    rows: tuple[ExternalEvent, ...]


@dataclass(frozen=True)
class Comparison:
    pairs: tuple[Pair, ...]  # events with their rows, in the order of the events
    only_ours: tuple[
        ConsolidatedEvent, ...
    ]  # comparable events no row reports, of the file's countries and days
    only_theirs: tuple[ExternalEvent, ...]  # rows no event matches
    not_comparable: int  # our events with no ACLED kind, or dated only by a year or not at all


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _days(event: ConsolidatedEvent) -> tuple[dt.date, dt.date] | None:
    precision = date_precision(event.date)
    if event.date is None or precision not in ("day", "month"):
        return None
    if precision == "day":
        start = dt.date.fromisoformat(event.date)
        end = dt.date.fromisoformat(event.enddate) if event.enddate and len(event.enddate) == 10 else start
        return start - dt.timedelta(days=DAYS), max(start, end) + dt.timedelta(days=DAYS)
    first = dt.date.fromisoformat(event.date + "-01")
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _name(text: str | None) -> str:
    return " ".join((text or "").casefold().replace("-", " ").split())


def place_fit(loc: Location | None, row: ExternalEvent) -> int | None:
    """How precisely the places agree: 3 the same town, 2 the same province, 1 the same country;
    None when they disagree."""
    if loc is None or loc.country_code is None or loc.country_code != row.country_code:
        return None
    if loc.resolution == "city":
        if loc.lat is not None and loc.lon is not None and row.lat is not None and row.lon is not None:
            return 3 if km((loc.lat, loc.lon), (row.lat, row.lon)) <= KM else None
        return 3 if _name(loc.resolved_place) in (_name(row.location), _name(row.admin1)) else None
    if loc.resolution == "admin1":
        names = {_name(loc.resolved_place), _name(loc.admin1)}
        return 2 if names & {_name(row.admin1), _name(row.location)} else None
    return 1


def kinds_agree(ours: str, theirs: str) -> bool:
    return ours == theirs or (ours in VIOLENCE and theirs in VIOLENCE)


def compare(
    events: Sequence[ConsolidatedEvent], rows: Sequence[ExternalEvent], table: AcledTable
) -> Comparison:
    comparable: list[tuple[ConsolidatedEvent, str, tuple[dt.date, dt.date]]] = []
    for event in events:
        acled = table.kind(event.event, event.mode)
        span = _days(event)
        if acled is not None and span is not None:
            comparable.append((event, acled.event_type, span))
    chosen: dict[str, list[ExternalEvent]] = {}
    alone: list[ExternalEvent] = []
    for row in rows:
        when = dt.date.fromisoformat(row.date)
        best: tuple[tuple[int, int], str] | None = None
        for event, kind, (start, end) in comparable:
            if not (start <= when <= end and kinds_agree(kind, row.kind)):
                continue
            fit = place_fit(event.event_loc, row)
            if fit is None:
                continue
            gap = (
                0
                if date_precision(event.date) == "month"
                else abs((when - (start + dt.timedelta(days=DAYS))).days)
            )
            score = (-gap, fit)
            if best is None or score > best[0]:
                best = (score, event.id)
        if best is None:
            alone.append(row)
        else:
            chosen.setdefault(best[1], []).append(row)
    pairs = tuple(
        Pair(e, tuple(sorted(chosen[e.id], key=lambda r: (r.date, r.id))))
        for e, _, _ in comparable
        if e.id in chosen
    )
    # Only what the other file covers counts as missing there: its countries, its first to last day.
    covered = {r.country_code for r in rows}
    first = min((dt.date.fromisoformat(r.date) for r in rows), default=None)
    last = max((dt.date.fromisoformat(r.date) for r in rows), default=None)
    only_ours = tuple(
        e
        for e, _, (start, end) in comparable
        if e.id not in chosen
        and first is not None
        and last is not None
        and start <= last
        and end >= first
        and (e.event_loc.country_code if e.event_loc else None) in covered
    )
    return Comparison(pairs, only_ours, tuple(alone), len(events) - len(comparable))
