from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from chronicler.errors import StoreError
from chronicler.records import Count, Document, Entity, EventMention, Extraction, Location, ReadFailure, Span
from chronicler.store import Store

# What ``stats`` counts of superseded revisions when no document was revised.
NO_REVISIONS = {"superseded_documents": 0, "superseded_mentions": 0}

# -- opening -------------------------------------------------------------------------------


def test_open_plain_path_creates_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "events.db"
    with Store.open(str(path)) as store:
        assert store.stats() == {"documents": 0, "failures": 0, "event_mentions": 0, **NO_REVISIONS}
    assert path.is_file()


def test_open_sqlite_url_and_reopen_keeps_data(tmp_path: Path, build: Any) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'events.db'}"
    with Store.open(url) as store:
        store.save_extraction(build.extraction("doc-1", build.mention("m1")))
    with Store.open(url) as store:
        assert store.stats()["event_mentions"] == 1


def test_sqlite_runs_with_wal_and_foreign_keys(store: Store) -> None:
    with store._engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


@pytest.mark.parametrize(
    ("target", "must_say"),
    [
        ("postgresql+psycopg://reader:s3cr3t@localhost:1/events", "postgresql+psycopg://reader:***@"),
        ("nosuchdb+nodriver://reader:s3cr3t@localhost/events", "no database driver"),
        ("sqlite://not a url://", "not a database URL"),
    ],
)
def test_open_errors_name_the_url_without_password(target: str, must_say: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(target)
    assert must_say in str(caught.value)
    assert "s3cr3t" not in str(caught.value)


def test_open_a_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="could not bring the schema up to date"):
        Store.open(str(tmp_path))


def test_open_a_database_from_a_newer_chronicler(tmp_path: Path) -> None:
    path = str(tmp_path / "events.db")
    with Store.open(path) as store, store._engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer chronicler"):
        Store.open(path)


# -- saving --------------------------------------------------------------------------------


def test_save_twice_stores_once(store: Store, build: Any) -> None:
    extraction = build.extraction("doc-1", build.mention("m1"), build.mention("m2", event="COERCE"))
    assert store.save_extraction(extraction) == 2
    assert store.save_extraction(extraction) == 0
    assert store.stats() == {"documents": 1, "failures": 0, "event_mentions": 2, **NO_REVISIONS}
    assert store.has_document(extraction.document.content_hash)


def test_same_content_under_another_id_is_not_stored_again(store: Store, build: Any) -> None:
    store.save_extraction(build.extraction("doc-1", build.mention("m1")))
    assert store.save_extraction(build.extraction("doc-copy", build.mention("m9", doc_id="doc-copy"))) == 0
    assert store.stats()["documents"] == 1
    assert store.get_event("m9") is None


def test_has_document_is_false_for_unknown_hash(store: Store) -> None:
    assert not store.has_document("0" * 64)


def test_document_without_mentions_is_stored(store: Store, build: Any) -> None:
    assert store.save_extraction(build.extraction("doc-1")) == 0
    assert store.stats() == {"documents": 1, "failures": 0, "event_mentions": 0, **NO_REVISIONS}


