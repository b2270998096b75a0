"""Where the evaluation tests find the shared development set, and a synthetic system to score."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
# CI keeps the shared devset beside the repository, as tests/test_seeds.py expects it.
DEVSET = ROOT.parent / "shared" / "devset"
EXAMPLE_GOLD = ROOT / "tests" / "evaluate" / "gold"


@pytest.fixture(scope="session")
def devset() -> Path:
    """The shared devset directory; tests that need it are skipped, saying so, where it is absent."""
    if not (DEVSET / "score.py").is_file():
        pytest.skip(f"the shared devset is not at {DEVSET}")
    return DEVSET


@pytest.fixture(scope="session")
def example_gold() -> Path:
    return EXAMPLE_GOLD


def _location(place: dict[str, Any] | None, rng: random.Random) -> dict[str, Any] | None:
    if place is None:
        return None if rng.random() < 0.8 else {"resolved_place": "Tehran", "country_code": "IR"}
    country = place["country"] if rng.random() < 0.85 else "DE"
    level = "country" if place["name"] == "Iran" else "city"
    return {
        "extracted_place": place["name"],
        "resolved_place": place["name"],
        "country_code": country,
        "resolution": level,
    }


def _entity(name: str | None, rng: random.Random) -> list[dict[str, Any]]:
    if name is None or rng.random() < 0.2:
        return [] if rng.random() < 0.7 else [{"entity_text": "the crowd", "identifier_text": None}]
    return [{"entity_text": name.upper() if rng.random() < 0.3 else name, "identifier_text": None}]


def make_system(gold_dir: Path, seed: int = 7) -> list[dict[str, Any]]:
    """Event JSON made from the gold with deterministic noise: misses, wrong types and attributes, extras."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for g in gold["events"]:
            roll = rng.random()
            if roll < 0.12:
                continue
            text = g["anchor"] if rng.random() < 0.6 else f"Earlier,  {g['anchor'].upper()}  it was said."
            counts = (
                g["counts"]
                if rng.random() < 0.8
                else [*g["counts"][:1], {"kind": "other", "low": 9, "high": None}]
            )
            claimers = _entity(g.get("claimed_by"), rng)
            out.append(
                {
                    "doc_id": gold.get("article") or path.stem,
                    "event": g["event"] if roll > 0.2 else "ACCUSE",
                    "mode": g.get("mode") if rng.random() < 0.8 else None,
                    "text": text,
                    "date": g.get("date") if rng.random() < 0.7 else (g.get("date") or "2020")[:4],
                    "event_loc": _location(g.get("place"), rng),
                    "actor": _entity(g.get("actor"), rng),
                    "recipient": _entity(g.get("recipient"), rng),
                    "claimed_by": claimers[0] if claimers else None,
                    "counts": counts,
                    "modality": g.get("modality") if rng.random() < 0.85 else "asserted",
                    "historical": g.get("historical") if rng.random() < 0.85 else not g.get("historical"),
                }
            )
        out.append(
            {"doc_id": path.stem, "event": "PROTEST", "text": "A concert drew thousands.", "counts": []}
        )
        out.append(
            {
                "doc_id": path.stem,
                "event": "ASSAULT",
                "text": "Two died.",
                "counts": [{"kind": "dead", "low": 2}],
            }
        )
    out.append({"doc_id": "not-in-gold", "event": "COERCE", "text": "Police arrested five."})
    return out


@pytest.fixture(scope="session")
def synthetic_system(devset: Path) -> list[dict[str, Any]]:
    """A noisy system output over the devset gold (see ``make_system``)."""
    return make_system(devset / "gold")
