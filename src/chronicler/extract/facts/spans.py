"""Choosing among overlapping candidate spans: the longest first, in time linear in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TypeVar

__all__ = ["dash_span", "longest_first"]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def longest_first(found: Iterable[S]) -> list[S]:
    """The candidates, longest first (then leftmost), each kept unless it overlaps one kept before.

    Linear in the text: each kept span marks the offsets it covers with its number, so a candidate
    looks only at its own offsets, never at every span kept so far (which was quadratic: a 3 MB
    text spent 211 million comparisons choosing its dates). Overlap is that of half-open spans, as
    ``a.end <= b.start or a.start >= b.end`` tells it, empty spans included.
    """
    owner: dict[int, int] = {}  # offset -> number of the kept span covering it
    empty: set[int] = set()  # offsets of kept empty spans
    kept: list[S] = []
    for item in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if _free(item.start, item.end, owner, empty):
            kept.append(item)
            if item.start == item.end:
                empty.add(item.start)
            for offset in range(item.start, item.end):
                owner[offset] = len(kept)
    return kept


def _free(start: int, end: int, owner: dict[int, int], empty: set[int]) -> bool:
    """Whether the span start..end overlaps no kept span."""
    if start == end:  # an empty span overlaps only a span strictly around it
        return start not in owner or owner.get(start - 1) != owner[start]
    covered = any(offset in owner for offset in range(start, end))
    return not covered and not any(offset in empty for offset in range(start + 1, end))


_DASH = re.compile(r"\s*[-–—]\s*")


def dash_span(
    first: str, first_groups: dict[str, str], second: str, second_groups: dict[str, str], gap: str
) -> tuple[str, dict[str, str]] | None:
    """Two dates of one kind (pattern names ``my``, ``dm`` or ``md``), each with its year, joined
    by a dash: the name and groups of the span they make ("December 2017 – January 2018")."""
    if first != second or first not in {"my", "dm", "md"} or not _DASH.fullmatch(gap):
        return None
    a, b = first_groups, second_groups
    if "y" not in a or "y" not in b:
        return None
    groups = {"m1": a["m"], "y1": a["y"], "m2": b["m"], "y2": b["y"]}
    if first == "my":
        return "mm", groups
    return "dm_dm", {**groups, "d1": a["d"], "d2": b["d"]}
