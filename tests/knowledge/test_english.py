"""The English reader's word lists (``packs/en/*.yaml``): they load, build their patterns, a user
file extends them, and a fault names the file and line."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.english import EnglishWords, load_english_words


def test_the_shipped_lists_load(english: EnglishWords) -> None:
    assert "amid" in english.frame_preps
    assert "minister" in english.role_nouns
    assert ("how", "many") in english.question_words
    assert english.ordinals["tenth"] == 10
    assert english.protest_words == ("protest",)


def test_no_shipped_list_is_empty(english: EnglishWords) -> None:
    empty = [f.name for f in fields(english) if not isinstance(getattr(english, f.name), re.Pattern)
             and not getattr(english, f.name)]
    assert empty == []


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("duration", "For four decades the regime has", "For four decades"),
        ("duration", "over the past 40 years", "over the past 40 years"),
        ("duration", "for four days", None),
        ("short_offset", "two days after", "days"),
        ("anniversary", "On the second anniversary of the uprising", "second anniversary of"),
        ("anniversary", "One year after the crackdown", "One year after"),
        ("org_name", "the Coordinating Council of Teachers said", "Coordinating Council of Teachers"),
        ("acronym", "the Iran Justice Observatory (IJO) said", "Iran Justice Observatory (IJO)"),
    ],
)
def test_the_patterns_are_built_from_the_lists(
    english: EnglishWords, pattern: str, text: str, found: str | None
) -> None:
    match = getattr(english, pattern).search(text)
    assert (match.group(0) if match else None) == found


def _user(directory: Path, name: str, text: str) -> Path:
    (directory / "en").mkdir()
    (directory / "en" / name).write_text(text, encoding="utf-8")
    return directory


def test_a_user_file_extends_a_list_lower_cased(tmp_path: Path) -> None:
    user = _user(tmp_path, "participants.yaml", "version: 1\nrole_nouns: [Rapporteur]\n")
    words = load_english_words([user])
    assert {"rapporteur", "minister"} <= words.role_nouns


def test_a_user_ordinal_reaches_the_anniversary_pattern(tmp_path: Path) -> None:
    words = load_english_words([_user(tmp_path, "time.yaml", "version: 1\nordinals: {eleventh: 11}\n")])
    match = words.anniversary.search("the eleventh anniversary of the uprising")
    assert match is not None and words.ordinals[match.group("ord")] == 11
    assert words.ordinals["first"] == 1


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("events.yaml", "version: 1\nframe_prep: [amidst]\n", "unknown key(s) ['frame_prep']"),
        ("participants.yaml", "version: 1\nrole_nouns: rapporteur\n", "role_nouns: expected a list"),
        ("time.yaml", "version: 1\nordinals: {eleventh: eleven}\n", "ordinals.eleventh: expected an integer"),
        ("places.yaml", "locative_preps: [beside]\n", "version: expected 1"),
    ],
)
def test_a_bad_user_file_names_the_file_and_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    with pytest.raises(PackError) as error:
        load_english_words([_user(tmp_path, name, text)])
    assert str(tmp_path / "en" / name) in str(error.value)
    assert message in str(error.value)
    assert error.value.line is not None