def test_edited_article_is_a_new_revision_that_keeps_the_old_one(store: Store, build: Any) -> None:
    store.save_extraction(build.extraction("doc-1", build.mention("old-a"), build.mention("old-b")))
    new_text = "Security forces arrested two organisers of the march on Sunday."
    updated = build.extraction(
        "doc-1", build.mention("new-a", event="COERCE"), text=new_text, title="Updated"
    )
    assert store.save_extraction(updated) == 1
    assert store.stats() == {
        "documents": 1,
        "failures": 0,
        "event_mentions": 1,
        "superseded_documents": 1,
        "superseded_mentions": 2,
    }
    # Views read the latest revision only.
    assert store.get_event("old-a") is None
    found = store.get_event("new-a")
    assert found is not None
    assert (found[1].document.title, found[1].document.text, found[1].revision) == ("Updated", new_text, 2)
    assert [m.id for m in store.load_mentions()] == ["new-a"]
    # The first revision is kept, with its own text, and its hash still counts as stored.
    old = store.get_superseded_event("old-a")
    assert old is not None
    first_text = build.document("doc-1").text
    assert (old[1].document.text, old[1].revision, old[1].superseded) == (first_text, 1, True)
    assert store.has_document(build.document("doc-1").content_hash)
    assert store.has_document(updated.document.content_hash)
    listed = store.document_revisions(["doc-1", "not-stored"])
    assert [(r.revision, r.latest, [m.id for m in r.mentions]) for r in listed["doc-1"]] == [
        (1, False, ["old-a", "old-b"]),
        (2, True, ["new-a"]),
    ]
    assert list(listed) == ["doc-1"]
    assert store.latest_revision("doc-1") == 2
    assert store.latest_revision("not-stored") is None


def test_an_older_revision_read_again_changes_nothing(store: Store, build: Any) -> None:
    first = build.extraction("doc-1", build.mention("m1"))
    second = build.extraction("doc-1", build.mention("m1", confidence=0.9), text="An edited report.")
    store.save_extraction(first)
    store.save_extraction(second)
    before = store.stats()
    assert store.save_extraction(first) == 0
    assert store.save_extraction(second) == 0
    assert store.stats() == before
    found = store.get_event("m1")
    assert found is not None
    assert (found[0].confidence, found[1].revision) == (0.9, 2)


def test_a_third_revision_is_numbered_after_the_two_before(store: Store, build: Any) -> None:
    for i, body in enumerate(["First text.", "Second text.", "Third text."]):
        store.save_extraction(build.extraction("doc-1", build.mention("m1", start=i), text=body))
    listed = store.document_revisions(["doc-1"])["doc-1"]
    assert [(r.revision, r.mentions[0].start, r.latest) for r in listed] == [
        (1, 0, False),
        (2, 1, False),
        (3, 2, True),
    ]
    assert [r.ingested_at for r in listed] == sorted(r.ingested_at for r in listed)
    # The newest superseded revision that has the id answers for it.
    old = store.get_superseded_event("m1")
    assert old is not None
    assert (old[0].start, old[1].revision) == (1, 2)


def test_failed_save_leaves_nothing_behind(store: Store, build: Any) -> None:
    store.save_extraction(build.extraction("doc-1", build.mention("shared-id")))
    clash = build.extraction(
        "doc-2",
        build.mention("fresh", doc_id="doc-2"),
        build.mention("shared-id", doc_id="doc-2"),
        text="Other.",
    )
    with pytest.raises(StoreError, match="already stored"):
        store.save_extraction(clash)
    assert not store.has_document(clash.document.content_hash)
    assert store.get_event("fresh") is None
    assert store.stats() == {"documents": 1, "failures": 0, "event_mentions": 1, **NO_REVISIONS}


def test_failed_update_keeps_the_old_version(store: Store, build: Any) -> None:
    store.save_extraction(build.extraction("doc-1", build.mention("kept")))
    store.save_extraction(build.extraction("doc-2", build.mention("taken", doc_id="doc-2"), text="Other."))
    clash = build.extraction("doc-1", build.mention("taken"), text="A new version of the first report.")
    with pytest.raises(StoreError):
        store.save_extraction(clash)
    assert store.get_event("kept") is not None
    assert store.has_document(build.document("doc-1").content_hash)


@pytest.mark.parametrize(
    ("mentions", "message"),
    [
        (lambda b: [b.mention("m1", doc_id="someone-else")], "another doc_id"),
        (lambda b: [b.mention("m1"), b.mention("m1")], "occur twice"),
        (lambda b: [b.mention("m1", confidence=math.nan)], "must be finite"),
        (lambda b: [b.mention("m1", counts=(), confidence=math.inf)], "must be finite"),
    ],
)
def test_unstorable_extractions_are_refused_whole(
    store: Store, build: Any, mentions: Any, message: str
) -> None:
    extraction = Extraction(build.document("doc-1"), tuple(mentions(build)))
    with pytest.raises(StoreError, match=message):
        store.save_extraction(extraction)
    assert store.stats()["documents"] == 0


