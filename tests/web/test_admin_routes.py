"""What admins do over HTTP: accounts (a token in the answer that makes it, and never again) and
collections with their members; what others may not is the sign-in matrix's (test_auth)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chronicler import service_users
from chronicler.config import Settings
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow


def test_accounts_and_collections_made_over_http(fresh_examples_database: str) -> None:
    settings = Settings(db=fresh_examples_database)
    admin = {"Authorization": f"Bearer {service_users.add(settings, 'ada', 'admin')}"}
    client = TestClient(create_app(settings, sign_in=True))
    made = client.post("/api/users", json={"name": "ben", "role": "editor"}, headers=admin)
    assert made.status_code == 201 and made.json()["token"].startswith("chr_")
    ben = {"Authorization": f"Bearer {made.json()['token']}"}
    assert client.get("/api/me", headers=ben).json()["name"] == "ben"
    listed = client.get("/api/users", headers=admin)
    assert {u["name"]: u["role"] for u in listed.json()} == {"ada": "admin", "ben": "editor"}
    assert "token" not in listed.text and "chr_" not in listed.text
    again = client.post("/api/users", json={"name": "ben", "role": "viewer"}, headers=admin)
    assert again.status_code == 422 and "already a user named 'ben'" in again.text
    assert (
        client.post("/api/collections", json={"name": "witness", "private": True}, headers=admin).status_code
        == 201
    )
    granted = client.post("/api/collections/witness/members", json={"user": "ben"}, headers=admin)
    assert granted.status_code == 201
    unknown = client.post("/api/collections/witness/members", json={"user": "nobody"}, headers=admin)
    assert unknown.status_code == 422 and "no user named 'nobody'" in unknown.text
    (witness,) = client.get("/api/collections", headers=admin).json()
    assert witness == {"name": "witness", "private": True, "members": ["ben"], "documents": 0}
    assert client.delete("/api/collections/witness/members/ben", headers=admin).status_code == 204
    assert client.delete("/api/collections/witness/members/ben", headers=admin).status_code == 404
    assert client.delete("/api/users/ben", headers=admin).status_code == 204
    assert client.get("/api/me", headers=ben).status_code == 401
    assert client.delete("/api/users/ben", headers=admin).status_code == 404
