"""The plain-text report of a score, line for line what the devset's ``score.py`` prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SUMMARY_KEYS = ("events_all", "events_material", "events_verbal", "count_claims")


def render_text(result: Mapping[str, Any]) -> str:
    """The report without a final newline: ``print(render_text(r))`` writes what score.py writes."""
    lines = [f"{key:16} {result[key]}" for key in SUMMARY_KEYS]
    lines.append("attributes (on matched events):")
    for key, value in result["attributes"].items():
        lines.append(f"  {key:12} {value}  (n={result['attribute_n'][key]})")
    lines.append("per type:")
    # !s: an event with no type is tallied under None, which score.py cannot pad.
    lines.extend(f"  {key!s:10} {value}" for key, value in result["per_type"].items())
    return "\n".join(lines)