def test_failures_are_stored_once(store: Store) -> None:
    broken = ReadFailure("feeds/a.jsonl:7", "line 7 is not JSON: expected a value at column 1")
    store.save_failure(broken)
    store.save_failure(broken, content_hash="abc")
    store.save_failure(ReadFailure("feeds/a.jsonl:9", "neither text nor html"), content_hash="def")
    assert store.stats()["failures"] == 2


def test_failures_come_back_with_their_codes(store: Store) -> None:
    slow = ReadFailure("big.txt", "took longer than 120 s", "timeout")
    before = dt.datetime.now(dt.UTC)
    store.save_failure(slow)
    store.save_failure(ReadFailure("pipe.txt", "a named pipe, not a regular file", "special_file"))
    stored = store.list_failures()
    assert [f.failure for f in stored] == [
        slow,
        ReadFailure("pipe.txt", "a named pipe, not a regular file", "special_file"),
    ]
    assert all(f.recorded_at >= before - dt.timedelta(seconds=1) for f in stored)


# -- reading -------------------------------------------------------------------------------


def test_get_event_gives_the_mention_and_its_document(store: Store, build: Any) -> None:
    mention = build.mention("m1")
    extraction = build.extraction("doc-1", mention, published_inferred=True)
    before = dt.datetime.now(dt.UTC)
    store.save_extraction(extraction)
    found = store.get_event("m1")
    assert found is not None
    got, stored = found
    assert got == mention and got.to_json() == mention.to_json()
    assert stored.document == extraction.document
    assert stored.document.text[mention.start : mention.end] == mention.text
    assert stored.document.published_inferred is True
    assert stored.ingested_at.utcoffset() == dt.timedelta(0)
    assert before <= stored.ingested_at <= dt.datetime.now(dt.UTC)


def test_get_unknown_event_is_none(store: Store) -> None:
    assert store.get_event("nope") is None


def test_stored_json_is_exactly_to_json(store: Store, build: Any) -> None:
    mention = build.mention(
        "m1",
        context=("repression",),
        recipient=(Entity("ناآرامی", identifier_id=None, code="IRN", sector="CVL"),),
        event_loc=Location("Ahvaz", "Ahvāz", 144448, 31.3190, 48.6842, "Khuzestan", "IR", "city"),
        counts=(
            Count("arrested", 40, None, "more_than", "more than 40"),
            Count("dead", None, None, "vague", "many"),
        ),
        claimed_by=Entity("a rights group", sector="SOC"),
        modality="hedged",
        confidence=1 / 3,
        provenance=(("date", "times.v1"),),
    )
    store.save_extraction(build.extraction("doc-1", mention))
    with store._engine.connect() as conn:
        stored = conn.execute(text("SELECT record FROM event_mentions")).scalar_one()
    assert stored == json.dumps(mention.to_json(), ensure_ascii=False, separators=(",", ":"))
    [got] = store.query_events()
    assert got == mention
    assert json.dumps(got.to_json()) == json.dumps(mention.to_json())


# The corpus for the filter table: id -> (event, date, enddate, location, historical).
CORPUS: dict[
    str, tuple[str, str | None, str | None, tuple[str, str | None, str | None, str] | None, bool]
] = {
    "m1": ("PROTEST", "2019-11-16", None, ("Shiraz", "Fars", "IR", "Shiraz"), False),
    "m2": ("PROTEST", "2019-11", None, ("Tehran", "Tehran", "IR", "the capital"), False),
    "m3": ("ASSAULT", "2019", None, None, False),
    "m4": ("ACCUSE", "1988-07", None, ("Iran", None, "IR", "Iran"), True),
    "m5": ("COERCE", None, None, ("Baghdad", "Baghdad", "IQ", "Baghdad"), False),
    "m6": ("PROTEST", "2019-12-01", "2020-01-05", ("Īlām", "Īlām", "IR", "Ilam"), False),
    "m7": ("SANCTION", "2020-02-03", None, None, False),
}
ALL_BY_DATE = ["m4", "m3", "m2", "m1", "m6", "m7", "m5"]


