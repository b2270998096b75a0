"""The review loop over HTTP: judge a mention, read its judgements and the audit trail, undo; bad
bodies are 422 with the reason, unknown ids 404, and a form post from another site is refused."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chronicler.config import Settings
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture
def client(fresh_examples_database: str) -> TestClient:
    """The API over a copy of the examples, on SQLite and on PostgreSQL."""
    return TestClient(create_app(Settings(db=fresh_examples_database)))


def _first(client: TestClient) -> dict[str, object]:
    found: dict[str, object] = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    return found


def test_judge_read_and_undo(client: TestClient) -> None:
    ident = _first(client)["id"]
    made = client.post(f"/api/events/{ident}/judgements",
                       json={"action": "correct", "reviewer": "alice", "field": "date", "value": "2019-11-17",
                             "note": "the dateline"})  # fmt: skip
    assert made.status_code == 201, made.text
    assert made.json()["new_value"] == "2019-11-17" and made.json()["reviewer"] == "alice"
    event = client.get(f"/api/events/{ident}").json()["event"]
    assert event["date"] == "2019-11-17" and event["review"]["fields"] == ["date"]
    assert (
        client.post(
            f"/api/events/{ident}/judgements", json={"action": "reject", "reviewer": "bob"}
        ).status_code
        == 201
    )
    assert ident not in {e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["items"]}
    assert client.get(f"/api/events/{ident}").json()["event"]["review"]["status"] == "rejected"
    trail = client.get("/api/judgements").json()
    assert [j["action"] for j in trail] == ["reject", "correct"]
    undone = client.post(f"/api/judgements/{trail[0]['id']}/undo", json={"reviewer": "carol"})
    assert undone.status_code == 200 and undone.json()["undone_by"] == "carol"
    assert ident in {e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["items"]}
    assert len(client.get(f"/api/events/{ident}/judgements").json()) == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"action": "approve", "reviewer": "a"}, "action"),
        ({"action": "confirm"}, "reviewer"),
        ({"action": "confirm", "reviewer": ""}, "reviewer"),
        ({"action": "correct", "reviewer": "a", "field": "date"}, "names a field and its new value"),
        ({"action": "correct", "reviewer": "a", "field": "event", "value": "RIOT"}, "not a PLOVER type"),
        ({"action": "confirm", "reviewer": "a", "note": "x" * 2001}, "note"),
        ({"action": "confirm", "reviewer": "a" * 101}, "reviewer"),
    ],
)
def test_bad_judgements_are_422_with_the_reason(
    client: TestClient, body: dict[str, object], message: str
) -> None:
    answer = client.post(f"/api/events/{_first(client)['id']}/judgements", json=body)
    assert answer.status_code == 422 and message in answer.text, answer.text
    assert client.get("/api/judgements").json() == []


def test_unknown_ids_and_cross_site_forms(client: TestClient) -> None:
    assert (
        client.post("/api/events/ev_none/judgements", json={"action": "confirm", "reviewer": "a"}).status_code
        == 404
    )
    assert client.post("/api/judgements/42/undo", json={"reviewer": "a"}).status_code == 404
    # What a page on another site can send without the server's leave: a form, not JSON.
    form = client.post(
        f"/api/events/{_first(client)['id']}/judgements", data={"action": "reject", "reviewer": "x"}
    )
    assert form.status_code == 422 and client.get("/api/judgements").json() == []
