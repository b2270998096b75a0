"""Words of the evidence (store/search.py): every word, any order, each the start of a word; on
SQLite through FTS5 kept in step with every write by triggers (migration 0009), on PostgreSQL
through a GIN index of the words (migration 0010) when $TEST_POSTGRESQL_URL names a database
these tests may empty."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select, text

from chronicler.store import Store, search
from chronicler.store.tables import event_mentions

if TYPE_CHECKING:
    from tests.store.conftest import Build

SENTENCES = {
    "m-gas": "Police fired tear gas at students outside the university on Saturday.",
    "m-fr": "La police a dispersé une manifestation à Téhéran samedi.",
    "m-fa": "نیروهای امنیتی ده‌ها معترض را در اهواز بازداشت کردند.",
    "m-arrests": "Dozens were arrested after the rally, activists said.",
    "m-pct": "Prices rose by 100% overnight, and a 100-strong crowd gathered.",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, build: type[Build], empty_postgresql: Callable[[], str]
) -> Iterator[Store]:
    url = str(tmp_path / "events.db") if request.param == "sqlite" else empty_postgresql()
    with Store.open(url) as opened:
        mentions = [build.mention(i, text=s, end=len(s)) for i, s in SENTENCES.items()]
        opened.save_extraction(build.extraction("doc-1", *mentions))
        yield opened


def _found(store: Store, words: str) -> set[str]:
    return {m.id for m in store.query_events(text=words)}


def test_every_word_in_any_order_ignoring_case(store: Store) -> None:
    assert _found(store, "TEAR GAS") == {"m-gas"}
    assert _found(store, "gas tear") == {"m-gas"}  # not a phrase: each word
    assert _found(store, "tear rally") == set()  # every word, not any


def test_punctuation_is_no_operator(store: Store) -> None:
    # FTS5's own syntax and LIKE's wildcards are words or nothing, never a 500 or a wildcard
    assert _found(store, '"tear" OR gas*') == set()  # "or" is a word no sentence has
    assert _found(store, "tear)(gas") == {"m-gas"}
    assert _found(store, "100%") == {"m-pct"}
    assert _found(store, "NEAR(police gas)") == set()  # "near" is a word here too
    assert _found(store, "police: gas!") == {"m-gas"}
    for nothing in ("", "   ", "%_*", '"'):
        with pytest.raises(ValueError, match="words"):
            store.query_events(text=nothing)
    with pytest.raises(ValueError, match="at most"):
        store.query_events(text=" ".join(["word"] * (search.MAX_WORDS + 1)))


def test_other_scripts(store: Store) -> None:
    assert _found(store, "اهواز") == {"m-fa"}
    assert _found(store, "téhéran") == {"m-fr"}


def test_words_are_read_from_their_start(store: Store) -> None:
    assert _found(store, "arrest") == {"m-arrests"}  # the start of a word
    assert _found(store, "rrested") == set()  # but not the middle of one
    assert _found(store, "ARRESTED activists") == {"m-arrests"}


def test_sqlite_forgets_accents(store: Store) -> None:
    if store._engine.dialect.name != "sqlite":
        pytest.skip("the FTS5 index is SQLite's; PostgreSQL's 'simple' words keep their accents")
    assert _found(store, "teheran") == {"m-fr"}  # "Téhéran": accents do not count


def test_postgresql_answers_from_its_index(store: Store) -> None:
    if store._engine.dialect.name != "postgresql":
        pytest.skip("migration 0010's index is PostgreSQL's")
    with store._engine.begin() as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))  # five rows: else a scan is cheaper
        query = select(event_mentions.c.id).where(search.text_condition("tear gas"))
        sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        plan = conn.exec_driver_sql(f"EXPLAIN {sql}").scalars().all()
    assert any("ix_event_mentions_evidence_words" in line for line in plan), plan


def test_the_index_follows_every_write(store: Store, build: type[Build]) -> None:
    with store._engine.connect() as conn:
        assert search.indexed(conn) in (sorted(SENTENCES.items()), None)  # None: PostgreSQL's is no table
    # the document again with other text: its mentions are replaced, the index with them
    changed = "Riot police fired tear gas at mourners."
    store.save_extraction(build.extraction("doc-1", build.mention("m-new", text=changed, end=len(changed)),
                                           content_hash="other"))  # fmt: skip
    assert _found(store, "mourners") == {"m-new"}
    assert _found(store, "students") == set()
    rewrite = {
        "sqlite": "UPDATE event_mentions SET record = json_set(record, '$.text', 'Strikers met.')",
        "postgresql": "UPDATE event_mentions SET record = jsonb_set(CAST(record AS JSONB), '{text}', "
        "'\"Strikers met.\"')",
    }
    with store._engine.begin() as conn:
        conn.execute(text(rewrite[conn.dialect.name]))
    assert _found(store, "strikers") == {"m-new"} and _found(store, "mourners") == set()
    with store._engine.begin() as conn:
        conn.execute(text("DELETE FROM event_mentions"))
        assert search.indexed(conn) in ([], None)
    assert _found(store, "strikers") == set()
