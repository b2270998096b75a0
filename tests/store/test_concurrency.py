"""Several writers at once on one PostgreSQL database (issue 14): two `chronicler ingest` processes
reading the same corpus and a reviewer judging all the while. Afterwards no document is stored
twice, every judgement is there and applied, and pg_amcheck finds the tables and indexes sound.
Runs when $TEST_POSTGRESQL_URL names a database these tests may empty."""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, insert, select

from chronicler import service, service_review
from chronicler.config import Settings
from chronicler.store import Store
from chronicler.store.connect import create_store_engine, parse_target
from chronicler.store.rows import document_row, now_utc
from chronicler.store.tables import documents, judgements

if TYPE_CHECKING:
    from tests.store.conftest import Build

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_two_ingests_and_a_reviewer_at_once(empty_postgresql: Callable[[], str], examples_db: Path) -> None:
    url = empty_postgresql()
    first = sorted(EXAMPLES.glob("0[1-3]_*"))
    settings = Settings(db=url, doc_timeout=0)
    assert not service.ingest([str(p) for p in first], settings).failures
    with Store.open(url) as store:
        targets = [m.id for m in store.load_mentions()][:20]
    chronicler = str(Path(sys.executable).with_name("chronicler"))
    ingests = [
        subprocess.Popen(
            [chronicler, "-q", "ingest", str(EXAMPLES), "--db", url], stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    judged: list[int] = []

    def review() -> None:
        for i, mention in enumerate(targets * 3):
            found = service_review.judge(
                settings, mention, "confirm" if i % 2 else "reject", f"reviewer-{i % 3}"
            )
            assert found is not None
            judged.append(found.id)

    reviewer = threading.Thread(target=review)
    reviewer.start()
    errors = [p.communicate(timeout=600)[1] for p in ingests]
    reviewer.join(timeout=600)
    assert [p.returncode for p in ingests] == [0, 0], errors
    assert len(judged) == len(targets) * 3
    engine = create_store_engine(parse_target(url))
    try:
        with engine.connect() as conn:
            hashes = conn.execute(select(documents.c.content_hash)).scalars().all()
            assert len(hashes) == len(set(hashes))
            with Store.open(str(examples_db), create=False) as alone:  # the examples ingested by one process
                assert len(hashes) == alone.stats()["documents"]
            assert sorted(conn.execute(select(judgements.c.id)).scalars()) == sorted(judged)
            assert conn.execute(select(func.count()).select_from(judgements)).scalar_one() == len(judged)
    finally:
        engine.dispose()
    with Store.open(url) as store:  # the last judgement of each mention is the one applied
        for mention in targets:
            last = store.reviews.history(mention_id=mention, limit=1)[0]
            stored = store.reviews.mention(mention)
            assert stored is not None and stored.review is not None
            assert stored.review.status == ("confirmed" if last.action == "confirm" else "rejected")
    _amcheck(url)


def _amcheck(url: str) -> None:
    found = [*sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_amcheck")), shutil.which("pg_amcheck") or ""]
    program = next((p for p in found if p), None)
    if program is None:
        pytest.skip("no pg_amcheck")
    target = parse_target(url)
    engine = create_store_engine(target)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
    engine.dispose()
    checked = subprocess.run(
        [program, "-h", target.host or "127.0.0.1", "-p", str(target.port or 5432), "-U",
         target.username or "postgres", "--heapallindexed", "--rootdescend", target.database or ""],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_document_stored_by_another_process_meanwhile_is_skipped(
    empty_postgresql: Callable[[], str], build: type[Build]
) -> None:
    url = empty_postgresql()
    extraction = build.extraction("doc-1", build.mention("ev_1"))
    with Store.open(url) as ours, Store.open(url) as theirs:
        engine = create_store_engine(parse_target(url))
        try:
            with engine.connect() as other:
                # The other process has written the same text and not yet committed when we look.
                other.begin()
                other.execute(insert(documents).values(document_row(extraction.document, now_utc())))
                saved: list[int] = []
                ours_saving = threading.Thread(target=lambda: saved.append(ours.save_extraction(extraction)))
                ours_saving.start()
                ours_saving.join(timeout=2)
                assert ours_saving.is_alive()  # waiting on the other's row
                other.commit()
                ours_saving.join(timeout=30)
            assert saved == [0]  # theirs won; ours wrote nothing and raised nothing
            assert theirs.stats()["documents"] == 1
        finally:
            engine.dispose()
