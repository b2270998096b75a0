from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from chronicler.errors import PackError
from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.calendar import load_calendars
from chronicler.knowledge.counts import load_count_words
from chronicler.knowledge.numbers import load_numbers
from chronicler.knowledge.packdata import PACK_DIR, int_map, merge, phrase_regex, read_pack, strings


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
def test_shipped_packs_load(language: str, knowledge: KnowledgeBase) -> None:
    assert load_calendars()[language].language == language
    assert load_count_words()[language].language == language
    assert load_numbers()[language].language == language
    lang = knowledge.language(language)
    assert (lang.code, lang.calendar.language, lang.counts.language, lang.numbers.language) == (language,) * 4
    assert lang.dates.calendar is lang.calendar and (lang.grammar is None) == (language == "en")


def test_an_unknown_language_reads_as_english(knowledge: KnowledgeBase) -> None:
    assert knowledge.language("xx") is knowledge.language("en") is knowledge.language(None)
    assert knowledge.reads("fa") and knowledge.reads(None) and not knowledge.reads("xx")


def test_merge_extends_mappings_and_lists_and_replaces_scalars() -> None:
    base: dict[str, Any] = {"version": 1, "en": {"words": {"one": 1}, "joiners": ["and"], "flag": False}}
    extra = {"en": {"words": {"eleventy": 110}, "joiners": ["and", "plus"], "flag": True}}
    assert merge(base, extra) == {
        "version": 1,
        "en": {"words": {"one": 1, "eleventy": 110}, "joiners": ["and", "plus"], "flag": True},
    }
    assert base["en"]["joiners"] == ["and"]  # the shipped mapping is left as it was


def test_read_pack_merges_the_user_file_and_names_both(tmp_path: Path) -> None:
    (tmp_path / "numbers.yaml").write_text("version: 1\nen:\n  words: {eleventy: 110}\n")
    where, data = read_pack("numbers.yaml", [tmp_path])
    assert where == f"{PACK_DIR / 'numbers.yaml'} + {tmp_path / 'numbers.yaml'}"
    assert data["en"]["words"]["eleventy"] == 110 and data["en"]["words"]["seven"] == 7
    assert read_pack("numbers.yaml", [tmp_path / "elsewhere"])[0] == str(PACK_DIR / "numbers.yaml")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("version: 1\nen: [\n", "cannot be read as YAML"),
        ("- a list\n", "must hold a mapping"),
        ("en: {}\n", "version: expected 1"),
    ],
)
def test_a_bad_user_file_is_named(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "calendar.yaml").write_text(body)
    with pytest.raises(PackError) as info:
        read_pack("calendar.yaml", [tmp_path])
    assert str(tmp_path / "calendar.yaml") in str(info.value) and message in str(info.value)


def test_a_missing_pack_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a directory"):
        load_knowledge([tmp_path / "nowhere"])
