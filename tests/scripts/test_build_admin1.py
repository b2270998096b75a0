"""scripts/build_admin1.py: province outlines for the gazetteer's provinces, simplified, and nothing
else of Natural Earth's admin-1 layer."""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_admin1.py"
_spec = importlib.util.spec_from_file_location("build_admin1", SCRIPT)
assert _spec is not None and _spec.loader is not None
build_admin1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_admin1)


def _square(x: float, y: float, side: float) -> list[list[float]]:
    return [[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]


def _layer(tmp_path: Path) -> Path:
    """A stand-in for the package's admin-1 layer: two provinces the pack knows, one it does not."""
    wobbly = [[50.0 + i / 100, 31.0 + (0.001 if i % 2 else 0.0)] for i in range(101)]
    khuzestan = [*wobbly, [51.0, 32.0], [50.0, 32.0], [50.0, 31.0]]
    features = [
        {"type": "Feature", "properties": {"gn_a1_code": "IR.15", "iso_a2": "IR", "name": "Khuzestan"},
         "geometry": {"type": "Polygon", "coordinates": [khuzestan]}},
        {"type": "Feature", "properties": {"gn_a1_code": "IR.26", "iso_a2": "IR", "name": "Tehran"},
         "geometry": {"type": "MultiPolygon",
                      "coordinates": [[_square(51, 35, 1)], [_square(52, 36, 0.001)]]}},
        {"type": "Feature", "properties": {"gn_a1_code": "FR.11", "iso_a2": "FR", "name": "Île-de-France"},
         "geometry": {"type": "Polygon", "coordinates": [_square(2, 48, 1)]}},
    ]  # fmt: skip
    source = tmp_path / "package"
    (source / "data" / "states").mkdir(parents=True)
    (source / "data" / "states" / "admin1.json").write_text(
        json.dumps({"type": "FeatureCollection", "features": features})
    )
    return source


def test_only_the_pack_s_provinces_under_its_own_names(tmp_path: Path) -> None:
    out = tmp_path / "admin1.geojson"
    run = subprocess.run([sys.executable, str(SCRIPT), str(_layer(tmp_path)), "--out", str(out)],
                         check=True, capture_output=True, text=True)  # fmt: skip
    collection = json.loads(out.read_text())
    props = [f["properties"] for f in collection["features"]]
    assert props == [{"iso_a2": "IR", "admin1": "Khuzestan"}, {"iso_a2": "IR", "admin1": "Tehran"}]
    khuzestan, tehran = (f["geometry"] for f in collection["features"])
    assert len(khuzestan["coordinates"][0]) < 10  # the 1 m wobble of a straight edge is gone
    assert tehran["type"] == "Polygon"  # the islet under the tolerance is dropped
    assert "with no outline" in run.stdout  # the pack's other provinces are named
    again = tmp_path / "again.geojson"
    layer = _layer(tmp_path / "b")
    subprocess.run(
        [sys.executable, str(SCRIPT), str(layer), "--out", str(again)], check=True, capture_output=True
    )
    assert again.read_bytes() == out.read_bytes()


def test_a_wrong_call_explains_itself() -> None:
    run = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert run.returncode == 1 and "usage:" in run.stderr


points = st.lists(st.tuples(st.floats(-180, 180), st.floats(-90, 90)), min_size=2, max_size=40, unique=True)


@given(points, st.floats(0.001, 1.0))
def test_simplifying_keeps_the_ends_and_stays_within_the_tolerance(
    line: list[tuple[float, float]], tolerance: float
) -> None:
    kept = build_admin1.simplify(line, tolerance)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    assert all(p in line for p in kept)
    # every dropped point lies within the tolerance of the kept segment that spans it
    index = [line.index(p) for p in kept]
    for a, b in itertools.pairwise(index):
        for i in range(a + 1, b):
            assert build_admin1._distance(line[i], line[a], line[b]) <= tolerance + 1e-9
