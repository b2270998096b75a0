"""Flat rows: one per event mention or consolidated event, one typed cell per column.

The columns are those a spreadsheet, pandas or QGIS user filters on: dates with their precision,
names with their knowledge-base ids and sectors, the place down to coordinates, each kind of
figure as numbers. A point is given only for a town: an event known only to have happened "in
Iran" has the country and no coordinates, so that no map puts it on the capital.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from chronicler.consolidate import claims as claim_views
from chronicler.knowledge.countries import Country
from chronicler.knowledge.counts import KINDS as COUNT_KINDS
from chronicler.records import ConsolidatedEvent, Entity, EventMention, Location

Cell = str | int | float | bool | None
Precision = Literal["day", "month", "year"]
SEP = "; "  # between the names of several actors, outlets, ...


@dataclass(frozen=True)
class SourceFacts:
    """What an export says of the document an event mention comes from."""

    outlet: str | None
    url: str | None
    published: str | None
    outlet_type: str | None = None  # of the outlets pack, when the outlet is in it


def date_precision(iso: str | None) -> Precision | None:
    """How precise an ISO date is: "2019-11-16" a day, "2019-11" a month, "2019" a year."""
    if not iso:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(iso))  # type: ignore[return-value]


def point(loc: Location | None) -> tuple[float | None, float | None]:
    """(latitude, longitude) of a town; (None, None) for a province, country or region, whose
    stored coordinates are its capital's, not where the event was."""
    if loc is None or loc.resolution != "city" or loc.lat is None or loc.lon is None:
        return None, None
    return loc.lat, loc.lon


def _names(entities: Sequence[Entity]) -> tuple[str, str, str]:
    """Names (canonical where known), knowledge-base ids and sectors, each list joined by SEP in
    the same order (an entity without an id leaves its place empty), or "" when none has one."""
    ids = [e.identifier_id or "" for e in entities]
    sectors = [e.sector or "" for e in entities]
    return (
        SEP.join(e.identifier_text or e.entity_text for e in entities),
        SEP.join(ids) if any(ids) else "",
        SEP.join(sectors) if any(sectors) else "",
    )


def _party(prefix: str, entities: Sequence[Entity]) -> dict[str, Cell]:
    names, ids, sectors = _names(entities)
    return {prefix: names or None, f"{prefix}_id": ids or None, f"{prefix}_sector": sectors or None}


def _place(loc: Location | None, countries: Mapping[str, Country]) -> dict[str, Cell]:
    lat, lon = point(loc)
    code = loc.country_code if loc else None
    return {
        "place": loc.resolved_place if loc else None,
        "place_as_written": loc.extracted_place if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": countries[code].name if code and code in countries else code,
        "country_code": code,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": loc.resolution if loc else None,
        "geonameid": loc.geonameid if loc else None,
    }


PLACE_COLUMNS = (
    "place",
    "place_as_written",
    "admin1",
    "country",
    "country_code",
    "latitude",
    "longitude",
    "geo_precision",
    "geonameid",
)
COUNT_COLUMNS = tuple(f"{kind}_{part}" for kind in COUNT_KINDS for part in ("low", "high", "qualifier"))
EVENT_COLUMNS = (
    "id", "doc_id", "event", "mode", "date", "date_precision", "enddate",
    "actor", "actor_id", "actor_sector", "recipient", "recipient_id", "recipient_sector",
    *PLACE_COLUMNS, *COUNT_COLUMNS, "counts",
    "claimed_by", "claimed_by_id", "modality", "historical",
    "outlet", "outlet_type", "url", "published", "extractor", "confidence", "trigger", "text",
    "review", "reviewed_fields",
)  # fmt: skip


