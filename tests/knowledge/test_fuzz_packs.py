"""Property-based fuzzing of two readers of a user's pack directory (issue 16): the page furniture
(``boilerplate.yaml``: user regexes and XPaths, which the clean stage then runs) and the number
words (``numbers.yaml``, from which the figure patterns are built).

A pack loader declares ``PackError`` for a faulty file, naming it; nothing else escapes. A pack
that loads works: the clean stage runs its patterns on a page and a text without raising, and the
number patterns compile and match. Budgets are fixed and the examples derandomized.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chronicler.clean import clean
from chronicler.errors import PackError
from chronicler.knowledge.boilerplate import load_boilerplate
from chronicler.knowledge.numbers import load_numbers
from chronicler.records import Document, RawDocument, ReadFailure

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PAGE = (
    '<html><body><nav class="menu">Home | News</nav><article><h1>Strike</h1>'
    "<p>Police arrested ten striking workers outside the factory in Ahvaz on Monday, witnesses said.</p>"
    '<div class="share">Share this:</div></article><footer>© 2021 Example</footer></body></html>'
)
TEXT = "Home | News\n\nPolice arrested ten striking workers in Ahvaz on Monday, said witnesses.\n\nShare:"

JUNK = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.lists(st.none()))
REGEX = st.lists(st.sampled_from([*"ab.()[]*+?{}|^$\\d1,- ", "(?i)", "\\b", "(?P<x>", "\\1", "share"]),
                 min_size=1, max_size=10).map("".join)  # fmt: skip


def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` nine times in ten, else ``bad``: most packs a user writes are nearly right."""
    return st.integers(0, 9).flatmap(lambda n: good if n else bad)
XPATH = st.lists(
    st.sampled_from(["//", "/", "p", "div", "*", "[", "]", "@class", "=", "'share'", "contains(", ")",
                     "count(", "string(", "foo(", "text()", "|", "..", "1", " and ", ",", "'"]),
    min_size=1,
    max_size=8,
).map("".join)  # fmt: skip


def _entries(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """A list of entries, most with exactly ``fields``, some with a field missing or of a wrong type."""
    good = st.fixed_dictionaries(fields)
    odd = st.fixed_dictionaries({}, optional={k: st.one_of(v, JUNK) for k, v in fields.items()} | {"x": JUNK})
    return _mostly(st.lists(_mostly(good, st.one_of(odd, JUNK)), max_size=3), JUNK)


VERSION = _mostly(st.just(1), st.sampled_from([2, "1", None]))
BOILERPLATE = st.builds(
    lambda pack, other: pack | other, st.fixed_dictionaries(
    {"version": VERSION},
    optional={
        "lines": _entries({"id": st.text(max_size=6), "pattern": REGEX, "why": st.text(max_size=6)}),
        "menu_words": _mostly(st.lists(_mostly(st.text(max_size=8), JUNK), max_size=3), JUNK),
        "html_prune": _entries({"xpath": XPATH, "why": st.text(max_size=6)}),
    },
), _mostly(st.just({}), st.fixed_dictionaries({"other": JUNK})))
WORD = st.text(st.characters(categories=["L"]), min_size=1, max_size=6)
NUMBER_SPEC = st.fixed_dictionaries(
    {
        "words": _mostly(st.dictionaries(WORD, _mostly(st.integers(0, 99), st.integers()), max_size=3), JUNK),
        "scales": _mostly(st.dictionaries(WORD, st.sampled_from([100, 1000, 10**6, -1]), max_size=2), JUNK),
        "articles": _mostly(st.lists(WORD, max_size=2), JUNK),
        "joiners": _mostly(st.lists(WORD, max_size=2), JUNK),
    },
    optional={
        "inner": st.one_of(st.dictionaries(WORD, st.integers(0, 99), max_size=2), JUNK),
        "bare": st.one_of(st.lists(WORD, max_size=2), JUNK),
        "join_after": st.one_of(st.lists(st.sampled_from(["scales", "tens", "units"]), max_size=2), JUNK),
        "compounds": st.one_of(st.booleans(), JUNK),
    },
)
NUMBERS = st.builds(
    lambda version, languages: {"version": version, **languages},
    VERSION,
    st.dictionaries(st.sampled_from(["en", "fa", "xx", "EN", "z"]), _mostly(NUMBER_SPEC, JUNK), max_size=2),
)
RAW_YAML = st.sampled_from(
    ["version: 1\nlines: [", "version: 1\n\tlines: []", "- 1\n- 2", "version: 1\nversion: 1", "",
     "version: 1\nlines: !!python/object:os.system {}", "version: &a 1\nlines: *a", "\x00", "version: 1\n: x"]
)  # fmt: skip


def _write(folder: Path, name: str, value: Any) -> None:
    text = value if isinstance(value, str) else yaml.safe_dump(value, allow_unicode=True)
    (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")


@FUZZ
@given(value=st.one_of(BOILERPLATE, BOILERPLATE, BOILERPLATE, RAW_YAML))
def test_a_user_furniture_pack_loads_and_works_or_is_a_pack_error(tmp_path_factory: Any, value: Any) -> None:
    folder = tmp_path_factory.mktemp("pack")
    _write(folder, "boilerplate.yaml", value)
    try:
        pack = load_boilerplate([folder])
    except PackError as exc:
        event("pack error")
        assert str(folder / "boilerplate.yaml") in str(exc)
        return
    event("loaded")
    for raw in (RawDocument(source="p.html", html=PAGE), RawDocument(source="t.txt", text=TEXT)):
        assert isinstance(clean(raw, pack), Document | ReadFailure)


@FUZZ
@given(value=st.one_of(NUMBERS, NUMBERS, NUMBERS, RAW_YAML))
def test_user_number_words_load_and_match_or_are_a_pack_error(tmp_path_factory: Any, value: Any) -> None:
    folder = tmp_path_factory.mktemp("pack")
    _write(folder, "numbers.yaml", value)
    try:
        numbers = load_numbers([folder])
    except PackError as exc:
        event("pack error")
        assert str(folder / "numbers.yaml") in str(exc)
        return
    event("loaded")
    for words in numbers.values():
        assert words.digits.search("1,500 people") is not None
        words.spelled.search("two hundred and fifty people")


@pytest.mark.parametrize("xpath", ["count(//p)", "string(//p)", "//p/@class", "boolean(//nav)"])
def test_a_pruning_xpath_that_selects_no_elements_prunes_nothing(tmp_path: Path, xpath: str) -> None:
    # count(//p) loaded, then made the cleaner raise TypeError on every page ("cleaning failed")
    _write(tmp_path, "boilerplate.yaml", {"version": 1, "html_prune": [{"xpath": xpath, "why": "a test"}]})
    page = clean(RawDocument(source="p.html", html=PAGE), load_boilerplate([tmp_path]))
    assert isinstance(page, Document) and "Police arrested ten striking workers" in page.text
