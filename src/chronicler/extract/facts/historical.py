"""Is an event background (history, anniversary, context) rather than news?

An event dated well before publication is background. A reduced date counts from its last
day ("2019-11" ends on 30 November) and a reduced publication date from its middle, so that
"1988" in a page known only to be from 2020 is history while "2019-11" in a page of
"2019-11" is not. With no date at all, the sentence's own words decide ("anniversary", "years ago").
"""

from __future__ import annotations

from chronicler.isodates import iso_bounds
from chronicler.knowledge.triggers import Cues

EXTRACTOR = "historical.rules.v1"


def days_before(event_date: str, published: str) -> int | None:
    """Days from the end of the event's period to the middle of the publication's period."""
    ev, pub = iso_bounds(event_date), iso_bounds(published)
    if ev is None or pub is None:
        return None
    middle = pub[0] + (pub[1] - pub[0]) / 2
    return (middle - ev[1]).days


def is_historical(event_date: str | None, published: str | None, sentence: str, cues: Cues) -> bool:
    if event_date and published:
        gap = days_before(event_date, published)
        if gap is not None:
            return gap > cues.historical_after_days
    lowered = sentence.lower()
    return any(marker in lowered for marker in cues.historical_markers)