def event_row(
    mention: EventMention, source: SourceFacts | None, countries: Mapping[str, Country]
) -> dict[str, Cell]:
    """One event mention as the flat columns of ``EVENT_COLUMNS``.

    A mention with two figures of one kind ("304 dead, among them 23 children") has the first in
    the numeric columns; ``counts`` lists every figure as written, with its kind.
    """
    row: dict[str, Cell] = {
        "id": mention.id,
        "doc_id": mention.doc_id,
        "event": mention.event,
        "mode": mention.mode,
        "date": mention.date,
        "date_precision": date_precision(mention.date),
        "enddate": mention.enddate,
        **_party("actor", mention.actor),
        **_party("recipient", mention.recipient),
        **_place(mention.event_loc, countries),
    }
    for kind in COUNT_KINDS:
        first = next((c for c in mention.counts if c.kind == kind), None)
        row[f"{kind}_low"] = first.low if first else None
        row[f"{kind}_high"] = first.high if first else None
        row[f"{kind}_qualifier"] = first.qualifier if first else None
    claim = mention.claimed_by
    row |= {
        "counts": SEP.join(f"{c.text} ({c.kind})" for c in mention.counts) or None,
        "claimed_by": (claim.identifier_text or claim.entity_text) if claim else None,
        "claimed_by_id": claim.identifier_id if claim else None,
        "modality": mention.modality,
        "historical": mention.historical,
        "outlet": (source.outlet if source else None) or mention.outlet,
        "outlet_type": source.outlet_type if source else None,
        "url": source.url if source else None,
        "published": source.published if source else None,
        "extractor": mention.extractor,
        "confidence": mention.confidence,
        "trigger": mention.trigger.text if mention.trigger else None,
        "text": mention.text,
        # A reviewed mention says so: confirmed or corrected, and which values are a reviewer's.
        "review": mention.review.status if mention.review else None,
        "reviewed_fields": SEP.join(mention.review.fields) if mention.review else None,
    }
    return row


FIGURE_COLUMNS = tuple(
    f"{kind}_{part}" for kind in COUNT_KINDS for part in ("conservative", "low", "best", "high")
)
CONSOLIDATED_COLUMNS = (
    "id", "event", "mode", "date", "date_precision", "enddate",
    "actor", "actor_id", "actor_sector", "recipient", "recipient_id", "recipient_sector",
    *PLACE_COLUMNS, *FIGURE_COLUMNS,
    "claims", "disagreement", "mentions", "documents", "outlets", "independent_sources", "affiliations",
    "historical",
)  # fmt: skip


def consolidated_row(event: ConsolidatedEvent, countries: Mapping[str, Country]) -> dict[str, Cell]:
    """One consolidated event as the flat columns of ``CONSOLIDATED_COLUMNS``.

    Per kind of figure: ``conservative`` is ACLED's rule (the lowest figure any claimant's latest
    report asserts); ``low``, ``best``, ``high`` are UCDP-style estimates over the same claims
    (``consolidate.claims``). The claims themselves, with their claimants, are in ``chronicler
    claims`` and the JSONL export.
    """
    row: dict[str, Cell] = {
        "id": event.id,
        "event": event.event,
        "mode": event.mode,
        "date": event.date,
        "date_precision": date_precision(event.date),
        "enddate": event.enddate,
        **_party("actor", event.actor),
        **_party("recipient", event.recipient),
        **_place(event.event_loc, countries),
    }
    for kind in COUNT_KINDS:
        low, best, high = claim_views.ucdp_estimates(event.claims, kind)
        row[f"{kind}_conservative"] = claim_views.acled_conservative(event.claims, kind)
        row[f"{kind}_low"], row[f"{kind}_best"], row[f"{kind}_high"] = low, best, high
    row |= {
        "claims": len(event.claims),
        "disagreement": event.disagreement,
        "mentions": len(event.mentions),
        "documents": len(event.documents),
        "outlets": SEP.join(event.sources.outlets) or None,
        "independent_sources": event.sources.independent,
        "affiliations": SEP.join(event.sources.affiliations) or None,
        "historical": event.historical,
    }
    return row


CellType = Literal["str", "int", "float", "bool"]
_FLOATS = frozenset({"latitude", "longitude", "confidence"})
_BOOLS = frozenset({"historical", "disagreement"})
_INTS = frozenset(
    {"geonameid", "claims", "mentions", "documents", "independent_sources"}
    | {c for c in COUNT_COLUMNS + FIGURE_COLUMNS if not c.endswith("_qualifier")}
)


def cell_type(column: str) -> CellType:
    """The type of a column of ``EVENT_COLUMNS`` or ``CONSOLIDATED_COLUMNS``, for typed formats."""
    if column in _FLOATS:
        return "float"
    if column in _BOOLS:
        return "bool"
    return "int" if column in _INTS else "str"
