"""Claimants described by an information noun resolve to whoever gave the information."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        # a source with no name is still the source
        (
            "The riots have injured hundreds, according to figures from clinics across the province.",
            "ASSAULT",
            "clinics",
        ),
        # a publication named after "in", even one the tagger takes for a place
        (
            "Riot police fired tear gas at students, according to a report in the Riverside Morning Post.",
            "ASSAULT",
            "Riverside Morning Post",
        ),
        # a source the tagger does not take for an organisation is still what "the group" refers to
        (
            "Radvan said on Sunday that twelve protesters had been killed in Arak. "
            "The group added that police had arrested forty people in Zahedan.",
            "COERCE",
            "Radvan",
        ),
        # where a group is based describes it and does not name it
        (
            "Nordlys, a rights group based in Oslo, said twelve protesters had been killed in Arak. "
            "The Oslo-based group said police had arrested forty people in Zahedan.",
            "COERCE",
            "Nordlys",
        ),
        # the reports themselves are the source when no one stands behind them
        ("Several people were killed, media reports said.", "ASSAULT", "media reports"),
        # "the NGO": a generic noun the tagger takes for a name
        (
            "Karim Nouri founded the Baluch Prisoners Foundation in 2015.\n\nThe NGO he heads has recorded "
            "in a report the execution of 90 people in Zahedan in 2022.",
            "ASSAULT",
            "Baluch Prisoners Foundation",
        ),
        # "the union": a name with the noun in the plural
        (
            "The Kurdistan Teachers' Trade Unions called the strike.\n\nPolice detained four teachers "
            "in Baneh, the union said.",
            "COERCE",
            "Kurdistan Teachers' Trade Unions",
        ),
    ],
)
def test_information_claimant(
    text: str, event: str, claimant: str, claimant_of: Callable[..., str | None]
) -> None:
    found = claimant_of(text, event)
    assert found is not None and found.endswith(claimant), found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a time or a place after "in" is not a publication
        ("Police arrested four students in March, according to a report in Tehran.", "COERCE"),
    ],
)
def test_no_information_claimant(text: str, event: str, claimant_of: Callable[..., str | None]) -> None:
    found = claimant_of(text, event)
    assert found is None or found == "report", found
