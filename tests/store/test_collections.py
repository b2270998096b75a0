"""Collections in the store (store/collections.py): members, and which private collections a user
is kept out of: only those holding something, a document or a failure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from chronicler.errors import StoreError
from chronicler.records import ReadFailure
from chronicler.store import Store

if TYPE_CHECKING:
    from tests.store.conftest import Build


def test_who_is_kept_out_of_what(store: Store, build: type[Build]) -> None:
    store.users.add("ana", "viewer")
    store.users.add("ben", "admin")
    store.collections.add("witness", private=True)
    store.collections.add("press", private=False)
    store.collections.grant("witness", "ana")
    assert store.collections.hidden("ben") == frozenset()  # empty: nothing to hide yet
    store.save_failure(ReadFailure("witness/scan.pdf", "not a text", "binary"), collection="witness")
    assert store.collections.hidden("ben") == store.collections.hidden(None) == {"witness"}
    assert store.collections.hidden("ana") == frozenset()
    store.save_extraction(build.extraction("doc-p", build.mention("ev_p", doc_id="doc-p")), "press")
    assert store.collections.hidden("ben") == {"witness"}  # a public one hides nothing
    (witness,) = [c for c in store.collections.list() if c.name == "witness"]
    assert (witness.private, witness.members, witness.documents) == (True, ("ana",), 0)


def test_refusals(store: Store) -> None:
    store.collections.add("witness", private=True)
    with pytest.raises(StoreError, match="already a collection named 'witness'"):
        store.collections.add("witness", private=False)
    with pytest.raises(StoreError, match="no user named 'nobody'"):
        store.collections.grant("witness", "nobody")
    with pytest.raises(StoreError, match="no collection named 'elsewhere'"):
        store.collections.grant("elsewhere", "nobody")
    assert not store.collections.revoke("witness", "nobody")


def test_a_new_revision_stays_in_its_collection(tmp_path: Path, build: type[Build]) -> None:
    with Store.open(str(tmp_path / "events.db")) as store:
        store.collections.add("witness", private=True)
        store.save_extraction(build.extraction("doc-1", build.mention("ev_1")), "witness")
        store.save_extraction(build.extraction("doc-1", build.mention("ev_1"), text="Edited text."), None)
        assert [c.documents for c in store.collections.list()] == [1]
        assert store.list_documents(hidden={"witness"}) == []
