"""The store's consolidation side: signatures, mentions read back, consolidated events replaced whole."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from chronicler.consolidate.events import consolidate
from chronicler.consolidate.near_duplicates import signature
from chronicler.errors import StoreError
from chronicler.records import ConsolidatedEvent, DocumentFacts, EventMention
from chronicler.store import Store, StoredDocumentFacts
from chronicler.store.tables import consolidated_members, document_keys

if TYPE_CHECKING:  # conftest is not importable at run time; its builders are handed over as a fixture
    from tests.store.conftest import Build


def _consolidate(store: Store) -> tuple[ConsolidatedEvent, ...]:
    facts = {f.id: DocumentFacts(f.id, f.published, f.outlet) for f in store.document_facts()}
    return consolidate(store.load_mentions(), facts)


def _two_documents(store: Store, build: type[Build]) -> list[EventMention]:
    first = build.mention("ev-1", "doc-1")
    second = build.mention("ev-2", "doc-2", date="2019-11-17")
    store.save_extraction(build.extraction("doc-1", first))
    store.save_extraction(build.extraction("doc-2", second, text="Another text about the gathering."))
    return [first, second]


def test_mentions_come_back_as_the_records_stored(store: Store, build: type[Build]) -> None:
    mentions = _two_documents(store, build)
    assert store.load_mentions() == mentions


def test_signatures_are_computed_once_per_document_text(store: Store, build: type[Build]) -> None:
    _two_documents(store, build)
    missing = store.missing_signatures()
    assert [doc_id for doc_id, _ in missing] == ["doc-1", "doc-2"]
    store.save_signatures({doc_id: signature(text) for doc_id, text in missing})
    assert store.missing_signatures() == []
    facts = {f.id: f for f in store.document_facts()}
    assert facts["doc-1"] == StoredDocumentFacts(
        "doc-1",
        "2019-11-18",
        "news.example.org",
        "https://news.example.org/doc-1",
        signature(build.document("doc-1").text),
    )
    # An updated article (same id, new text) needs a new signature.
    store.save_extraction(build.extraction("doc-1", build.mention("ev-1"), text="The article, rewritten."))
    assert [doc_id for doc_id, _ in store.missing_signatures()] == ["doc-1"]


def test_document_facts_without_a_signature_say_none(store: Store, build: type[Build]) -> None:
    _two_documents(store, build)
    assert [f.signature for f in store.document_facts()] == [None, None]


def test_consolidated_events_round_trip_in_run_order(store: Store, build: type[Build]) -> None:
    _two_documents(store, build)
    events = _consolidate(store)
    assert events
    store.replace_consolidated(events)
    assert store.load_consolidated() == list(events)
    assert [e.to_json() for e in store.load_consolidated()] == [e.to_json() for e in events]
    assert store.get_consolidated(events[0].id) == events[0]
    assert store.get_consolidated("ce_missing") is None


def test_representatives_are_stored_with_the_result(store: Store, build: type[Build], tmp_path: Path) -> None:
    _two_documents(store, build)
    store.save_signatures({"doc-1": signature("a b c"), "doc-2": signature("a b c")})
    store.replace_consolidated(_consolidate(store), {"doc-1": "doc-1", "doc-2": "doc-1"})
    with store._engine.connect() as conn:
        reps = dict(conn.execute(select(document_keys.c.doc_id, document_keys.c.representative)).all())
    assert reps == {"doc-1": "doc-1", "doc-2": "doc-1"}


def test_a_failed_replacement_leaves_the_previous_result(store: Store, build: type[Build]) -> None:
    _two_documents(store, build)
    events = _consolidate(store)
    store.replace_consolidated(events)
    broken = ConsolidatedEvent(**{**events[0].__dict__, "id": "ce_new", "mentions": ("no-such-mention",)})
    with pytest.raises(StoreError, match="consolidated"):
        store.replace_consolidated([broken])
    assert store.load_consolidated() == list(events)


def test_an_updated_document_drops_its_old_mentions_from_the_members(
    store: Store, build: type[Build]
) -> None:
    _two_documents(store, build)
    store.replace_consolidated(_consolidate(store))
    store.save_extraction(build.extraction("doc-1", build.mention("ev-9"), text="A new version."))
    with store._engine.connect() as conn:
        members = set(conn.execute(select(consolidated_members.c.mention_id)).scalars())
    assert members == {"ev-2"}


def test_an_empty_result_clears_the_table(store: Store, build: type[Build]) -> None:
    _two_documents(store, build)
    store.replace_consolidated(_consolidate(store))
    store.replace_consolidated([])
    assert store.load_consolidated() == []
