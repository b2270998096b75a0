"""The REST API on the example corpus's database: pages with cursors, filters as the CLI has them,
evidence in context, claims side by side, validation answered with 422, the security headers, and
the real server started by `chronicler serve`."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from chronicler.config import Settings
from chronicler.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(examples_database: str) -> TestClient:
    """The API over the examples, on SQLite and on PostgreSQL."""
    return TestClient(create_app(Settings(db=examples_database)))


def _all(client: TestClient, path: str, **params: str | int) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        answer = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        page = answer.json()
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def test_pages_with_cursors_give_every_event_once_in_order(client: TestClient) -> None:
    whole = client.get("/api/events", params={"limit": 500}).json()
    assert whole["next"] is None and len(whole["items"]) > 80
    paged = _all(client, "/api/events", limit=7)
    assert [e["id"] for e in paged] == [e["id"] for e in whole["items"]]


def test_filters_as_in_the_cli(client: TestClient) -> None:
    found = _all(
        client, "/api/events", type="assault", country="IR", since="2019-11", until="2019-11-30", limit=5
    )
    assert found and {e["event"] for e in found} == {"ASSAULT"}
    assert all(str(e["date"]).startswith("2019-11") for e in found)
    news = _all(client, "/api/events", historical="false", limit=50)
    assert news and not any(e["historical"] for e in news)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"type": "ASSALT"}, "unknown event type"),
        ({"since": "2020", "until": "2019"}, "since"),
        ({"since": "Nov 2019"}, "string_pattern_mismatch"),
        ({"limit": 0}, "greater_than_equal"),
        ({"limit": 501}, "less_than_equal"),
        ({"cursor": "bm90LWEtY3Vyc29y"}, "not one this server gave"),
        ({"place": "x" * 201}, "string_too_long"),
    ],
)
def test_bad_parameters_are_422_with_the_reason(
    client: TestClient, params: dict[str, str | int], fragment: str
) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == 422 and fragment in answer.text


def test_one_event_with_its_evidence_in_context(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    answer = client.get(f"/api/events/{first['id']}")
    assert answer.status_code == 200
    found = answer.json()
    assert found["event"] == first and found["evidence"] == first["text"]
    assert found["document"]["id"] == first["doc_id"]
    assert client.get("/api/events/ev_nothing").status_code == 404


def test_consolidated_events_and_their_claims(client: TestClient) -> None:
    events = _all(client, "/api/consolidated", limit=9)
    assert len(events) > 50 and len({e["id"] for e in events}) == len(events)
    disputed = next(e for e in events if e["disagreement"])
    found = client.get(f"/api/consolidated/{disputed['id']}").json()
    assert found["event"]["id"] == disputed["id"]
    dead = next(k for k in found["kinds"] if k["kind"] == "dead")
    assert len(dead["claims"]) > 1 and dead["acled_conservative"] is not None
    assert client.get("/api/consolidated/ce_nothing").status_code == 404


def test_sources_and_failures(client: TestClient) -> None:
    sources = client.get("/api/sources").json()
    assert sources and {"outlet", "type", "affiliation", "documents", "claims"} <= set(sources[0])
    assert client.get("/api/failures").json() == []
    assert client.get("/api/failures", params={"code": "nonsense"}).status_code == 422


def test_every_answer_is_locked_down(client: TestClient) -> None:
    for path in ("/api/events", "/api/events/ev_nothing", "/openapi.json"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")  # not FastAPI's own page, which loads a CDN: the package's
    assert docs.status_code == 200 and re.findall(r'src="([^"]+)"', docs.text) == [
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/js/api-docs.js",
    ]
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/consolidated/{event_id}" in schema["paths"]


def test_a_missing_database_is_503(tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(db=str(tmp_path / "none.sqlite"))))
    answer = client.get("/api/events")
    assert answer.status_code == 503 and "no database" in answer.text
    assert not (tmp_path / "none.sqlite").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_chronicler_serve_answers_on_this_machine(examples_db: Path) -> None:
    port = _free_port()
    script = Path(sys.executable).parent / "chronicler"
    server = subprocess.Popen(
        [str(script), "serve", "--db", str(examples_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ | {"COLUMNS": "200"},
    )
    try:
        for _ in range(100):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"limit": 2}, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("chronicler serve did not answer")
        assert answer.status_code == 200 and len(answer.json()["items"]) == 2
        assert (
            json.loads(httpx.get(f"http://127.0.0.1:{port}/openapi.json").text)["info"]["title"]
            == "chronicler"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_without_a_database_is_a_usage_error(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "chronicler"
    found = subprocess.run(
        [str(script), "serve", "--db", str(tmp_path / "none.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert found.returncode == 2 and "no database" in found.stderr


def test_cursors_stay_right_while_documents_are_added(examples_db: Path, tmp_path: Path) -> None:
    from chronicler import service

    db = tmp_path / "growing.sqlite"
    shutil.copyfile(examples_db, db)
    settings = Settings(db=str(db), doc_timeout=0)
    client = TestClient(create_app(settings))
    before = [e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["items"]]
    first = client.get("/api/events", params={"limit": 10}).json()
    article = tmp_path / "new.txt"
    article.write_text(
        "Police detained 40 students in Tabriz on 3 March 2021, a rights group said.\n", encoding="utf-8"
    )
    assert service.ingest([str(article)], settings).stored == 1
    seen = [e["id"] for e in first["items"]]
    cursor = first["next"]
    while cursor:
        page = client.get("/api/events", params={"limit": 10, "cursor": cursor}).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next"]
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(before) <= set(seen)  # nothing skipped
    assert len(seen) > len(before)  # and the new mention is in its place


def test_search_in_the_evidence(client: TestClient) -> None:
    found = _all(client, "/api/events", q="TEAR GAS", limit=50)
    assert found and all(re.search(r"\btear\b.*\bgas", str(e["text"]).lower()) for e in found)
    assert _all(client, "/api/events", q="gas tear", limit=50) == found  # every word, in any order
    assert (
        _all(client, "/api/events", q='"tear" OR gas*', limit=50) == []
    )  # no query language: "or" is a word
    assert client.get("/api/events", params={"q": ""}).status_code == 422
    for no_word in ("%_", '"'):
        answer = client.get("/api/events", params={"q": no_word})
        assert answer.status_code == 422 and "give the words to look for" in answer.text


def test_documents_a_page_at_a_time(client: TestClient) -> None:
    documents = _all(client, "/api/documents", limit=3)
    ids = [str(d["id"]) for d in documents]
    assert len(documents) >= 9 and ids == sorted(ids)
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert sum(int(str(d["mentions"])) for d in documents) == len(events)
    assert all({"title", "url", "outlet", "published", "ingested_at"} <= set(d) for d in documents)


def test_timeline_counts_the_mentions_dated_to_the_day(client: TestClient) -> None:
    every = _all(client, "/api/events", limit=100)
    days = client.get("/api/timeline").json()
    assert sum(d["count"] for d in days) == sum(1 for e in every if len(str(e["date"] or "")) == 10)
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assaults = client.get("/api/timeline", params={"type": "assault", "since": "2019-11"}).json()
    assert assaults and {d["event"] for d in assaults} == {"ASSAULT"}
    assert all(d["date"] >= "2019-11-01" for d in assaults)
    assert client.get("/api/timeline", params={"type": "RIOT"}).status_code == 422


def test_map_points_only_where_a_town_is_known(client: TestClient) -> None:
    points = client.get("/api/map").json()
    consolidated = _all(client, "/api/consolidated", limit=100)
    assert {p["id"] for p in points} == {e["id"] for e in consolidated}
    towns = [p for p in points if p["lat"] is not None]
    assert towns and all(p["resolution"] == "city" and p["lon"] is not None for p in towns)
    coarse = [p for p in points if p["resolution"] == "country"]
    assert coarse and all(p["lat"] is None and p["country_code"] for p in coarse)
    protests = client.get("/api/map", params={"type": "protest", "country": "IRN", "until": "2019-12"}).json()
    assert protests and all(p["event"] == "PROTEST" and p["country_code"] == "IR" for p in protests)
    assert all(p["date"] and p["date"] < "2020" for p in protests)


def test_the_types_a_filter_may_name(client: TestClient) -> None:
    types = client.get("/api/types").json()["types"]
    assert "ASSAULT" in types and types == sorted(types) and len(types) == 16
