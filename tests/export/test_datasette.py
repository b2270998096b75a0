"""Datasette on a chronicler database, through Datasette's own Python API: the map views with their
coordinates, the metadata `chronicler export datasette-metadata` writes, and the cluster-map plugin
finding the coordinates with no code of ours."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from datasette.app import Datasette
from typer.testing import CliRunner

from chronicler.cli import app

pytestmark = pytest.mark.slow
VIEWS = ("events_map", "consolidated_map", "claims_map")


@pytest.fixture(scope="module")
def database(examples_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "chronicler.sqlite"
    shutil.copyfile(examples_db, path)
    return path


@pytest.fixture(scope="module")
def metadata(database: Path) -> dict[str, Any]:
    target = database.with_name("metadata.yml")
    result = CliRunner().invoke(
        app, ["export", "datasette-metadata", "--db", str(database), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = yaml.safe_load(target.read_text(encoding="utf-8"))
    return found


def _get(database: Path, metadata: dict[str, Any], path: str) -> Any:
    async def fetch() -> Any:
        ds = Datasette([str(database)], metadata=metadata)
        return await ds.client.get(path)

    return asyncio.run(fetch())


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_has_map_columns(database: Path, metadata: dict[str, Any], view: str) -> None:
    response = _get(database, metadata, f"/chronicler/{view}.json?_shape=objects&_size=max")
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert rows and {"latitude", "longitude", "place", "country_code", "geo_precision"} <= set(rows[0])
    assert any(r["latitude"] is not None for r in rows)
    assert all((r["latitude"] is None) == (r["geo_precision"] != "city") for r in rows)


def test_the_metadata_names_the_views_and_their_facets(database: Path, metadata: dict[str, Any]) -> None:
    tables = metadata["databases"]["chronicler"]["tables"]
    assert {"events_map", "consolidated_map", "claims_map"} <= set(tables)
    response = _get(database, metadata, "/chronicler/events_map.json?_size=0")
    assert {"event", "country_code", "modality"} <= set(response.json()["facet_results"])
    page = _get(database, metadata, "/chronicler/events_map")
    assert page.status_code == 200 and "Event mentions" in page.text


def test_the_map_plugin_finds_the_coordinates(database: Path, metadata: dict[str, Any]) -> None:
    page = _get(database, metadata, "/chronicler/consolidated_map")
    assert "datasette-cluster-map.js" in page.text
    # and not on a table without coordinates
    assert "datasette-cluster-map.js" not in _get(database, metadata, "/chronicler/failures").text


def test_metadata_needs_a_sqlite_file(tmp_path: Path) -> None:
    runner = CliRunner()
    absent = runner.invoke(app, ["export", "datasette-metadata", "--db", str(tmp_path / "none.sqlite")])
    assert absent.exit_code == 2 and "no database" in absent.output
    assert not (tmp_path / "none.sqlite").exists()
    server = runner.invoke(
        app, ["export", "datasette-metadata", "--db", "postgresql+psycopg://u:secret@h/db"]
    )
    assert server.exit_code == 2 and "Datasette opens SQLite files" in server.output
    assert "secret" not in server.output
