"""Consolidation runs one at a time on a PostgreSQL server: a second run waits for the lock the
first holds (store/locks.py); the PostgreSQL half runs when $TEST_POSTGRESQL_URL names a database
these tests may empty."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from chronicler import service
from chronicler.config import Settings
from chronicler.store import Store
from chronicler.store.connect import create_store_engine, parse_target
from chronicler.store.locks import exclusive, lock_key

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_lock_keys_are_stable_signed_64_bit_numbers() -> None:
    assert lock_key("consolidate") == lock_key("consolidate") != lock_key("ingest")
    assert -(2**63) <= lock_key("consolidate") < 2**63


def test_on_sqlite_the_body_just_runs(tmp_path: Path) -> None:
    engine = create_store_engine(parse_target(str(tmp_path / "events.db")))
    ran = []
    with exclusive(engine, "consolidate"), exclusive(engine, "consolidate"):  # no waiting on itself
        ran.append(True)
    engine.dispose()
    assert ran


@pytest.mark.slow
def test_a_consolidation_waits_while_another_holds_the_lock(empty_postgresql: Callable[[], str]) -> None:
    url = empty_postgresql()
    settings = Settings(db=url, doc_timeout=0)
    service.ingest([str(EXAMPLES / "01_wire_fuel_protests_2019.json")], settings)
    with Store.open(url) as store:
        store.replace_consolidated([])
    holder = create_store_engine(parse_target(url))
    try:
        with holder.connect().execution_options(isolation_level="AUTOCOMMIT") as other:
            other.execute(text("SELECT pg_advisory_lock(:key)"), {"key": lock_key("consolidate")})
            done: list[service.ConsolidateSummary] = []
            run = threading.Thread(target=lambda: done.append(service.consolidate(settings)))
            run.start()
            run.join(timeout=3)
            assert run.is_alive() and not done  # waiting, nothing written
            with Store.open(url) as store:
                assert store.load_consolidated() == []
            other.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key("consolidate")})
            run.join(timeout=60)
        assert done and done[0].events > 0
        with Store.open(url) as store:
            assert len(store.load_consolidated()) == done[0].events
    finally:
        holder.dispose()
        empty_postgresql()
