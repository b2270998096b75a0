from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest

from chronicler.errors import PackError
from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.calendar import load_calendars
from chronicler.knowledge.counts import load_count_words
from chronicler.knowledge.numbers import load_numbers
from chronicler.knowledge.packdata import (
    PACK_DIR,
    Mark,
    PackMap,
    int_map,
    load_yaml,
    mark_of,
    merge,
    phrase_regex,
    read_pack,
    strings,
)


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


@pytest.mark.parametrize("language", ["en", "fr", "de", "fa", "es", "it"])
def test_shipped_packs_load(language: str, knowledge: KnowledgeBase) -> None:
    assert load_calendars()[language].language == language
    assert load_count_words()[language].language == language
    assert load_numbers()[language].language == language
    lang = knowledge.language(language)
    assert (lang.code, lang.calendar.language, lang.counts.language, lang.numbers.language) == (language,) * 4
    assert lang.dates.calendar is lang.calendar and (lang.grammar is None) == (language == "en")


def test_an_unknown_language_reads_as_english(knowledge: KnowledgeBase) -> None:
    assert knowledge.language("xx") is knowledge.language("en") is knowledge.language(None)
    assert knowledge.reads("fa") and knowledge.reads("es") and knowledge.reads("it") and knowledge.reads(None)
    assert not knowledge.reads("xx")


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


def test_load_yaml_marks_every_mapping_key_and_list_item(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("version: 1\nen:\n  words: {one: 1}\n  joiners:\n    - and\n    - plus\n")
    data = load_yaml(path)
    at = str(path)
    assert mark_of(data) == Mark(at, 1) and mark_of(data, "en") == Mark(at, 2)
    assert mark_of(data["en"], "joiners") == Mark(at, 4)
    assert mark_of(data["en"]["words"], "one") == Mark(at, 3)
    assert [mark_of(data["en"]["joiners"], i) for i in (0, 1)] == [Mark(at, 5), Mark(at, 6)]
    assert mark_of(data["en"], "absent") == Mark(at, 3)  # no such key: where the mapping starts
    assert mark_of({"a": 1}, "a") is None  # a value built in code is in no file
    assert pickle.loads(pickle.dumps(data)) == data  # knowledge travels to worker processes


def test_merge_keeps_the_file_and_line_of_each_entry(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped.yaml", tmp_path / "user.yaml"
    shipped.write_text("version: 1\nen:\n  months: {May: 5}\n  last: [last]\n  flag: false\n")
    user.write_text("version: 1\nen:\n  months:\n    Mayish: 13\n  last: [last, 3]\n  flag: maybe\n")
    merged = merge(load_yaml(shipped), load_yaml(user))
    en = merged["en"]
    assert isinstance(en, PackMap) and mark_of(en, "flag") == Mark(str(user), 6)
    assert mark_of(en["months"], "May") == Mark(str(shipped), 3)
    assert mark_of(en["last"], 1) == Mark(str(user), 5)
    at = re.escape(str(user))
    with pytest.raises(PackError, match=rf"^{at}:4: en\.months\.Mayish: expected an integer"):
        int_map("both", "en.months", en["months"], 1, 12)
    with pytest.raises(PackError, match=rf"^{at}:5: en\.last: expected a list"):
        strings("both", "en.last", en["last"])
