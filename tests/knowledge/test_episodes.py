from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.episodes import episode_of, load_episodes


def test_the_shipped_episodes_load_with_their_cues() -> None:
    episodes = load_episodes()
    assert episodes
    amini = episode_of("Crowds chanted 'Woman, Life, Freedom' after Mahsa Amini died.", "IR", episodes)
    assert amini is not None and amini.start == "2022-09"


def test_the_episode_named_most_often_wins_and_only_in_its_country() -> None:
    episodes = load_episodes()
    text = "Mahsa Amini's death. Protests over fuel prices. Anger at fuel prices. The fuel price rise."
    chosen = episode_of(text, "IR", episodes)
    assert chosen is not None and chosen.start == "2019-11"
    assert episode_of(text, "FR", episodes) is None  # a story set elsewhere is of no Iranian episode
    assert episode_of("Nothing here names an episode.", "IR", episodes) is None


def test_a_user_pack_adds_episodes(tmp_path: Path) -> None:
    (tmp_path / "episodes.yaml").write_text(
        "version: 1\nepisodes:\n"
        "  - {name: Harbour strike, country: GB, start: 1999-04, cues: [harbour strike]}\n",
        encoding="utf-8",
    )
    chosen = episode_of("The Harbour Strike went on.", "GB", load_episodes([tmp_path]))
    assert chosen is not None and chosen.name == "Harbour strike"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{name: X, country: GB, start: 1999-13, cues: [x]}", "is not YYYY-MM"),
        ("{name: X, country: Britain, start: 1999-04, cues: [x]}", "ISO 3166"),
        ("{name: X, country: GB, start: 1999-04, cues: []}", "at least one phrase"),
        ("{name: X, start: 1999-04, cues: [x]}", "exactly the keys"),
    ],
)
def test_a_bad_episode_names_its_file_and_fault(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "episodes.yaml"
    path.write_text(f"version: 1\nepisodes:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_episodes([tmp_path])
    assert str(path) in str(caught.value) and message in str(caught.value)