@pytest.fixture
def corpus_store(store: Store, build: Any) -> Store:
    for i, (mid, (event, date, enddate, loc, historical)) in enumerate(CORPUS.items()):
        place = build.location(loc[0], loc[1], loc[2], loc[3]) if loc else None
        mention = build.mention(
            mid,
            doc_id=f"d{i}",
            event=event,
            date=date,
            enddate=enddate,
            event_loc=place,
            historical=historical,
        )
        store.save_extraction(build.extraction(f"d{i}", mention, text=f"Report number {i}."))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL_BY_DATE),
        ({"event": "PROTEST"}, ["m2", "m1", "m6"]),
        ({"event": "protest"}, ["m2", "m1", "m6"]),
        ({"event": "REJECT"}, []),
        # A period matches a window it overlaps: "2019" and "2019-11" are both after 2019-11-20.
        ({"since": "2019-11-01"}, ["m3", "m2", "m1", "m6", "m7"]),
        ({"since": "2019-11-20"}, ["m3", "m2", "m6", "m7"]),
        ({"since": "2020"}, ["m6", "m7"]),  # m6 runs into January 2020
        ({"since": "2020-01-06"}, ["m7"]),
        ({"until": "2019-11-01"}, ["m4", "m3", "m2"]),
        ({"until": "2019-11"}, ["m4", "m3", "m2", "m1"]),
        ({"until": "2019"}, ["m4", "m3", "m2", "m1", "m6"]),
        ({"since": "2019-11", "until": "2019-11"}, ["m3", "m2", "m1"]),
        ({"since": "1900", "until": "2100"}, ALL_BY_DATE[:-1]),  # undated m5 never in a window
        ({"place": "shiraz"}, ["m1"]),
        ({"place": "FARS"}, ["m1"]),
        ({"place": "  Tehran "}, ["m2"]),
        ({"place": "The Capital"}, ["m2"]),  # as written in the text
        ({"place": "ĪLĀM"}, ["m6"]),  # case folding beyond ASCII
        ({"place": "ilam"}, ["m6"]),
        ({"place": "Mashhad"}, []),
        ({"country": "IR"}, ["m4", "m2", "m1", "m6"]),
        ({"country": "ir"}, ["m4", "m2", "m1", "m6"]),
        ({"country": "IRN"}, ["m4", "m2", "m1", "m6"]),
        ({"country": "Iraq"}, ["m5"]),
        ({"historical": True}, ["m4"]),
        ({"historical": False}, [m for m in ALL_BY_DATE if m != "m4"]),
        ({"limit": 2}, ["m4", "m3"]),
        ({"limit": 0}, []),
        ({"event": "PROTEST", "country": "IR", "since": "2019-12"}, ["m6"]),
        ({"event": "PROTEST", "historical": True}, []),
    ],
)
def test_query_filters(corpus_store: Store, filters: dict[str, Any], expected: list[str]) -> None:
    assert [e.id for e in corpus_store.query_events(**filters)] == expected


