"""Hostile filter and search strings (quotes, ``;``, SQL comments, LIKE's ``%`` and ``_``, FTS5 and
tsquery operators, NUL, look-alike letters) on both databases: every answer equals a reference
filter written in Python over the stored records, or is a ValueError saying what to write; no
table changes. The PostgreSQL half runs when $TEST_POSTGRESQL_URL names a database these tests
may empty."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicler.records import EventMention
from chronicler.store import Store
from chronicler.store.copy import table_summary
from chronicler.store.tables import metadata

pytestmark = pytest.mark.slow

# Places and sentences that themselves hold what an attacker would type.
PLACES = ["Tehran", "O'Hare", 'Say "cheese"', "50% Town", "a_b", "x; DROP TABLE documents; --", "tеhran"]
SENTENCES = [
    "Police fired tear gas at students in O'Hare's square.",
    "Crowds said 100% of shops shut; nobody left -- at all.",
    "Guards /* quietly */ detained a_b and c_d overnight.",
    'Protesters chanted "NEAR(police gas)" OR worse.',
    "Strikers in tеhran (with a Cyrillic e) marched.",
]
HOSTILE = ["'", '"', ";", "--", "/*", "*/", "%", "_", "\\", "\x00", "OR", "NEAR(", ")", "*", ":", "&", "|",
           "!", "<->", "DROP TABLE documents;", "' OR '1'='1", "е"]  # fmt: skip
WORDS = [
    "tear",
    "gas",
    "police",
    "shut",
    "a_b",
    "detained",
    "tehran",
    "tеhran",
    "o",
    "hare",
    "100",
    "chanted",
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stored(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    empty_postgresql: Callable[[], str],
) -> Iterator[tuple[Store, list[EventMention]]]:
    from tests.store.conftest import make_extraction, make_location, make_mention

    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("injection") / "events.db")
    else:
        url = empty_postgresql()
    mentions = [
        make_mention(f"m{i}-{j}", text=sentence, end=len(sentence),
                     event_loc=make_location(place, None, "IR", as_written=place.upper()))
        for i, sentence in enumerate(SENTENCES) for j, place in enumerate(PLACES)
    ]  # fmt: skip
    with Store.open(url) as store:
        store.save_extraction(make_extraction("doc-1", *mentions))
        yield store, store.query_events()
    if request.param == "postgresql":
        empty_postgresql()


def _summaries(store: Store) -> dict[str, tuple[int, str]]:
    with store._engine.connect() as conn:
        return {t.name: table_summary(conn, t) for t in metadata.sorted_tables}


def _words(text: str) -> list[str]:
    return [piece.lower() for w in re.findall(r"\w+", text) for piece in w.split("_") if piece]


def _reference_text(mentions: list[EventMention], query: str) -> set[str]:
    """Every word of the query starts a word of the sentence, case aside."""
    wanted = _words(query)
    return {m.id for m in mentions if all(any(w.startswith(q) for w in _words(m.text)) for q in wanted)}


def _reference_place(mentions: list[EventMention], place: str) -> set[str]:
    key = place.strip().lower()
    found = set()
    for m in mentions:
        loc = m.event_loc
        names = (loc.resolved_place, loc.admin1, loc.extracted_place) if loc else ()
        if any(n is not None and n.lower() == key for n in names):
            found.add(m.id)
    return found


fragments = st.lists(st.sampled_from(HOSTILE + WORDS + PLACES), min_size=1, max_size=6)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=fragments, glue=st.sampled_from(["", " ", "' ", '" ', ";"]))
def test_search_strings_answer_as_the_reference(
    stored: tuple[Store, list[EventMention]], parts: list[str], glue: str
) -> None:
    store, mentions = stored
    query = glue.join(parts)
    before = _summaries(store)
    if not _words(query):
        with pytest.raises(ValueError, match="words"):
            store.query_events(text=query)
    else:
        assert {m.id for m in store.query_events(text=query)} == _reference_text(mentions, query)
    assert _summaries(store) == before


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=fragments)
def test_place_filters_answer_as_the_reference(
    stored: tuple[Store, list[EventMention]], parts: list[str]
) -> None:
    store, mentions = stored
    place = "".join(parts)
    before = _summaries(store)
    if "\x00" in place:
        with pytest.raises(ValueError, match="NUL"):
            store.query_events(place=place)
    else:
        assert {m.id for m in store.query_events(place=place)} == _reference_place(mentions, place)
    assert _summaries(store) == before


@pytest.mark.parametrize("place", PLACES)
def test_each_stored_place_is_found_by_its_own_name(
    stored: tuple[Store, list[EventMention]], place: str
) -> None:
    store, mentions = stored
    found = {m.id for m in store.query_events(place=place)}
    assert found == _reference_place(mentions, place) and len(found) == len(SENTENCES)
