"""The workspace's pages and files: served from the package with the API's security headers, the
same fixed HTML whatever the address says, and nothing outside the static folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronicler.config import Settings
from chronicler.web.app import create_app
from chronicler.web.pages import PAGES, STATIC


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    # The pages need no database: each is a file that reads the API from the browser.
    return TestClient(create_app(Settings(db=str(tmp_path_factory.mktemp("pages") / "none.sqlite"))))


PAGE_PATHS = ["/", "/sources", "/documents", "/audit", "/consolidated/ce_1", "/mentions/ev_1"]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_is_html_under_the_policy(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert "<script>" not in answer.text  # no inline script: every script is a file of /static


def test_the_address_is_never_echoed_into_the_page(client: TestClient) -> None:
    answer = client.get("/consolidated/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert answer.status_code == 200
    assert answer.text == (STATIC / PAGES["/consolidated/{event_id}"]).read_text(encoding="utf-8")
    other = client.get("/mentions/%3Cscript%3Ealert(1)%3C%2Fscript%3E")  # a "/" in it: no such page
    assert other.status_code == 404 and "alert" not in other.text


def test_every_script_and_style_a_page_names_is_in_the_package(client: TestClient) -> None:
    for name in set(PAGES.values()):
        html = (STATIC / name).read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(ref).status_code == 200, f"{name}: {ref}"
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), f"{name} loads something from elsewhere"


def test_nothing_outside_the_static_folder_is_served(client: TestClient) -> None:
    for path in ["/static/../pages.py", "/static/%2e%2e/pages.py", "/static/..%2fapp.py"]:
        assert client.get(path).status_code == 404


def test_scripts_insert_stored_strings_as_text() -> None:
    # The rule the pages are written to: no HTML built from strings anywhere in our own scripts.
    for script in (STATIC / "js").glob("*.js"):
        source = script.read_text(encoding="utf-8")
        html_sinks = r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write"
        assert not re.search(html_sinks, source), script


def test_the_base_map_is_a_geojson_of_countries() -> None:
    import json

    collection = json.loads((STATIC / "basemap" / "countries.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"]: f["properties"]["iso_a2"] for f in collection["features"]}
    assert names["Iran"] == "IR" and len(names) > 200
    assert Path(STATIC / "basemap" / "WORLD-ATLAS-LICENSE").is_file()


def test_every_province_the_gazetteer_places_events_in_has_an_outline() -> None:
    import csv
    import json

    from chronicler.knowledge.gazetteer import PACK_DIR

    lines = (PACK_DIR / "places.tsv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(
        [line for line in lines if not line.startswith("#")], delimiter="\t", quoting=csv.QUOTE_NONE
    )
    provinces = sorted((r["country_code"], r["admin1"]) for r in rows if r["resolution"] == "admin1")
    collection = json.loads((STATIC / "basemap" / "admin1.geojson").read_text(encoding="utf-8"))
    outlined = sorted((f["properties"]["iso_a2"], f["properties"]["admin1"]) for f in collection["features"])
    assert outlined == provinces  # one outline each, under the name the store holds
    assert all(f["geometry"]["type"] in {"Polygon", "MultiPolygon"} for f in collection["features"])
    assert Path(STATIC / "basemap" / "NATURAL-EARTH-NOTICE").is_file()


def test_the_api_documentation_page_allows_data_images_and_nothing_else_more(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
    policy = docs.headers["content-security-policy"]
    assert policy.endswith("; img-src 'self' data:") and "unsafe" not in policy
    assert "data:" not in client.get("/").headers["content-security-policy"]
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
