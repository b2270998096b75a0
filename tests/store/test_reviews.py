"""Judgements in the store: the mention's record and columns take the reviewed values, the
extracted record is kept, a rejected mention leaves every list, an undo restores it, and the
judgements apply again when a document's next revision brings the same mention back."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from chronicler.store import Store
from chronicler.store.tables import event_mentions

OTHER_TEXT = "Crowds gathered outside the governor's office on Saturday. Shops stayed shut on Sunday."


def _stored(store: Store, build: Any) -> None:
    store.save_extraction(build.extraction("doc-1", build.mention("m1"), build.mention("m2", event="COERCE")))


def _row(store: Store, mention_id: str) -> dict[str, Any]:
    with store._engine.connect() as conn:  # the raw row: record, machine record, columns
        found = conn.execute(select(event_mentions).where(event_mentions.c.id == mention_id)).mappings().one()
    return dict(found)


def test_a_correction_is_what_every_list_reads_and_the_machine_value_is_kept(
    store: Store, build: Any
) -> None:
    _stored(store, build)
    judged = store.reviews.judge(
        "m1", "correct", "alice", field="event", old_value="PROTEST", new_value="ASSAULT", note="shots"
    )
    assert (judged.id, judged.action, judged.field, judged.new_value, judged.undone_at) == (
        1, "correct", "event", "ASSAULT", None)  # fmt: skip
    assert [m.id for m in store.query_events(event="ASSAULT")] == ["m1"]
    assert [m.id for m in store.query_events(event="PROTEST")] == []
    reviewed = next(m for m in store.load_mentions() if m.id == "m1")
    assert reviewed.event == "ASSAULT" and reviewed.review is not None
    assert (reviewed.review.status, reviewed.review.fields, reviewed.review.reviewers) == (
        "corrected", ("event",), ("alice",))  # fmt: skip
    row = _row(store, "m1")
    assert row["event"] == "ASSAULT" and row["review"] == "corrected"
    assert json.loads(row["machine_record"])["event"] == "PROTEST"
    assert "review" not in json.loads(row["machine_record"])


def test_a_rejected_mention_leaves_lists_counts_and_consolidation_but_stays_stored(
    store: Store, build: Any
) -> None:
    _stored(store, build)
    store.reviews.judge("m2", "reject", "bob", note="not an arrest")
    assert [m.id for m in store.query_events()] == ["m1"]
    assert [m.id for m in store.load_mentions()] == ["m1"]
    assert sum(n for _, _, n in store.count_events_by_day()) == 1
    found = store.reviews.mention("m2")
    assert found is not None and found.review is not None and found.review.status == "rejected"
    store.reviews.judge("m2", "confirm", "carol")  # the latest of confirm and reject decides
    assert [m.id for m in store.query_events()] == ["m1", "m2"]


def test_undo_gives_the_machine_values_back_and_keeps_the_judgement(store: Store, build: Any) -> None:
    _stored(store, build)
    first = store.reviews.judge(
        "m1", "correct", "alice", field="date", old_value="2019-11-16", new_value="2019-11"
    )
    store.reviews.judge("m1", "confirm", "bob")
    undone = store.reviews.undo(first.id, "carol")
    assert undone is not None and undone.undone_by == "carol" and undone.undone_at is not None
    now = store.reviews.mention("m1")
    assert now is not None and now.date == "2019-11-16"
    assert now.review is not None and (now.review.status, now.review.fields) == ("confirmed", ())
    assert [j.id for j in store.reviews.history(mention_id="m1")] == [2, 1]  # newest first, undone kept
    assert store.reviews.undo(999, "carol") is None
    assert store.reviews.undo(first.id, "dave") == undone  # undoing twice changes nothing


def test_undoing_every_judgement_leaves_the_extracted_record(store: Store, build: Any) -> None:
    _stored(store, build)
    before = _row(store, "m1")["record"]
    judged = store.reviews.judge("m1", "reject", "alice")
    store.reviews.undo(judged.id, "alice")
    row = _row(store, "m1")
    assert (row["record"], row["machine_record"], row["review"]) == (before, None, None)


def test_judgements_apply_again_to_the_next_revision_of_the_document(store: Store, build: Any) -> None:
    _stored(store, build)
    store.reviews.judge("m1", "correct", "alice", field="event", old_value="PROTEST", new_value="ASSAULT")
    store.reviews.judge("m2", "reject", "alice")
    # The article is edited: the first sentence, and so m1, stays; m2's sentence is gone.
    edited = build.extraction("doc-1", build.mention("m1"), text=OTHER_TEXT)
    assert store.save_extraction(edited) == 1
    assert [(m.id, m.event) for m in store.query_events()] == [("m1", "ASSAULT")]
    assert len(store.reviews.history()) == 2  # m2's judgement waits, should its sentence come back


def test_history_pages_newest_first(store: Store, build: Any) -> None:
    _stored(store, build)
    for reviewer in ("a", "b", "c", "d"):
        store.reviews.judge("m1", "confirm", reviewer)
    page = store.reviews.history(limit=3)
    assert [j.reviewer for j in page] == ["d", "c", "b"]
    assert [j.reviewer for j in store.reviews.history(limit=3, before=page[-1].id)] == ["a"]


def test_stepping_below_the_review_migration_gives_each_mention_its_extracted_values(
    store: Store, build: Any
) -> None:
    from chronicler.store import migrate

    _stored(store, build)
    before = _row(store, "m1")
    store.reviews.judge("m1", "correct", "alice", field="event", old_value="PROTEST", new_value="ASSAULT")
    with store._engine.begin() as conn:
        migrate.downgrade(conn, "0006")
    with store._engine.connect() as conn:
        row = dict(conn.execute(select(event_mentions.c.record, event_mentions.c.event)
                                .where(event_mentions.c.id == "m1")).mappings().one())  # fmt: skip
    assert (row["record"], row["event"]) == (before["record"], "PROTEST")
    with store._engine.begin() as conn:
        migrate.upgrade(conn)
    assert [m.id for m in store.query_events(event="PROTEST")] == ["m1"]


def test_datasette_s_events_view_says_reviewed_and_leaves_out_rejected(store: Store, build: Any) -> None:
    from sqlalchemy import text

    _stored(store, build)
    store.reviews.judge("m1", "confirm", "alice")
    store.reviews.judge("m2", "reject", "alice")
    with store._engine.connect() as conn:
        rows = conn.execute(text("SELECT id, review FROM events_map ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("m1", "confirmed")]
