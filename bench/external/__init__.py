"""chronicler measured on public evaluation sets, one module per set.

Each module exposes ``run(root: Path) -> SetResult``, where ``root`` is the directory that holds the
external sets (``../shared/eval/external`` by default). The sets are read in place and never copied
into this repository: their licences range from CC BY-SA to "evaluation use only".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Metric:
    """One figure for chronicler and, where a baseline was run, the same figure for it."""

    name: str
    chronicler: float | None
    baseline: float | None = None


@dataclass(frozen=True)
class SetResult:
    """What one external set measured; ``skipped`` says why nothing was when the set is absent."""

    key: str  # the name ``--only`` takes
    title: str
    n: int = 0
    unit: str = "items"
    baseline: str | None = None  # what the baseline column is
    metrics: tuple[Metric, ...] = ()
    measured: str = ""
    mapping: str = ""
    excluded: str = ""
    notes: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # an optional breakdown; the first row is the header
    skipped: str | None = None
    seconds: float = field(default=0.0, compare=False)


def missing(key: str, title: str, *paths: Path) -> SetResult | None:
    """A skipped result when any of ``paths`` is absent, else None."""
    absent = [str(p) for p in paths if not p.exists()]
    if not absent:
        return None
    return SetResult(key, title, skipped=f"not found: {', '.join(absent)}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a denominator is empty."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
