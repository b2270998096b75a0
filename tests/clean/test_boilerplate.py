from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.clean.boilerplate import load_boilerplate
from chronicler.errors import PackError


def test_shipped_pack_loads() -> None:
    pack = load_boilerplate()
    assert pack.lines and pack.menu_words and pack.html_prune
    assert len({rule.id for rule in pack.lines}) == len(pack.lines)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just a list\n", "expected a mapping"),
        ("lines: []\nextra: 1\n", "unknown top-level keys"),
        ("lines: {a: 1}\n", "lines: expected a list"),
        ("lines:\n  - id: x\n    pattern: 'a('\n    why: w\n", "lines[0] (x): invalid regex"),
        ("lines:\n  - id: x\n    pattern: 'a*'\n    why: w\n", "matches the empty line"),
        ("lines:\n  - id: x\n    pattern: 'a'\n", "lines[0]: expected exactly the keys"),
        ("lines:\n  - id: x\n    pattern: 'a'\n    why: ''\n", "lines[0]: 'why' must be a non-empty string"),
        (
            "lines:\n  - {id: x, pattern: 'a', why: w}\n  - {id: x, pattern: 'b', why: w}\n",
            "lines[1]: duplicate id 'x'",
        ),
        ("menu_words: [home, 3]\n", "menu_words[1]: expected a non-empty string"),
        ("html_prune:\n  - {xpath: '//*[', why: w}\n", "html_prune[0]: invalid XPath"),
        ("lines: [\n", "cannot read the boilerplate pack"),
    ],
)
def test_bad_pack_names_file_and_entry(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_boilerplate(path)
    assert caught.value.path == str(path)
    assert message in caught.value.reason


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("lines: []\n\nextra: 1\n", 3),
        ("lines:\n  - id: x\n    pattern: 'a('\n    why: w\n", 3),
        ("lines:\n  - id: x\n    pattern: 'a'\n", 2),
        ("lines:\n  - {id: x, pattern: 'a', why: w}\n  - {id: x, pattern: 'b', why: w}\n", 3),
        ("menu_words:\n  - home\n  - 3\n", 3),
        ("html_prune:\n  - xpath: //nav\n    why: menus\n  - xpath: '//*['\n    why: w\n", 4),
        ("lines: [\n", 2),
    ],
)
def test_a_fault_names_its_line(tmp_path: Path, content: str, line: int) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_boilerplate(path)
    assert caught.value.line == line and str(caught.value).startswith(f"{path}:{line}: ")


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="cannot read"):
        load_boilerplate(tmp_path / "absent.yaml")
