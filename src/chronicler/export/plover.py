"""Event mentions as PLOVER JSON records, one a line, with the field names of the PLOVER manual's
"JSON Data Fields" (id, date, actor and recipient objects, event, mode, context, event_loc,
event_text, quad_code, text, text_info, cite_info) and PLOVER 2.0's "actor" for the side that acts.

PLOVER's dates are whole days: an event known to its month or year is written on its first day,
with ``date_precision`` saying so. Actors carry their Wikidata item as ``identifier_id`` where the
actor packs know it (chronicler's own id stays in ``chronicler_id``). The location object uses
GeoNames' names and gives coordinates for a town only. What PLOVER has no field for (the figures,
the claimant, modality, background) is kept under chronicler's own names, as the manual invites.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronicler.export.columns import SourceFacts, date_precision, point
from chronicler.knowledge.countries import Country
from chronicler.records import Entity, EventMention, Location

CODEBOOK = "plover-2.0"
# PLOVER's quad categories: verbal and material cooperation, verbal and material conflict.
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
FEATURES = {"city": ("P", "PPL"), "admin1": ("A", "ADM1"), "country": ("A", "PCLI"), "region": ("L", "RGN")}


def _day(iso: str | None) -> str | None:
    precision = date_precision(iso)
    if iso is None or precision is None:
        return None
    return {"day": iso, "month": f"{iso}-01", "year": f"{iso}-01-01"}[precision]


def _actor(entity: Entity, qids: Mapping[str, str]) -> dict[str, Any]:
    return {
        "code": entity.code,
        "sector": entity.sector,
        "actor_text": entity.entity_text,
        "identifier_id": qids.get(entity.identifier_id or ""),
        "identifier_text": entity.identifier_text,
        "chronicler_id": entity.identifier_id,
    }


def _location(loc: Location | None, countries: Mapping[str, Country]) -> dict[str, Any] | None:
    if loc is None:
        return None
    lat, lon = point(loc)
    feature_class, feature_code = FEATURES.get(loc.resolution, (None, None))
    code = loc.country_code
    country = countries.get(code) if code else None
    return {
        "geonameid": loc.geonameid,
        "name": loc.resolved_place,
        "extracted_place": loc.extracted_place,
        "latitude": lat,
        "longitude": lon,
        "feature class": feature_class,
        "feature code": feature_code,
        "country code": code,
        "cc3": country.iso3 if country else None,
        "country": country.name if country else None,
        "admin1": loc.admin1,
    }


def record(
    mention: EventMention,
    source: SourceFacts | None,
    qids: Mapping[str, str],
    countries: Mapping[str, Country],
    coder: str,
) -> dict[str, Any]:
    """One event mention as a PLOVER record. ``qids``: chronicler actor id -> Wikidata item;
    ``coder``: chronicler and its version."""
    kinds = ("dead", "injured", "arrested")
    sizes = {kind: next((c.low for c in mention.counts if c.kind == kind), None) for kind in kinds}
    claim = mention.claimed_by
    return {
        "id": mention.id,
        "date": _day(mention.date),
        "date_precision": date_precision(mention.date),
        "enddate": _day(mention.enddate),
        "actor": [_actor(e, qids) for e in mention.actor],
        "recipient": [_actor(e, qids) for e in mention.recipient],
        "event": [mention.event],
        "mode": [mention.mode] if mention.mode else [],
        "context": list(mention.context),
        "quad_code": QUADS.get(mention.event),
        "event_loc": _location(mention.event_loc, countries),
        "event_text": [mention.trigger.text] if mention.trigger else [],
        **sizes,
        "size": next((c.low for c in mention.counts if c.kind == "participants"), None),
        "text": mention.text,
        "text_info": {"start": mention.start, "end": mention.end, "doc_id": mention.doc_id},
        "cite_info": {
            "url": source.url if source else None,
            "publication": (source.outlet if source else None) or mention.outlet,
            "published": source.published if source else None,
            "coder": f"{coder} {mention.extractor}",
            "codebook": CODEBOOK,
        },
        "counts": [c.to_json() for c in mention.counts],
        "claimed_by": claim.to_json() if claim else None,
        "modality": mention.modality,
        "historical": mention.historical,
        "confidence": mention.confidence,
    }