@pytest.mark.parametrize("filters", [{}, {"event": "PROTEST"}, {"since": "2019-11-20"}, {"country": "IR"}])
def test_counts_by_day_are_the_day_dated_mentions_of_the_list(
    corpus_store: Store, filters: dict[str, Any]
) -> None:
    listed = [e for e in corpus_store.query_events(**filters) if e.date and len(e.date) == 10]
    expected: dict[tuple[str, str], int] = {}
    for e in listed:
        expected[(str(e.date), e.event)] = expected.get((str(e.date), e.event), 0) + 1
    counted = corpus_store.count_events_by_day(**filters)
    assert {(day, event): n for day, event, n in counted} == expected
    assert [day for day, _, _ in counted] == sorted(day for day, _, _ in counted)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "Nov 2019"}, "not a date"),
        ({"until": "2019-13"}, "not a date"),
        ({"since": "2019-02-30"}, "not a date"),
        ({"country": "Atlantis"}, "not known"),
        ({"limit": -1}, "0 or more"),
    ],
)
def test_bad_filters_say_what_to_write(store: Store, filters: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        store.query_events(**filters)


# -- round trip ----------------------------------------------------------------------------

_text = st.text(max_size=30)
_opt_text = st.none() | _text
_finite = st.floats(allow_nan=False, allow_infinity=False)
_entity = st.builds(Entity, _text, _opt_text, _opt_text, _opt_text, _opt_text)
_location = st.builds(
    Location,
    _text,
    _text,
    st.none() | st.integers(0, 2**31),
    st.none() | _finite,
    st.none() | _finite,
    _opt_text,
    st.none() | st.sampled_from(["IR", "IQ", "US"]),
    st.sampled_from(["city", "admin1", "country", "region"]),
)
_count = st.builds(
    Count,
    st.sampled_from(["dead", "injured", "arrested", "participants", "other"]),
    st.none() | st.integers(),
    st.none() | st.integers(),
    st.sampled_from(["exact", "at_least", "more_than", "about", "range", "at_most", "less_than", "vague"]),
    _text,
)
# Reduced ISO dates mostly, and any text: storage must not care what a date says.
_date = (
    st.none()
    | st.tuples(st.dates(), st.sampled_from([4, 7, 10])).map(lambda t: t[0].isoformat()[: t[1]])
    | _text
)
_mention = st.builds(
    EventMention,
    id=st.just("placeholder"),
    doc_id=st.just("placeholder"),
    event=st.sampled_from(["PROTEST", "ASSAULT", "COERCE", "ACCUSE", "AGREE"]),
    mode=_opt_text,
    text=_text,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    trigger=st.none() | st.builds(Span, _text, st.integers(0, 10**6), st.integers(0, 10**6)),
    extractor=_text,
    confidence=st.floats(0, 1),
    context=st.lists(_text, max_size=3).map(tuple),
    actor=st.lists(_entity, max_size=2).map(tuple),
    recipient=st.lists(_entity, max_size=2).map(tuple),
    date=_date,
    enddate=_date,
    event_loc=st.none() | _location,
    places=st.lists(_location, max_size=2).map(tuple),
    counts=st.lists(_count, max_size=2).map(tuple),
    claimed_by=st.none() | _entity,
    modality=st.sampled_from(["asserted", "negated", "hedged", "future", "hypothetical"]),
    historical=st.booleans(),
    outlet=_opt_text,
)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with Store.open(str(tmp_path_factory.mktemp("roundtrip") / "events.db")) as store:
        yield store


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mentions=st.lists(_mention, max_size=4), body=st.text(min_size=1))
def test_round_trip_returns_identical_json(
    shared_store: Store, mentions: list[EventMention], body: str
) -> None:
    doc_id = uuid.uuid4().hex  # examples share one database, so each gets its own ids
    document = Document(id=doc_id, source="hypothesis", text=body, content_hash=doc_id)
    stored = [replace(m, id=f"{doc_id}-{i}", doc_id=doc_id) for i, m in enumerate(mentions)]
    assert shared_store.save_extraction(Extraction(document, tuple(stored))) == len(stored)
    for mention in stored:
        found = shared_store.get_event(mention.id)
        assert found is not None
        assert json.dumps(found[0].to_json()) == json.dumps(mention.to_json())
        assert found[1].document == document
        same_type = shared_store.query_events(event=mention.event)
        assert mention.to_json() in [m.to_json() for m in same_type]
