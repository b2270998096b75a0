"""Well-known episodes (``packs/episodes.yaml``): when an undated article's story happened."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.knowledge.packdata import known_keys, mark_of, pack_error, phrase_regex, read_pack, strings

PACK = "episodes.yaml"
_START = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


@dataclass(frozen=True)
class Episode:
    name: str
    country: str  # ISO 3166 alpha-2: only a story set there is of this episode
    start: str  # YYYY-MM or YYYY-MM-DD
    cues: re.Pattern[str]


def load_episodes(extra_dirs: Sequence[Path] = ()) -> tuple[Episode, ...]:
    """The shipped episodes extended by ``<dir>/episodes.yaml`` of each of ``extra_dirs``."""
    where, data = read_pack(PACK, extra_dirs)
    known_keys(where, "episodes", data, ("version", "episodes"))
    raw = data.get("episodes") or []
    if not isinstance(raw, list):
        raise pack_error(where, "episodes: expected a list", mark_of(data, "episodes"))
    return tuple(_episode(where, i, item) for i, item in enumerate(raw))


def _episode(where: str, index: int, raw: Any) -> Episode:
    name = f"episodes[{index}]"
    if not isinstance(raw, dict) or set(raw) != {"name", "country", "start", "cues"}:
        raise pack_error(where, f"{name}: expected exactly the keys name, country, start, cues", mark_of(raw))
    country = str(raw["country"])
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise pack_error(where, f"{name}: country {country!r} is not an ISO 3166 alpha-2 code",
                         mark_of(raw, "country"))
    start = str(raw["start"])
    if not _START.fullmatch(start):
        raise pack_error(where, f"{name}: start {start!r} is not YYYY-MM or YYYY-MM-DD",
                         mark_of(raw, "start"))
    cues = strings(where, f"{name}.cues", raw["cues"], mark_of(raw, "cues"))
    if not cues:
        raise pack_error(where, f"{name}: cues must name at least one phrase", mark_of(raw, "cues"))
    pattern = re.compile(phrase_regex(cues), re.IGNORECASE)
    return Episode(str(raw["name"]), country, start, pattern)


def episode_of(text: str, country: str | None, episodes: Sequence[Episode]) -> Episode | None:
    """The episode of ``country`` that ``text`` names most often (the later one on a tie), or None."""
    scored = [(len(e.cues.findall(text)), e.start, e) for e in episodes if e.country == country]
    hits, _, chosen = max(scored, key=lambda s: s[:2], default=(0, "", None))
    return chosen if hits else None


__all__ = ["Episode", "episode_of", "load_episodes"]
