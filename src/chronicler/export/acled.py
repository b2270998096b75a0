"""Events in ACLED's export columns, so that an ACLED user's scripts and habits apply to them.

The kinds, actor categories, source scales and precision codes come from the ACLED table
(``knowledge.acled``, ``packs/acled.yaml``). A row is written only for an event ACLED would code:
a type the table maps, dated to the day or the month. Fatalities follow ACLED's rule, the most
conservative figure reported. Every row is tagged as chronicler's and keeps chronicler's id, type,
mode and date beside ACLED's columns: these are machine extractions, never ACLED data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chronicler.consolidate import claims as claim_views
from chronicler.export.columns import SEP, Cell, SourceFacts, date_precision, point
from chronicler.knowledge.acled import AcledKind, AcledTable
from chronicler.knowledge.countries import Country
from chronicler.records import ConsolidatedEvent, Entity, EventMention, Location

TAG = "chronicler extraction, not ACLED data"
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)  # fmt: skip
CHRONICLER_COLUMNS = (
    "chronicler_id",
    "chronicler_type",
    "chronicler_mode",
    "chronicler_date",
    "modality",
    "claimed_by",
)
COLUMNS = ACLED_COLUMNS + CHRONICLER_COLUMNS
MID_MONTH = "15"  # ACLED writes an event known by its month on the middle of the month


def _event_date(iso: str | None, table: AcledTable) -> tuple[str, int] | None:
    precision = date_precision(iso)
    if iso is None or precision not in table.time_precision:
        return None
    day = iso if precision == "day" else f"{iso}-{MID_MONTH}"
    return day, table.time_precision[precision]


def _side(entities: Sequence[Entity], table: AcledTable, demonstrators: str | None) -> tuple[str, str, str]:
    """actor, assoc_actor and inter of one side: the first entity, the others, its category."""
    if not entities:
        return "", "", demonstrators or ""
    first, *rest = entities
    category = demonstrators or table.inter.get(first.sector or "", "")
    return (
        first.identifier_text or first.entity_text,
        SEP.join(e.identifier_text or e.entity_text for e in rest),
        category,
    )


def _place(loc: Location | None, table: AcledTable, countries: Mapping[str, Country]) -> dict[str, Cell]:
    lat, lon = point(loc)
    country = countries.get(loc.country_code) if loc and loc.country_code else None
    return {
        "iso": country.iso_numeric if country else None,
        "region": None,
        "country": country.name if country else (loc.country_code if loc else None),
        "admin1": loc.admin1 if loc else None,
        "admin2": None,
        "admin3": None,
        "location": loc.resolved_place if loc else None,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": table.geo_precision.get(loc.resolution) if loc else None,
    }


def _row(
    ident: str,
    kind: AcledKind,
    dated: tuple[str, int],
    parties: tuple[Sequence[Entity], Sequence[Entity]],
    table: AcledTable,
) -> dict[str, Cell]:
    day, precision = dated
    actor1, assoc1, inter1 = _side(parties[0], table, table.demonstrators.get(kind.event_type))
    actor2, assoc2, inter2 = _side(parties[1], table, None)
    if inter1 and inter2:
        interaction = f"{inter1}-{inter2}"
    else:
        interaction = f"{inter1 or inter2} only" if inter1 or inter2 else ""
    return {
        "event_id_cnty": ident,
        "event_date": day,
        "year": int(day[:4]),
        "time_precision": precision,
        "disorder_type": kind.disorder_type,
        "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "actor1": actor1 or None,
        "assoc_actor_1": assoc1 or None,
        "inter1": inter1 or None,
        "actor2": actor2 or None,
        "assoc_actor_2": assoc2 or None,
        "inter2": inter2 or None,
        "interaction": interaction or None,
        "civilian_targeting": "Civilian targeting"
        if kind.event_type == "Violence against civilians"
        else None,
        "tags": TAG,
        "timestamp": None,
    }


def mention_row(
    mention: EventMention, source: SourceFacts | None, table: AcledTable, countries: Mapping[str, Country]
) -> dict[str, Cell] | None:
    """One event mention in ACLED's columns, or None when ACLED would not code it (a statement,
    an event dated only by its year or not at all)."""
    kind = table.kind(mention.event, mention.mode)
    dated = _event_date(mention.date, table)
    if kind is None or dated is None:
        return None
    row = _row(mention.id, kind, dated, (mention.actor, mention.recipient), table)
    claim = mention.claimed_by
    outlet = (source.outlet if source else None) or mention.outlet
    return _ordered(
        row
        | _place(mention.event_loc, table, countries)
        | {
            "source": outlet,
            "source_scale": table.source_scale.get(source.outlet_type or "") if source else None,
            "notes": mention.text,
            "fatalities": claim_views.lowest(c for c in mention.counts if c.kind == "dead") or 0,
            "chronicler_id": mention.id,
            "chronicler_type": mention.event,
            "chronicler_mode": mention.mode,
            "chronicler_date": mention.date,
            "modality": mention.modality,
            "claimed_by": (claim.identifier_text or claim.entity_text) if claim else None,
        }
    )


def _ordered(row: dict[str, Cell]) -> dict[str, Cell]:
    return {column: row.get(column) for column in COLUMNS}


def _claims_note(event: ConsolidatedEvent) -> str:
    return SEP.join(
        f"{kind}: {' -> '.join(claim_views.revisions(group))} ({claim_views.claimant_name(group[-1])})"
        for (kind, _), group in claim_views.claim_groups(event.claims).items()
    )


def consolidated_row(
    event: ConsolidatedEvent,
    table: AcledTable,
    countries: Mapping[str, Country],
    outlet_types: Mapping[str, str],
) -> dict[str, Cell] | None:
    """One consolidated event in ACLED's columns (None as for ``mention_row``): its outlets as
    ``source`` with the scales of their outlet types (``outlet_types``: outlet -> type of the
    outlets pack), fatalities by ACLED's rule over every claimant's latest figure, and in
    ``notes`` every claimant's figures side by side ("dead: 208 -> 304 (Amnesty International)")."""
    kind = table.kind(event.event, event.mode)
    dated = _event_date(event.date, table)
    if kind is None or dated is None:
        return None
    scales = sorted(
        {
            table.source_scale[t]
            for o in event.sources.outlets
            if (t := outlet_types.get(o)) and t in table.source_scale
        }
    )
    row = _row(event.id, kind, dated, (event.actor, event.recipient), table)
    return _ordered(
        row
        | _place(event.event_loc, table, countries)
        | {
            "source": SEP.join(event.sources.outlets) or None,
            "source_scale": "-".join(scales) or None,
            "notes": _claims_note(event) or None,
            "fatalities": claim_views.acled_conservative(event.claims, "dead") or 0,
            "chronicler_id": event.id,
            "chronicler_type": event.event,
            "chronicler_mode": event.mode,
            "chronicler_date": event.date,
            "modality": None,
            "claimed_by": None,
        }
    )
