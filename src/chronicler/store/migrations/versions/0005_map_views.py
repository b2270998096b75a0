"""Views for Datasette and SQL users: events, consolidated events and claims with map columns.

The stored truth is each record's JSON; these views lay out what a researcher filters and maps by
as plain columns: ``latitude`` and ``longitude`` (given only for a town: a province's or a
country's stored point is its capital's, and a map would put the event there), place, province,
country, outlet, claimant, each claim's figure. Datasette and its cluster-map plugin find the
``latitude``/``longitude`` columns by name. A later migration that rebuilds one of the tables
below must drop these views first and create them again after (SQLite checks views on rename).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("events_map", "consolidated_map", "claims_map")
Json = Callable[[str, str], str]


def _sqlite(column: str, path: str) -> str:
    return f"json_extract({column}, '$.{path}')"


def _postgresql(column: str, path: str) -> str:
    return f"(({column})::jsonb #>> '{{{path.replace('.', ',')}}}')"


def _number(json: Json, column: str, path: str, dialect: str) -> str:
    value = json(column, path)
    return f"CAST({value} AS DOUBLE PRECISION)" if dialect == "postgresql" else value


def _map_columns(json: Json, column: str, dialect: str) -> str:
    town = f"{json(column, 'event_loc.resolution')} = 'city'"
    lat = _number(json, column, "event_loc.lat", dialect)
    lon = _number(json, column, "event_loc.lon", dialect)
    return f"""
        {json(column, "event_loc.resolved_place")} AS place,
        {json(column, "event_loc.admin1")} AS admin1,
        {json(column, "event_loc.country_code")} AS country_code,
        {json(column, "event_loc.resolution")} AS geo_precision,
        CASE WHEN {town} THEN {lat} END AS latitude,
        CASE WHEN {town} THEN {lon} END AS longitude"""


def _name(json: Json, column: str, entity: str) -> str:
    return f"COALESCE({json(column, entity + '.identifier_text')}, {json(column, entity + '.entity_text')})"


def _views(dialect: str) -> dict[str, str]:
    json: Json = _postgresql if dialect == "postgresql" else _sqlite
    if dialect == "postgresql":
        claims_from = (
            "consolidated_events c CROSS JOIN LATERAL "
            "jsonb_array_elements((c.record)::jsonb -> 'claims') AS j"
        )
        claim = "j.value::text"
        count = "jsonb_array_length((c.record)::jsonb -> '{}')"
    else:
        claims_from = "consolidated_events c, json_each(c.record, '$.claims') AS j"
        claim = "j.value"
        count = "json_array_length(c.record, '$.{}')"
    return {
        "events_map": f"""
            SELECT m.id, m.doc_id, m.event, m.mode, m.date, m.enddate,
                {_map_columns(json, "m.record", dialect)},
                {_name(json, "m.record", "claimed_by")} AS claimed_by,
                m.modality, m.historical, d.outlet, d.url, d.published, m.extractor, m.confidence,
                {json("m.record", "text")} AS text
            FROM event_mentions m JOIN documents d ON d.id = m.doc_id""",
        "consolidated_map": f"""
            SELECT c.id, c.position, c.event, {json("c.record", "mode")} AS mode, c.date,
                {json("c.record", "enddate")} AS enddate,{_map_columns(json, "c.record", dialect)},
                {count.format("mentions")} AS mentions, {count.format("documents")} AS documents,
                {count.format("claims")} AS claims,
                CAST({json("c.record", "sources.independent")} AS INTEGER) AS independent_sources,
                {json("c.record", "disagreement")} AS disagreement, c.historical
            FROM consolidated_events c""",
        "claims_map": f"""
            SELECT c.id AS event_id, c.event, c.date,{_map_columns(json, "c.record", dialect)},
                {json(claim, "kind")} AS kind, CAST({json(claim, "low")} AS INTEGER) AS low,
                CAST({json(claim, "high")} AS INTEGER) AS high, {json(claim, "qualifier")} AS qualifier,
                {json(claim, "text")} AS figure, {_name(json, claim, "claimed_by")} AS claimed_by,
                {json(claim, "outlet")} AS outlet, {json(claim, "published")} AS published,
                {json(claim, "doc_id")} AS doc_id, {json(claim, "mention_id")} AS mention_id
            FROM {claims_from}""",
    }


def upgrade() -> None:
    for name, query in _views(op.get_bind().dialect.name).items():
        op.execute(f"CREATE VIEW {name} AS {query}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
