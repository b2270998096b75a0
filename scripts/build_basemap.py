"""Write the web workspace's offline base map: country outlines from Natural Earth (public domain)
as GeoJSON, derived from the TopoJSON of the npm package world-atlas 2.0.2 (ISC).

usage: .venv/bin/python scripts/build_basemap.py WORLD_ATLAS_DIR
       (WORLD_ATLAS_DIR: the unpacked package, e.g. after `npm pack world-atlas@2.0.2`)

Writes src/chronicler/web/static/basemap/countries.geojson: one feature per country, its name in
``properties.name`` and its ISO 3166-1 alpha-2 code in ``properties.iso_a2`` (from the source's
numeric code, by GeoNames' table; null for the few areas without one), coordinates rounded to
0.01 degree (about a kilometre, finer than the 1:50m source). Deterministic: the same input gives
the same bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from chronicler.knowledge.countries import load_countries

OUT = Path(__file__).resolve().parent.parent / "src/chronicler/web/static/basemap/countries.geojson"


def decode_arcs(topology: dict[str, Any]) -> list[list[list[float]]]:
    """The arcs of a quantized TopoJSON topology as absolute longitude/latitude positions."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their joining point
    return points


def feature(
    geometry: dict[str, Any], arcs: list[list[list[float]]], alpha2: dict[int, str]
) -> dict[str, Any] | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        coordinates: Any = [ring(r, arcs) for r in geometry["arcs"]]
    elif kind == "MultiPolygon":
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    else:
        return None
    name = geometry.get("properties", {}).get("name")
    numeric = geometry.get("id")
    code = alpha2.get(int(numeric)) if isinstance(numeric, str) and numeric.isdigit() else None
    return {"type": "Feature", "properties": {"name": name, "iso_a2": code},
            "geometry": {"type": kind, "coordinates": coordinates}}  # fmt: skip


def main(source: Path) -> None:
    topology = json.loads((source / "countries-50m.json").read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    alpha2 = {c.iso_numeric: code for code, c in load_countries().items() if c.iso_numeric is not None}
    features = [f for g in geometries if (f := feature(g, arcs, alpha2)) is not None]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
