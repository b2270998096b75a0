"""Flat rows as an RFC 7946 GeoJSON FeatureCollection, for QGIS, Leaflet or geopandas.

A row with coordinates (a town: ``columns.point``) is a Point feature, ``[longitude, latitude]``
in WGS 84 as the RFC fixes it; a row placed only in a province or a country is a feature with a
null geometry (RFC 7946, 3.2) that names the place, province and country in its properties, so
that a map shows no point the text does not support and nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronicler.export.columns import Cell


def feature(row: Mapping[str, Cell]) -> dict[str, Any]:
    """One row as a Feature: its id as the feature id, every column as a property."""
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = None
    if isinstance(lat, float | int) and isinstance(lon, float | int):
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": row.get("id"), "geometry": geometry, "properties": properties}


HEAD = '{"type": "FeatureCollection", "features": ['
TAIL = "]}\n"
