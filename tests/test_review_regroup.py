"""Splitting and joining consolidated events (issue 13): a reviewer's split or join is kept as a
judgement, applied at once and at every later consolidation, survives re-ingest, and its undo
puts the events back as the machine made them. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronicler import service, service_review
from chronicler.config import Settings
from chronicler.store import Store
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow
REPORTS = [
    (
        "wire",
        "news.example.org",
        "Police detained 40 striking workers in Tabriz on 3 March 2021, a rights group said.",
    ),
    ("ngo", "rights.example.org", "Security forces detained 52 striking workers in Tabriz on 3 March 2021."),
    (
        "other",
        "daily.example.org",
        "Thousands of teachers protested in Shiraz on 9 May 2022, witnesses said.",
    ),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path, empty_postgresql: Callable[[], str]) -> Settings:
    url = str(tmp_path / "events.db") if request.param == "sqlite" else empty_postgresql()
    settings = Settings(db=url, doc_timeout=0)
    files = []
    for ident, outlet, text in REPORTS:
        path = tmp_path / f"{ident}.json"
        path.write_text(json.dumps({"id": ident, "outlet": outlet, "published": "2022-05-10", "text": text}))
        files.append(str(path))
    assert service.ingest(files[:2], settings).stored == 2
    assert service.ingest(files[2:], settings).stored == 1
    return settings


def _groups(settings: Settings) -> list[set[str]]:
    with Store.open(settings.db_url) as store:
        return sorted(({m.split("-")[0] for m in e.documents} for e in store.load_consolidated()), key=sorted)


def _mention(settings: Settings, doc: str) -> str:
    return next(m.id for m in service.list_events(settings) if m.doc_id == doc)


def test_split_join_and_undo(settings: Settings) -> None:
    assert {"wire", "ngo"} in _groups(settings)  # the machine's grouping: one detention, two reports
    ngo = _mention(settings, "ngo")
    split = service_review.judge(settings, ngo, "split", "ana", note="another raid")
    assert split is not None and split.action == "split"
    assert {"wire"} in _groups(settings) and {"ngo"} in _groups(settings)
    service.consolidate(settings)  # and again: the split stands
    assert {"ngo"} in _groups(settings)
    with Store.open(settings.db_url) as store:  # the mention itself is no reviewed one
        stored = store.reviews.mention(ngo)
        assert stored is not None and stored.review is None
    joined = service_review.judge(
        settings, _mention(settings, "wire"), "join", "ben", value=_mention(settings, "other")
    )
    assert joined is not None and {"wire", "other"} in _groups(settings)
    service_review.undo(settings, joined.id, "ben")
    service_review.undo(settings, split.id, "ana")
    assert {"wire", "ngo"} in _groups(settings) and {"other"} in _groups(settings)


def test_bad_joins_are_refused_with_the_reason(settings: Settings) -> None:
    wire = _mention(settings, "wire")
    with pytest.raises(ValueError, match="no other stored mention"):
        service_review.judge(settings, wire, "join", "ana", value=wire)
    with pytest.raises(ValueError, match="no other stored mention"):
        service_review.judge(settings, wire, "join", "ana", value="ev_00000000000000000000")
    with pytest.raises(ValueError, match="a join names the mention of the other event"):
        service_review.judge(settings, wire, "join", "ana")
    assert service_review.judge(settings, "ev_00000000000000000000", "split", "ana") is None


def test_over_http(settings: Settings) -> None:
    client = TestClient(create_app(settings))
    ngo = _mention(settings, "ngo")
    made = client.post(f"/api/events/{ngo}/judgements", json={"action": "split", "reviewer": "ana"})
    assert made.status_code == 201 and {"ngo"} in _groups(settings)
    trail = client.get("/api/judgements").json()
    assert trail[0]["action"] == "split"
    assert client.post(f"/api/judgements/{trail[0]['id']}/undo", json={"reviewer": "ana"}).status_code == 200
    assert {"wire", "ngo"} in _groups(settings)
