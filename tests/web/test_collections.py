"""Private collections over the API (issue 14): a private collection's documents, and all read
from them, are seen only by its members, whatever their role; a consolidated event that mixes a
public and a private report shows others its public part alone; guessed ids answer as ids that do
not exist. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from chronicler import service, service_collections, service_users
from chronicler.config import Settings
from chronicler.errors import StoreError
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow
SECRET = "Zubrovka"  # in the private report only: no answer to a non-member may hold it
PUBLIC = {
    "id": "public-tabriz",
    "outlet": "news.example.org",
    "published": "2021-03-04",
    "text": "Police detained 40 striking workers in Tabriz on 3 March 2021, a rights group said.",
}
PRIVATE = {
    "id": "private-tabriz",
    "outlet": "private.example.org",
    "published": "2021-03-04",
    "text": f"Police detained 52 striking workers in Tabriz on 3 March 2021, the {SECRET} committee said.",
}
# name: (role, member of the private collection)
ACCOUNTS = {
    "vera": ("viewer", False),
    "mia": ("viewer", True),
    "ed": ("editor", False),
    "ada": ("admin", False),
    "otto": ("viewer", False),  # a member of another private collection
}
OTHERS = ("vera", "ed", "ada", "otto")


@pytest.fixture(scope="module")
def team(examples_database: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, str]]:
    settings = Settings(db=examples_database, doc_timeout=0)
    folder = tmp_path_factory.mktemp("reports")
    for doc in (PUBLIC, PRIVATE):
        (folder / f"{doc['id']}.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "broken.json").write_text("[1, 2", encoding="utf-8")
    tokens = {name: service_users.add(settings, name, role) for name, (role, _) in ACCOUNTS.items()}
    service_collections.add(settings, "witness", private=True)
    service_collections.grant(settings, "witness", "mia")
    service_collections.add(settings, "other", private=True)
    service_collections.grant(settings, "other", "otto")
    service.ingest([str(folder / "public-tabriz.json")], settings)
    summary = service.ingest([str(folder / "private-tabriz.json"), str(folder / "broken.json")], settings,
                             collection="witness")  # fmt: skip
    assert summary.stored == 1 and len(summary.failures) == 1
    return settings, tokens


@pytest.fixture(scope="module")
def client(team: tuple[Settings, dict[str, str]]) -> TestClient:
    return TestClient(create_app(team[0], sign_in=True))


def _get(client: TestClient, token: str, path: str, **params: Any) -> Any:
    return client.get(path, params=params, headers={"Authorization": f"Bearer {token}"})


def _private_mention(client: TestClient, tokens: dict[str, str]) -> dict[str, Any]:
    found = _get(client, tokens["mia"], "/api/events", q=SECRET).json()["items"]
    assert len(found) == 1 and found[0]["doc_id"] == "private-tabriz"
    return dict(found[0])


def _mixed_event(client: TestClient, tokens: dict[str, str]) -> dict[str, Any]:
    items = _get(client, tokens["mia"], "/api/consolidated", limit=500).json()["items"]
    (mixed,) = [e for e in items if {"public-tabriz", "private-tabriz"} <= set(e["documents"])]
    return dict(mixed)


def test_every_answer_to_a_non_member_is_free_of_the_private_report(
    client: TestClient, team: tuple[Settings, dict[str, str]]
) -> None:
    _, tokens = team
    mention = _private_mention(client, tokens)
    mixed = _mixed_event(client, tokens)
    ids = {"event_id": mention["id"], "judgement_id": "1"}
    for name in OTHERS:
        for route in client.app.routes:  # type: ignore[attr-defined]
            if not isinstance(route, APIRoute) or "GET" not in (route.methods or set()):
                continue
            paths = [route.path.format(**ids)]
            if route.path == "/api/consolidated/{event_id}":
                paths = [route.path.format(event_id=mixed["id"])]
            for path in paths:
                answer = _get(client, tokens[name], path, limit=500)
                assert SECRET not in answer.text and "private.example.org" not in answer.text, (name, path)
                assert "private-tabriz" not in answer.text, (name, path)


def test_a_member_sees_it_all_and_others_see_the_public_part(
    client: TestClient, team: tuple[Settings, dict[str, str]]
) -> None:
    _, tokens = team
    mention = _private_mention(client, tokens)
    mixed = _mixed_event(client, tokens)
    assert set(mixed["documents"]) >= {"public-tabriz", "private-tabriz"}
    figures = {
        c["low"]
        for c in _get(client, tokens["mia"], f"/api/consolidated/{mixed['id']}").json()["event"]["claims"]
    }
    assert {40, 52} <= figures
    for name in OTHERS:
        assert _get(client, tokens[name], f"/api/events/{mention['id']}").status_code == 404
        seen = _get(client, tokens[name], f"/api/consolidated/{mixed['id']}").json()["event"]
        assert seen["documents"] == ["public-tabriz"] and {c["low"] for c in seen["claims"]} == {40}
        assert mention["id"] not in seen["mentions"]
        assert _get(client, tokens[name], "/api/events", q=SECRET).json()["items"] == []
        documents = {d["id"] for d in _get(client, tokens[name], "/api/documents", limit=500).json()["items"]}
        assert "public-tabriz" in documents and "private-tabriz" not in documents
        assert all(
            "broken.json" not in f["source"] for f in _get(client, tokens[name], "/api/failures").json()
        )
    member_row = [p for p in _get(client, tokens["mia"], "/api/map").json() if p["id"] == mixed["id"]]
    other_row = [p for p in _get(client, tokens["vera"], "/api/map").json() if p["id"] == mixed["id"]]
    assert [(p["documents"], p["mentions"]) for p in other_row] == [
        (p["documents"] - 1, p["mentions"] - 1) for p in member_row
    ]
    member_days = _get(client, tokens["mia"], "/api/timeline", since="2021-03-03", until="2021-03-03").json()
    other_days = _get(client, tokens["vera"], "/api/timeline", since="2021-03-03", until="2021-03-03").json()
    assert sum(d["count"] for d in member_days) == sum(d["count"] for d in other_days) + 1
    assert any("broken.json" in f["source"] for f in _get(client, tokens["mia"], "/api/failures").json())


def test_guessed_ids_and_names_answer_as_nothing_there(
    client: TestClient, team: tuple[Settings, dict[str, str]]
) -> None:
    _, tokens = team
    mention = _private_mention(client, tokens)
    auth = {"Authorization": f"Bearer {tokens['ed']}"}
    private = client.get(f"/api/events/{mention['id']}", headers=auth)
    absent = client.get("/api/events/ev_00000000000000000000", headers=auth)
    assert (private.status_code, absent.status_code) == (404, 404)
    assert private.json()["detail"].replace(mention["id"], "X") == absent.json()["detail"].replace(
        "ev_00000000000000000000", "X"
    )
    judged = client.post(f"/api/events/{mention['id']}/judgements", json={"action": "reject"}, headers=auth)
    assert judged.status_code == 404
    mine = client.post(f"/api/events/{mention['id']}/judgements", json={"action": "confirm"},
                       headers={"Authorization": f"Bearer {tokens['mia']}"})  # fmt: skip
    assert mine.status_code == 403  # mia is a viewer: a member, but no editor
    posted = client.post(
        "/api/documents", json=PUBLIC | {"id": "x"}, params={"collection": "witness"}, headers=auth
    )
    unknown = client.post(
        "/api/documents", json=PUBLIC | {"id": "x"}, params={"collection": "nowhere"}, headers=auth
    )
    assert posted.status_code == unknown.status_code == 422
    assert "no collection named 'witness'" in posted.text and "no collection named 'nowhere'" in unknown.text


def test_a_judgement_of_a_private_mention_stays_with_its_members(
    client: TestClient, team: tuple[Settings, dict[str, str]]
) -> None:
    settings, tokens = team
    mention = _private_mention(client, tokens)
    service_collections.grant(settings, "witness", "ada")
    try:
        made = client.post(f"/api/events/{mention['id']}/judgements", json={"action": "confirm"},
                           headers={"Authorization": f"Bearer {tokens['ada']}"})  # fmt: skip
        assert made.status_code == 201
        assert made.json()["id"] in {j["id"] for j in _get(client, tokens["mia"], "/api/judgements").json()}
        assert made.json()["id"] not in {
            j["id"] for j in _get(client, tokens["vera"], "/api/judgements").json()
        }
        assert _get(client, tokens["vera"], f"/api/events/{mention['id']}/judgements").json() == []
        undo = client.post(f"/api/judgements/{made.json()['id']}/undo", json={},
                           headers={"Authorization": f"Bearer {tokens['ed']}"})  # fmt: skip
        assert undo.status_code == 404
    finally:
        service_collections.revoke(settings, "witness", "ada")
    assert _get(client, tokens["ada"], f"/api/events/{mention['id']}").status_code == 404  # at once


def test_without_sign_in_this_machine_sees_everything(team: tuple[Settings, dict[str, str]]) -> None:
    local = TestClient(create_app(team[0]))
    assert local.get("/api/events", params={"q": SECRET}).json()["items"] != []


def test_the_cli_lists_collections_with_members_and_documents(team: tuple[Settings, dict[str, str]]) -> None:
    (found,) = [c for c in service_collections.collections(team[0]) if c.name == "witness"]
    assert found.private and found.members == ("mia",) and found.documents == 1


@pytest.mark.parametrize("bad", ["", "a b", "x" * 101, "../x", "wit\u202eness"])
def test_bad_collection_names_are_refused(team: tuple[Settings, dict[str, str]], bad: str) -> None:
    with pytest.raises(ValueError, match="a collection's name has 1 to 100"):
        service_collections.add(team[0], bad, private=True)


def test_the_shared_collection_is_no_name_to_take(team: tuple[Settings, dict[str, str]]) -> None:
    with pytest.raises(StoreError, match="'shared' is the collection of every document in no other"):
        service_collections.add(team[0], "shared", private=True)
