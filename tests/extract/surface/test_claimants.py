"""Who claims an event in a language the surface reader reads."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event", "claimant"),
    [
        # where only names are capitalised, a name the knowledge base does not know still speaks
        (
            "El gobernador de la provincia, Ali Rezaei Moghadam, afirmó que por lo menos 12 personas "
            "perdieron la vida en el ataque.",
            "ASSAULT",
            "Ali Rezaei Moghadam",
        ),
        (
            "La policía detuvo a 40 manifestantes en Teherán, afirmó el gobernador Ali Rezaei.",
            "COERCE",
            "Ali Rezaei",
        ),
    ],
)
def test_an_unknown_name_beside_the_verb_speaks(
    text: str, event: str, claimant: str, claimant_of: Callable[..., str | None]
) -> None:
    assert claimant_of(text, event, "es") == claimant


def test_a_single_capitalised_word_is_not_taken_for_a_name(claimant_of: Callable[..., str | None]) -> None:
    text = "La policía detuvo a 40 manifestantes en Teherán, afirmó Irna."
    assert claimant_of(text, "COERCE", "es") != "Irna"


def test_a_name_inside_what_is_said_does_not_speak(claimant_of: Callable[..., str | None]) -> None:
    text = "El gobierno afirmó que Ali Rezaei Moghadam fue detenido en Teherán."
    assert claimant_of(text, "COERCE", "es") != "Ali Rezaei Moghadam"
