"""Datasette's ``metadata.yml`` for a chronicler database: titles, descriptions, facets and sort
orders for the map views (migration 0005) and the tables, so that ``datasette chronicler.sqlite
--metadata metadata.yml`` opens on something a researcher can use, and with the
datasette-cluster-map plugin shows a map of every view with coordinates."""

from __future__ import annotations

from typing import Any

ABOUT = "chronicler: political events read from news, every fact with its evidence and claimant"
NOT_A_POINT = (
    " latitude and longitude are given only for a town:"
    " an event placed only in a province or a country has none."
)
VIEWS: dict[str, dict[str, Any]] = {
    "events_map": {
        "title": "Event mentions",
        "description": "One row per event mention, as extracted from one sentence of one article."
        + NOT_A_POINT,
        "facets": ["event", "country_code", "geo_precision", "modality", "historical", "outlet"],
        "sort_desc": "date",
        "label_column": "text",
    },
    "consolidated_map": {
        "title": "Consolidated events",
        "description": "Mentions of one real-world event merged across sentences and articles." + NOT_A_POINT,
        "facets": ["event", "country_code", "disagreement", "historical"],
        "sort_desc": "date",
    },
    "claims_map": {
        "title": "Claims",
        "description": "Every figure reported for a consolidated event, with its claimant and outlet: "
        "competing tolls side by side.",
        "facets": ["kind", "claimed_by", "outlet"],
        "sort": "event_id",
    },
}
HIDDEN = (
    "alembic_version",
    "document_keys",
    "consolidated_members",
    "superseded_documents",
    "superseded_mentions",
)


def metadata(database: str) -> dict[str, Any]:
    """The metadata of database ``database`` (Datasette names a file by its stem: ``chronicler``)."""
    tables: dict[str, Any] = {name: dict(spec) for name, spec in VIEWS.items()}
    tables |= {name: {"hidden": True} for name in HIDDEN}
    return {
        "title": "chronicler",
        "description": ABOUT,
        "source": "chronicler",
        "databases": {database: {"tables": tables}},
    }
