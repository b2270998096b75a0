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
