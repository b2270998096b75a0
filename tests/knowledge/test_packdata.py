from __future__ import annotations

import re
from typing import Any

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.calendar import load_calendar
from chronicler.knowledge.counts import load_count_words
from chronicler.knowledge.packdata import int_map, phrase_regex, strings


@pytest.mark.parametrize("value", [None, "killed", [1, 2], ["ok", ""], [True]])
def test_strings_rejects_bad_lists(value: Any) -> None:
    with pytest.raises(PackError, match=r"counts\.yaml: en\.cues\.dead"):
        strings("counts.yaml", "en.cues.dead", value)


@pytest.mark.parametrize("value", [["May"], {"May": 13}, {"May": "5"}, {"May": True}, {"": 5}])
def test_int_map_rejects_bad_entries(value: Any) -> None:
    with pytest.raises(PackError, match=r"calendar\.yaml: en\.months"):
        int_map("calendar.yaml", "en.months", value, 1, 12)


def test_int_map_lowercases_keys() -> None:
    assert int_map("p", "w", {"May": 5}, 1, 12) == {"may": 5}


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (["at least", "least"], "at  least 5", ["at  least"]),
    (["arrest*"], "they arrested 5, arrests rose", ["arrested", "arrests"]),
    (["ده"], "ده‌ها نفر و ده نفر", ["ده"]),
    ([], "anything", []),
])
def test_phrase_regex(phrases: list[str], text: str, found: list[str]) -> None:
    rx = re.compile(phrase_regex(phrases, prefix_ok=True))
    assert [m.group() for m in rx.finditer(text)] == found


@pytest.mark.parametrize("language", ["en", "fr", "de", "fa"])
def test_shipped_packs_load(language: str) -> None:
    assert load_calendar(language).language == language
    assert load_count_words(language).language == language
