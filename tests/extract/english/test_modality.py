"""Modality read off the trigger and the predicates above it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.records import EventMention

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive report with no source hedges what it reports
        ("One man was reported killed in Zahedan on Friday.", [("ASSAULT", "hedged")]),
        ("The province is reported to have executed four men last month.", [("ASSAULT", "hedged")]),
        # a hedging adverb on the clause above the trigger
        ("Reportedly, officials put the number of students detained at forty.", [("COERCE", "hedged")]),
        # ... but a named source asserts, and an adverb on the reason leaves the act asserted
        ("Police detained nine students on Friday, the council reported.", [("COERCE", "asserted")]),
        ("Police arrested a driver for allegedly blocking a road.", [("COERCE", "asserted")]),
        # a guess about the past hedges it; a reported "will" is still to come
        ("A local group said up to forty people may have died in the raid.", [("ASSAULT", "hedged")]),
        ("The union said its members would hold rallies in three cities.", [("PROTEST", "future")]),
        # ... while "would" in a condition, or "would have", stays hypothetical
        ("If the strike spreads, police would arrest its leaders.", [("COERCE", "hypothetical")]),
        ("Marchers would have been killed had the army fired, a witness said.",
         [("ASSAULT", "hypothetical")]),
    ],
)
def test_hedges(
    read_text: Callable[..., tuple[EventMention, ...]], text: str, expected: list[tuple[str, str]]
) -> None:
    mentions = read_text(text, published="2024-05-06", detector=False)
    assert [(m.event, m.modality) for m in mentions] == expected
