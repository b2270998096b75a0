"""A quality floor: minimum figures of a score that CI refuses to fall below.

Figures are named by dotted paths into the result of ``scoring.score``: ``events_all.f1``,
``attributes.date``. A floor file is JSON: ``{"figures": {"events_all.f1": 0.74, ...}, ...}``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.errors import InputError


@dataclass(frozen=True)
class Shortfall:
    figure: str
    measured: float | None  # None: the figure could not be measured (no matched events)
    floor: float

    def __str__(self) -> str:
        shown = "not measured" if self.measured is None else f"{self.measured:.3f}"
        return f"{self.figure}: {shown} < floor {self.floor:.2f}"


def figure(result: Mapping[str, Any], name: str) -> float | None:
    """The figure at a dotted path (``events_all.f1``), or None where the result has none."""
    value: Any = result
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def round_down(value: float, places: int = 2) -> float:
    """Round towards zero, so that a floor set from a measurement is never above it."""
    scale = 10**places
    # The small epsilon keeps 0.83 (stored as 0.82999...) from becoming 0.82.
    return float(math.floor(value * scale + 1e-9) / scale)


def floors_from(result: Mapping[str, Any], names: Iterable[str], places: int = 2) -> dict[str, float]:
    """Today's figures rounded down: the floor to pin after a measurement."""
    out: dict[str, float] = {}
    for name in names:
        value = figure(result, name)
        if value is None:
            raise ValueError(f"the result has no figure {name!r}")
        out[name] = round_down(value, places)
    return out


def shortfalls(result: Mapping[str, Any], floors: Mapping[str, float]) -> list[Shortfall]:
    """Every figure below its floor (or missing), in the order the floors list them."""
    found = []
    for name, floor in floors.items():
        value = figure(result, name)
        if value is None or value < floor:
            found.append(Shortfall(name, value, floor))
    return found


def load_floors(path: Path) -> dict[str, float]:
    """The ``figures`` of a floor file; anything malformed is an InputError naming the file and entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read the floor file: {exc}") from None
    figures = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(figures, dict) or not figures:
        raise InputError(str(path), "needs a non-empty object 'figures': {\"events_all.f1\": 0.74, ...}")
    for name, value in figures.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise InputError(str(path), f"figures.{name}: {value!r} is not a number from 0 to 1")
    return {str(k): float(v) for k, v in figures.items()}
