"""POST /api/documents: an article added over HTTP is read as `chronicler ingest` reads a file;
the same text again writes nothing; a body that is no document, no JSON, or too large is refused
with the reason; only editors may add. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from chronicler import service_users
from chronicler.config import Settings
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow
ARTICLE = {
    "id": "posted-1",
    "title": "Workers detained after strike",
    "published": "2021-03-04",
    "outlet": "news.example.org",
    "text": "Police detained 40 striking workers in Tabriz on Wednesday, a rights group said.",
}


@pytest.fixture
def settings(fresh_examples_database: str) -> Settings:
    return Settings(db=fresh_examples_database, doc_timeout=0, max_bytes=4000)


def test_an_article_is_read_stored_and_listed(settings: Settings) -> None:
    client = TestClient(create_app(settings))
    made = client.post("/api/documents", json=ARTICLE)
    assert made.status_code == 201, made.text
    assert made.json() == {
        "id": "posted-1",
        "stored": True,
        "revision": False,
        "events": made.json()["events"],
    }
    assert made.json()["events"] >= 1
    found = client.get("/api/events", params={"q": "striking workers", "limit": 50}).json()["items"]
    assert {e["doc_id"] for e in found} == {"posted-1"}
    again = client.post("/api/documents", json=ARTICLE)
    assert again.status_code == 200 and again.json()["stored"] is False
    edited = client.post("/api/documents", json={**ARTICLE, "text": ARTICLE["text"] + " Twelve were freed."})
    assert edited.status_code == 201 and edited.json()["revision"] is True


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"{not json", 400, "not JSON"),
        (json.dumps(["a list"]).encode(), 422, "expected a JSON object"),
        (json.dumps({"title": "no text"}).encode(), 422, "neither 'text' nor 'html'"),
        (json.dumps({"text": 5}).encode(), 422, "must be strings or null"),
        (json.dumps({"text": "x" * 5000}).encode(), 413, "larger than 4000 bytes"),
    ],
)
def test_what_is_no_document_is_refused_with_the_reason(
    settings: Settings, body: bytes, status: int, reason: str
) -> None:
    client = TestClient(create_app(settings))
    answer = client.post("/api/documents", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == status and reason in answer.text


def test_only_editors_may_add(settings: Settings) -> None:
    tokens = {role: service_users.add(settings, role, role) for role in ("viewer", "editor")}
    client = TestClient(create_app(settings, sign_in=True))
    assert client.post("/api/documents", json=ARTICLE).status_code == 401
    as_viewer = client.post(
        "/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {tokens['viewer']}"}
    )
    assert as_viewer.status_code == 403
    as_editor = client.post(
        "/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {tokens['editor']}"}
    )
    assert as_editor.status_code == 201
