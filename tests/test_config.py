"""The settings object: environment variables, overrides, and the README that lists them."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from chronicler.config import ENV_PREFIX, Settings, load_settings
from chronicler.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_in_the_readme(name: str) -> None:
    assert f"`{ENV_PREFIX}{name.upper()}`" in README.read_text(encoding="utf-8")


def test_environment_overrides_the_defaults() -> None:
    settings = load_settings({"CHRONICLER_DB": "x.db", "CHRONICLER_MAX_BYTES": "5", "HOME": "/root"})
    assert (settings.db, settings.max_bytes, settings.packs) == ("x.db", 5, "")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CHRONICLER_BATCH_SIZE": "32"}, "unknown environment variable CHRONICLER_BATCH_SIZE"),
        ({"CHRONICLER_MAX_BYTES": "ten"}, "not a whole number"),
        ({"CHRONICLER_DETECTOR": "maybe"}, "give auto, on or off"),
        ({"CHRONICLER_DOC_TIMEOUT": "-1"}, "give seconds, or 0 for no limit"),
        ({"CHRONICLER_DOC_MEMORY_MB": "-5"}, "give megabytes, or 0 for no limit"),
        ({"CHRONICLER_DOC_MEMORY_MB": "2GB"}, "not a whole number"),
    ],
)
def test_a_bad_variable_is_an_error(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ)


def test_the_memory_budget_defaults_to_2_gb_and_can_be_set() -> None:
    assert load_settings({}).doc_memory_mb == 2048
    assert load_settings({"CHRONICLER_DOC_MEMORY_MB": "0"}).doc_memory_mb == 0


def test_the_detector_can_be_left_out() -> None:
    assert load_settings({}).detector == "auto"
    assert load_settings({"CHRONICLER_DETECTOR": "on"}).detector == "on"
    assert load_settings({"CHRONICLER_DETECTOR": "off"}).detector == "off"


def test_override_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings().override(batch_size=8)


def _config(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "chronicler.toml"
    path.write_text(text, encoding="utf-8")
    return {"CHRONICLER_CONFIG": str(path)}


def test_a_config_file_sets_what_the_environment_does_not(tmp_path: Path) -> None:
    env = _config(tmp_path, 'db = "team.sqlite"\nmax_bytes = 2000\npacks = ["/a", "/b"]\ndetector = "off"\n')
    found = load_settings(env)
    assert (found.db, found.max_bytes, found.detector) == ("team.sqlite", 2000, "off")
    assert found.pack_dirs == (Path("/a"), Path("/b"))
    # the environment overrides the file, and a flag the environment (Settings.override)
    found = load_settings(env | {"CHRONICLER_DB": "mine.sqlite"})
    assert found.db == "mine.sqlite" and found.max_bytes == 2000
    assert found.override(db="flag.sqlite").db == "flag.sqlite"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("batch_size = 32\n", r"chronicler\.toml: unknown setting 'batch_size'; known: db, detector"),
        ('max_bytes = "ten"\n', r"max_bytes = 'ten': give a whole number"),
        ("doc_timeout = true\n", r"doc_timeout = True: give a whole number"),
        ("db = 5\n", r"db = 5: give a string"),
        ("doc_timeout = -1\n", r"CHRONICLER_DOC_TIMEOUT=-1: give seconds"),
        ('detector = "maybe"\n', r"give auto, on or off"),
        ("db = \n", r"chronicler\.toml: not a readable TOML file: .*line 1"),
    ],
)
def test_a_bad_config_file_is_refused_with_its_name(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(_config(tmp_path, text))


def test_a_named_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"CHRONICLER_CONFIG=.*absent\.toml: no such file"):
        load_settings({"CHRONICLER_CONFIG": str(tmp_path / "absent.toml")})


def test_the_default_config_file_is_read_when_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_settings({}).db == ""  # none there: the defaults
    (tmp_path / "chronicler").mkdir()
    (tmp_path / "chronicler" / "config.toml").write_text('db = "home.sqlite"\n', encoding="utf-8")
    assert load_settings({}).db == "home.sqlite"


def test_messages_name_the_database_without_its_password() -> None:
    from chronicler.config import Settings

    assert Settings(db="postgresql://team:s3cr3t@db.example.org/chronicler").db_shown == (
        "postgresql+psycopg://team:***@db.example.org/chronicler"
    )
    assert Settings(db="events.sqlite").db_shown == "events.sqlite"
    assert "s3cr3t" not in Settings(db="postgresql://team:s3cr3t@host:port/db").db_shown
