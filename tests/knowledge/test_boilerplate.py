"""The page-furniture pack: the shipped one loads; a user's extends it, and its faults name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.boilerplate import Boilerplate, load_boilerplate

V = "version: 1\n"


def test_shipped_pack_loads(boilerplate: Boilerplate) -> None:
    assert boilerplate.lines and boilerplate.menu_words and boilerplate.html_prune
    assert len({rule.id for rule in boilerplate.lines}) == len(boilerplate.lines)


def test_a_user_pack_appends_to_every_section(tmp_path: Path, boilerplate: Boilerplate) -> None:
    (tmp_path / "boilerplate.yaml").write_text(
        V + "lines:\n  - {id: courier-follow, pattern: 'Follow the .{1,40} on Fedimail', why: w}\n"
        "menu_words: [Dispatches]\nhtml_prune:\n  - {xpath: '//aside[@class=\"fedimail\"]', why: w}\n",
        encoding="utf-8",
    )
    extended = load_boilerplate([tmp_path])
    assert extended.lines[: len(boilerplate.lines)] == boilerplate.lines
    assert extended.lines[-1].id == "courier-follow"
    assert extended.menu_words == boilerplate.menu_words | {"dispatches"}
    assert extended.html_prune == (*boilerplate.html_prune, '//aside[@class="fedimail"]')


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just a list\n", "must hold a mapping"),
        ("lines: []\n", "version: expected 1"),
        (V + "lines: []\nextra: 1\n", "unknown key(s) ['extra']"),
        (V + "lines: {a: 1}\n", "lines: expected a list"),
        (V + "lines:\n  - id: x\n    pattern: 'a('\n    why: w\n", "(x): invalid regex"),
        (V + "lines:\n  - id: x\n    pattern: 'a*'\n    why: w\n", "matches the empty line"),
        (V + "lines:\n  - id: x\n    pattern: 'a'\n", "expected exactly the keys"),
        (V + "lines:\n  - id: x\n    pattern: 'a'\n    why: ''\n", "'why' must be a non-empty string"),
        (V + "lines:\n  - {id: x, pattern: 'a', why: w}\n  - {id: x, pattern: 'b', why: w}\n",
         "duplicate id 'x'"),
        (V + "lines:\n  - {id: tag-list, pattern: 'a', why: w}\n", "duplicate id 'tag-list'"),
        (V + "menu_words: [home, 3]\n", "expected a non-empty string"),
        (V + "html_prune:\n  - {xpath: '//*[', why: w}\n", "invalid XPath"),
        (V + "html_prune:\n  - {xpath: '//p[shout()]', why: w}\n", "Unregistered function"),
        ("lines: [\n", "cannot be read as YAML"),
    ],
)
def test_a_bad_user_pack_names_its_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_boilerplate([tmp_path])
    assert caught.value.path == str(path)
    assert message in caught.value.reason


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (V + "lines: []\n\nextra: 1\n", 4),
        (V + "lines:\n  - id: x\n    pattern: 'a('\n    why: w\n", 4),
        (V + "lines:\n  - id: x\n    pattern: 'a'\n", 3),
        (V + "lines:\n  - {id: x, pattern: 'a', why: w}\n  - {id: x, pattern: 'b', why: w}\n", 4),
        (V + "menu_words:\n  - home\n  - 3\n", 4),
        (V + "html_prune:\n  - xpath: //nav\n    why: menus\n  - xpath: '//*['\n    why: w\n", 5),
        ("lines: [\n", 2),
    ],
)
def test_a_fault_names_its_line(tmp_path: Path, content: str, line: int) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_boilerplate([tmp_path])
    assert caught.value.line == line and str(caught.value).startswith(f"{path}:{line}: ")


def test_a_directory_without_the_file_changes_nothing(tmp_path: Path, boilerplate: Boilerplate) -> None:
    assert load_boilerplate([tmp_path]) == boilerplate
