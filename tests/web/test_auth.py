"""Sign-in (web/auth.py): the observed allow/deny answer of every route for every kind of caller
equals the specified one; denied answers carry nothing stored; the sign-in form sets a cookie
another site cannot send; a renewed or removed account's token stops working at once; and
`chronicler serve` never listens beyond this machine without accounts."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chronicler import service_pages, service_users
from chronicler.cli import app as cli
from chronicler.config import Settings
from chronicler.web.app import create_app
from chronicler.web.auth import COOKIE
from chronicler.web.pages import PAGES

pytestmark = pytest.mark.slow
ROLES = ("viewer", "editor", "admin")
WRITES = {"/api/events/{event_id}/judgements", "/api/judgements/{judgement_id}/undo", "/api/documents"}
OPEN = {"/login", "/logout", "/openapi.json"}
ADMINS = {"/api/users", "/api/users/{name}", "/api/collections", "/api/collections/{name}/members",
          "/api/collections/{name}/members/{user}"}  # fmt: skip


@pytest.fixture(scope="module")
def served(examples_database: str) -> tuple[Settings, dict[str, str]]:
    settings = Settings(db=examples_database)
    return settings, {role: service_users.add(settings, f"{role}-one", role) for role in ROLES}


@pytest.fixture(scope="module")
def client(served: tuple[Settings, dict[str, str]]) -> TestClient:
    return TestClient(create_app(served[0], sign_in=True), follow_redirects=False)


def _requests(client: TestClient, settings: Settings) -> list[tuple[str, str, str, dict[str, object] | None]]:
    mention = service_pages.events_page(settings, limit=1).items[0].id
    consolidated = service_pages.consolidated_page(settings, limit=1).items[0].id
    ids = {"event_id": mention, "judgement_id": "1"}
    found: list[tuple[str, str, str, dict[str, object] | None]] = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if not isinstance(route, APIRoute):
            continue
        for method in sorted((route.methods or set()) - {"HEAD"}):
            path = route.path.replace("{event_id}", ids["event_id"]).replace(
                "{judgement_id}", ids["judgement_id"]
            )
            if route.path.startswith("/api/consolidated/"):
                path = route.path.replace("{event_id}", consolidated)
            path = path.replace("{name}", "nobody").replace(
                "{user}", "nobody"
            )  # an admin's call changes nothing
            body: dict[str, object] | None = (
                {"action": "confirm", "reviewer": "x"} if method == "POST" else None
            )
            found.append((route.path, method, path, body))
    return found


def _expected(route: str, method: str, caller: str) -> str:
    if route in OPEN:
        return "open"
    if caller in ("anonymous", "stranger"):
        return "sign in" if route.startswith("/api/") else "to login page"
    if method == "POST" and route in WRITES and caller == "viewer":
        return "forbidden"
    if route in ADMINS and caller != "admin":
        return "forbidden"
    return "allowed"


def _observed(status: int, location: str | None) -> str:
    if status == 401:
        return "sign in"
    if status == 403:
        return "forbidden"
    if status == 303 and location == "/login":
        return "to login page"
    return "allowed"


def test_every_route_for_every_caller(client: TestClient, served: tuple[Settings, dict[str, str]]) -> None:
    settings, tokens = served
    callers = {"anonymous": None, "stranger": "chr_" + "x" * 43, **tokens}
    requests = _requests(client, settings)
    assert {r for r, *_ in requests} >= WRITES | ADMINS | set(PAGES) | {"/api/events", "/api/me", "/login"}
    mismatches = []
    for route, method, path, body in requests:
        for caller, token in callers.items():
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            answer = client.request(method, path, json=body, headers=headers)
            want, got = (
                _expected(route, method, caller),
                _observed(answer.status_code, answer.headers.get("location")),
            )
            if want == got or (want == "open" and got not in ("sign in", "forbidden")):
                if got in ("sign in", "forbidden", "to login page"):
                    _nothing_stored_in(answer.text, settings)
                continue
            mismatches.append((method, route, caller, want, got, answer.status_code))
    assert mismatches == [], "\n".join(map(str, mismatches))


def _nothing_stored_in(text: str, settings: Settings) -> None:
    for mention in service_pages.events_page(settings, limit=20).items:
        assert mention.text[:30] not in text and mention.doc_id not in text


def test_the_account_is_the_reviewer(client: TestClient, served: tuple[Settings, dict[str, str]]) -> None:
    settings, tokens = served
    mention = service_pages.events_page(settings, limit=1).items[0].id
    made = client.post(f"/api/events/{mention}/judgements", json={"action": "confirm", "reviewer": "mallory"},
                       headers={"Authorization": f"Bearer {tokens['editor']}"})  # fmt: skip
    assert made.status_code == 201 and made.json()["reviewer"] == "editor-one"
    me = client.get("/api/me", headers={"Authorization": f"Bearer {tokens['viewer']}"}).json()
    assert me == {"name": "viewer-one", "role": "viewer", "sign_in": True}


def test_the_sign_in_form_sets_a_strict_cookie(
    client: TestClient, served: tuple[Settings, dict[str, str]]
) -> None:
    _, tokens = served
    browser = TestClient(client.app, follow_redirects=False)
    assert browser.get("/").headers["location"] == "/login"
    wrong = browser.post("/login", data={"token": "chr_not-a-token"})
    assert (wrong.status_code, wrong.headers["location"]) == (
        303,
        "/login?failed",
    ) and COOKIE not in wrong.cookies
    huge = browser.post(
        "/login",
        content=b"token=" + b"a" * 5000,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert huge.headers["location"] == "/login?failed"
    right = browser.post("/login", data={"token": tokens["viewer"]})
    assert (right.status_code, right.headers["location"]) == (303, "/")
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie  # plain http here
    assert browser.get("/").status_code == 200 and browser.get("/api/events").status_code == 200
    out = browser.post("/logout")
    assert out.headers["location"] == "/login"
    browser.cookies.clear()
    assert browser.get("/api/events").status_code == 401


def test_a_renewed_or_removed_token_stops_at_once(
    client: TestClient, served: tuple[Settings, dict[str, str]]
) -> None:
    settings, _ = served
    token = service_users.add(settings, "temp", "viewer")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/types", headers=bearer).status_code == 200
    renewed = service_users.renew(settings, "temp")
    assert client.get("/api/types", headers=bearer).status_code == 401
    assert client.get("/api/types", headers={"Authorization": f"Bearer {renewed}"}).status_code == 200
    service_users.remove(settings, "temp")
    assert client.get("/api/types", headers={"Authorization": f"Bearer {renewed}"}).status_code == 401


def test_without_sign_in_the_body_names_the_reviewer(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "laptop.sqlite"
    shutil.copyfile(examples_db, db)
    settings = Settings(db=str(db))
    local = TestClient(create_app(settings))
    mention = service_pages.events_page(settings, limit=1).items[0].id
    assert local.post(f"/api/events/{mention}/judgements", json={"action": "confirm"}).status_code == 422
    made = local.post(f"/api/events/{mention}/judgements", json={"action": "confirm", "reviewer": "ana"})
    assert made.status_code == 201 and made.json()["reviewer"] == "ana"


def test_serve_beyond_this_machine_needs_an_account(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    shutil.copyfile(examples_db, db)
    refused = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert refused.exit_code == 2
    assert "no accounts" in " ".join(refused.stderr.split())


def test_a_served_database_with_accounts_asks_for_a_token_even_on_this_machine(
    examples_db: Path, tmp_path: Path, serve: Callable[[Path | str], str]
) -> None:
    db = tmp_path / "team.sqlite"
    shutil.copyfile(examples_db, db)
    token = service_users.add(Settings(db=str(db)), "ana", "viewer")
    base = serve(db)  # on 127.0.0.1, as by default
    assert httpx.get(f"{base}/api/types").status_code == 401
    assert httpx.get(f"{base}/api/types", headers={"Authorization": f"Bearer {token}"}).status_code == 200
