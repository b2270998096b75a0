"""The consolidation service over a real SQLite file, with hand-written records (no spaCy model)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from chronicler import service, service_sources
from chronicler.config import Settings
from chronicler.records import Count, Document, Entity, EventMention, Extraction, Location
from chronicler.store import Store
from chronicler.store.tables import failures

TOWN = Location("Dehdasht", "Dehdasht", 136987, 30.79, 50.56, "Kohgiluyeh and Boyer-Ahmad", "IR", "city")
POLICE = Entity("security forces", None, None, "IRN", "COP")
FARMERS = Entity("farmers", None, None, None, "AGR")
NGO = Entity("Hengaw", "hengaw", "Hengaw", "NGO", "SOC")
GOVERNOR = Entity("the governor", None, None, "IRN", "GOV")
STORY = (
    "Security forces opened fire on Monday on farmers who were protesting over water rights in the "
    "town, witnesses said. Several hundred farmers had gathered outside the governor's office since "
    "the weekend to demand that water from a nearby dam be released to their fields. Witnesses said "
    "riot police fired tear gas and then live rounds as the crowd pushed towards the building. Shops "
    "stayed closed on Tuesday and armoured vehicles were parked near the main square of the town."
)


def _document(doc_id: str, outlet: str, published: str, text: str) -> Document:
    return Document(
        id=doc_id,
        source=f"tests/{doc_id}.json",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        url=f"https://{outlet}/news/{doc_id}",
        published=published,
        outlet=outlet,
        language="en",
    )


def _shooting(mention_id: str, doc_id: str, *counts: Count, **fields: object) -> EventMention:
    values: dict[str, object] = {
        "mode": "firearms",
        "text": "Security forces opened fire on farmers.",
        "start": 0,
        "end": 40,
        "trigger": None,
        "extractor": "test",
        "confidence": 0.8,
        "actor": (POLICE,),
        "recipient": (FARMERS,),
        "date": "2026-03-09",
        "event_loc": TOWN,
        "counts": counts,
    }
    values.update(fields)
    return EventMention(mention_id, doc_id, "ASSAULT", **values)  # type: ignore[arg-type]


def _dead(n: int) -> Count:
    return Count("dead", n, None, "exact", str(n))


def _extraction(doc: Document, *mentions: EventMention) -> Extraction:
    return Extraction(doc, mentions)


FIRST = [
    _extraction(_document("wire", "apnews.com", "2026-03-10", STORY), _shooting("w1", "wire")),
    _extraction(
        _document("repost-a", "aggregator.example.net", "2026-03-10", "BREAKING: farmers shot. " + STORY),
        _shooting("a1", "repost-a"),
    ),
    _extraction(
        _document("repost-b", "mirror.example.org", "2026-03-11", STORY + " Share this article."),
        _shooting("b1", "repost-b"),
    ),
    _extraction(
        _document("ngo-1", "hengaw.net", "2026-03-11", "Hengaw said security forces killed 12 farmers."),
        _shooting("n1", "ngo-1", _dead(12), claimed_by=NGO),
    ),
    _extraction(
        _document("state", "irna.ir", "2026-03-11", "The governor said 3 died and denied any shooting."),
        _shooting("s1", "state", _dead(3), claimed_by=GOVERNOR),
        _shooting("s2", "state", claimed_by=GOVERNOR, modality="negated"),
    ),
]
LATER = _extraction(
    _document("ngo-2", "hengaw.net", "2026-03-14", "Hengaw said the toll had risen to 19 farmers."),
    _shooting("n2", "ngo-2", _dead(19), claimed_by=NGO),
)


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path, empty_postgresql: Callable[[], str]) -> Settings:
    """The first reports stored, on SQLite and on PostgreSQL."""
    url = str(tmp_path / "events.db") if request.param == "sqlite" else empty_postgresql()
    settings = Settings(db=url)
    with Store.open(settings.db_url) as store:
        for extraction in FIRST:
            store.save_extraction(extraction)
    return settings


def _events(settings: Settings) -> list[dict[str, object]]:
    return [event.to_json() for event in service.export_consolidated(settings)]


def test_consolidate_groups_the_reports_and_counts_reposts_once(settings: Settings) -> None:
    summary = service.consolidate(settings)
    assert (summary.documents, summary.mentions, summary.events, summary.duplicate_groups) == (5, 6, 1, 1)
    (event,) = _events(settings)
    assert set(event["mentions"]) == {"w1", "a1", "b1", "n1", "s1", "s2"}  # type: ignore[call-overload]
    # The wire story and its two reposts are one source; Hengaw and IRNA are two more.
    assert event["sources"] == {
        "outlets": ["apnews.com", "hengaw.net", "irna.ir"],
        "independent": 3,
        "affiliations": ["independent", "iran-state"],
    }
    assert event["disagreement"] is True


def test_rerunning_gives_the_same_ids_and_events(settings: Settings) -> None:
    service.consolidate(settings)
    first = _events(settings)
    service.consolidate(settings)
    assert _events(settings) == first


def test_a_later_document_joins_incrementally_and_keeps_the_id(settings: Settings) -> None:
    service.consolidate(settings)
    (before,) = _events(settings)
    with Store.open(settings.db_url) as store:
        store.save_extraction(LATER)
    summary = service.consolidate(settings)
    assert summary.mentions == 7
    (after,) = _events(settings)
    assert after["id"] == before["id"]
    assert "n2" in after["mentions"]  # type: ignore[operator]


def test_claims_view_shows_revisions_in_order_and_the_views(settings: Settings) -> None:
    with Store.open(settings.db_url) as store:
        store.save_extraction(LATER)
    service.consolidate(settings)
    (event,) = _events(settings)
    view = service.claims_view(settings, str(event["id"]))
    assert view is not None and view.event.id == event["id"]
    (dead,) = view.kinds
    by_claimant = {row.claimant: row for row in dead.rows}
    assert by_claimant["Hengaw"].figures == ("12", "19")
    assert (by_claimant["Hengaw"].first, by_claimant["Hengaw"].latest) == ("2026-03-11", "2026-03-14")
    assert by_claimant["Hengaw"].outlets == ("hengaw.net",)
    assert by_claimant["Hengaw"].outlet_types == ("ngo",)
    assert by_claimant["Hengaw"].affiliations == ("independent",)
    assert [row.figures for row in dead.rows if row.claimant != "Hengaw"] == [("3",)]
    assert dead.acled == 3
    assert dead.ucdp == (3, 3, 19)


def test_an_edited_toll_is_a_revision_the_claims_view_lists_beside_the_latest(settings: Settings) -> None:
    service.consolidate(settings)
    edited_text = "Hengaw said security forces killed 15 farmers."
    edited = _extraction(
        _document("ngo-1", "hengaw.net", "2026-03-12", edited_text),
        _shooting("n1", "ngo-1", _dead(15), claimed_by=NGO),
    )
    with Store.open(settings.db_url) as store:
        store.save_extraction(edited)
    service.consolidate(settings)
    (event,) = _events(settings)
    view = service.claims_view(settings, str(event["id"]))
    assert view is not None
    (dead,) = view.kinds
    # The claims are the latest revision's; the earlier figure is in the revision list.
    assert {row.claimant: row.figures for row in dead.rows}["Hengaw"] == ("15",)
    assert [(r.doc_id, r.revision, r.latest, r.published, r.figures) for r in view.revisions] == [
        ("ngo-1", 1, False, "2026-03-11", ("dead 12",)),
        ("ngo-1", 2, True, "2026-03-12", ("dead 15",)),
    ]
    assert view.revisions[1].content_hash == edited.document.content_hash
    assert service.document_revisions(settings, "ngo-1", ["n1"]) == list(view.revisions)
    assert service.document_revisions(settings, "not-stored") == []


def test_claims_view_of_an_unknown_id_is_none(settings: Settings) -> None:
    service.consolidate(settings)
    assert service.claims_view(settings, "ce_00000000000000000000") is None


def test_sources_view_counts_documents_and_claims_per_outlet(settings: Settings) -> None:
    service.consolidate(settings)
    rows = {row.outlet: row for row in service_sources.sources_view(settings)}
    assert set(rows) == {
        "apnews.com",
        "aggregator.example.net",
        "mirror.example.org",
        "hengaw.net",
        "irna.ir",
    }
    assert (rows["irna.ir"].type, rows["irna.ir"].affiliation) == ("state_media", "iran-state")
    assert (rows["irna.ir"].documents, rows["irna.ir"].claims) == (1, 1)
    assert (rows["mirror.example.org"].type, rows["mirror.example.org"].claims) == (None, 0)


def test_nothing_stored_consolidates_to_nothing(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "empty.db"))
    summary = service.consolidate(settings)
    assert (summary.documents, summary.mentions, summary.events) == (0, 0, 0)
    assert _events(settings) == [] and service_sources.sources_view(settings) == []


def test_a_failed_extraction_is_set_aside_with_its_reason_and_the_traceback_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(service, "process", broken)
    (tmp_path / "a.txt").write_text("Police arrested forty workers in Arak on Monday.", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "events.db"), doc_timeout=0)  # in-process, where the patch is
    with caplog.at_level(logging.DEBUG, logger="chronicler"):
        summary = service.ingest([str(tmp_path / "a.txt")], settings)
    reason = "extraction failed: RuntimeError: the parser fell over"
    assert [f.reason for f in summary.failures] == [reason]
    with Store.open(settings.db_url) as store, store._engine.connect() as conn:
        stored = conn.execute(select(failures.c.source, failures.c.reason)).all()
    assert [tuple(row) for row in stored] == [(str(tmp_path / "a.txt"), reason)]
    (record,) = [r for r in caplog.records if r.exc_info]
    assert (record.name, record.levelno) == ("chronicler.service", logging.DEBUG)
    assert "a.txt" in record.getMessage() and "the parser fell over" in caplog.text
    assert "Traceback" in caplog.text


def test_a_failure_logs_nothing_at_the_default_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(service, "process", lambda *_, **__: 1 / 0)
    (tmp_path / "a.txt").write_text("Police arrested forty workers in Arak on Monday.", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="chronicler"):
        settings = Settings(db=str(tmp_path / "events.db"), doc_timeout=0)  # in-process, where the patch is
        summary = service.ingest([str(tmp_path / "a.txt")], settings)
    assert summary.failures[0].reason == "extraction failed: ZeroDivisionError: division by zero"
    assert caplog.records == []
