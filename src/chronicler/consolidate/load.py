"""Stored JSON back into records: event JSON (SCHEMA.md) and consolidated event JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronicler.records import (
    Claim,
    ConsolidatedEvent,
    Count,
    Entity,
    EventMention,
    Location,
    Review,
    Sources,
    Span,
)


def _entity(d: Mapping[str, Any]) -> Entity:
    return Entity(
        entity_text=str(d.get("entity_text") or ""),
        identifier_id=d.get("identifier_id"),
        identifier_text=d.get("identifier_text"),
        code=d.get("code"),
        sector=d.get("sector"),
    )


def _location(d: Mapping[str, Any]) -> Location:
    resolved = d.get("resolved_place")  # absent from hand-written JSON: the place as written
    return Location(
        extracted_place=str(d.get("extracted_place") or ""),
        resolved_place=str(resolved if resolved is not None else d.get("extracted_place") or ""),
        geonameid=d.get("geonameid"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        admin1=d.get("admin1"),
        country_code=d.get("country_code"),
        resolution=d.get("resolution") or "city",
    )


def _count(d: Mapping[str, Any]) -> Count:
    return Count(
        kind=d.get("kind") or "other",
        low=d.get("low"),
        high=d.get("high"),
        qualifier=d.get("qualifier") or "exact",
        text=str(d.get("text") or ""),
    )


def mention_from_json(d: Mapping[str, Any]) -> EventMention:
    """The record ``EventMention.to_json`` wrote; ``mention_from_json(m.to_json()) == m``."""
    info = d.get("text_info") or {}
    trigger = d.get("trigger")
    loc = d.get("event_loc")
    claimed = d.get("claimed_by")
    return EventMention(
        id=str(d["id"]),
        doc_id=str(d["doc_id"]),
        event=str(d["event"]),
        mode=d.get("mode"),
        text=str(d.get("text") or ""),
        start=int(info.get("start", 0)),
        end=int(info.get("end", 0)),
        trigger=Span(trigger["text"], trigger["start"], trigger["end"]) if trigger else None,
        extractor=str(d.get("extractor") or ""),
        confidence=float(d.get("confidence") or 0.0),
        context=tuple(d.get("context") or ()),
        actor=tuple(_entity(e) for e in d.get("actor") or ()),
        recipient=tuple(_entity(e) for e in d.get("recipient") or ()),
        date=d.get("date"),
        enddate=d.get("enddate"),
        event_loc=_location(loc) if loc else None,
        places=tuple(_location(p) for p in d.get("places") or ()),
        counts=tuple(_count(c) for c in d.get("counts") or ()),
        claimed_by=_entity(claimed) if claimed else None,
        modality=d.get("modality") or "asserted",
        historical=bool(d.get("historical")),
        outlet=d.get("outlet"),
        review=_review(d["review"]) if d.get("review") else None,
    )


def _review(d: Mapping[str, Any]) -> Review:
    return Review(
        d["status"], tuple(d.get("fields") or ()), tuple(d.get("reviewers") or ()), str(d.get("at") or "")
    )


def _claim(d: Mapping[str, Any]) -> Claim:
    claimed = d.get("claimed_by")
    return Claim(
        kind=d.get("kind") or "other",
        low=d.get("low"),
        high=d.get("high"),
        qualifier=d.get("qualifier") or "exact",
        text=str(d.get("text") or ""),
        claimed_by=_entity(claimed) if claimed else None,
        outlet=d.get("outlet"),
        doc_id=str(d.get("doc_id") or ""),
        mention_id=str(d.get("mention_id") or ""),
        published=d.get("published"),
    )


def _sources(d: Mapping[str, Any]) -> Sources:
    return Sources(
        outlets=tuple(d.get("outlets") or ()),
        independent=int(d.get("independent") or 0),
        affiliations=tuple(d.get("affiliations") or ()),
    )


def consolidated_from_json(d: Mapping[str, Any]) -> ConsolidatedEvent:
    """The record ``ConsolidatedEvent.to_json`` wrote; ``consolidated_from_json(e.to_json()) == e``."""
    loc = d.get("event_loc")
    return ConsolidatedEvent(
        id=str(d["id"]),
        event=str(d["event"]),
        mode=d.get("mode"),
        date=d.get("date"),
        enddate=d.get("enddate"),
        event_loc=_location(loc) if loc else None,
        places=tuple(_location(p) for p in d.get("places") or ()),
        actor=tuple(_entity(e) for e in d.get("actor") or ()),
        recipient=tuple(_entity(e) for e in d.get("recipient") or ()),
        historical=bool(d.get("historical")),
        mentions=tuple(str(m) for m in d.get("mentions") or ()),
        documents=tuple(str(doc) for doc in d.get("documents") or ()),
        claims=tuple(_claim(c) for c in d.get("claims") or ()),
        sources=_sources(d.get("sources") or {}),
        disagreement=bool(d.get("disagreement")),
    )
