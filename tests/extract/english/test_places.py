"""Where an unplaced event happened: the paragraph's town, else the story's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.records import EventMention

pytestmark = pytest.mark.slow


def _places(read_text: Callable[..., tuple[EventMention, ...]], text: str) -> dict[str, str | None]:
    mentions = read_text(text, published="2024-05-06", detector=False)
    return {m.event: (m.event_loc.resolved_place if m.event_loc else None) for m in mentions}


def test_an_unplaced_event_happened_where_its_paragraph_last_placed_one(
    read_text: Callable[..., tuple[EventMention, ...]],
) -> None:
    text = (
        "Strikes spread to Tabriz and Shiraz this week.\n\n"
        "In Shiraz, police fired tear gas at students on Monday. Dozens were arrested."
    )
    assert _places(read_text, text)["COERCE"] == "Shiraz"


def test_the_town_of_another_paragraph_does_not_place_it(
    read_text: Callable[..., tuple[EventMention, ...]],
) -> None:
    text = (
        "Strikes spread to Tabriz and Shiraz this week, and shops in Tabriz stayed shut.\n\n"
        "In Shiraz, police fired tear gas at students on Monday.\n\n"
        "Dozens were arrested, a rights group said."
    )
    assert _places(read_text, text)["COERCE"] == "Iran"
