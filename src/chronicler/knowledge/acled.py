"""The table of ``packs/acled.yaml`` (and the user's): chronicler's events in ACLED's terms, validated.

Every PLOVER type and mode the table names must be one ``packs/plover.yaml`` declares, and every
ACLED value one of ACLED's codebook, so a typo fails at load with the file and line, not as a
column a user's ACLED scripts silently drop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.knowledge.packdata import (
    PACK_DIR,
    int_map,
    known_keys,
    mark_of,
    pack_error,
    read_yaml,
    section,
)

DISORDER_TYPES = frozenset(
    {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
)
# ACLED's event types and, for each, its sub-event types (codebook of 2023 onwards).
SUB_EVENT_TYPES: dict[str, frozenset[str]] = {
    "Battles": frozenset(
        {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
    ),
    "Explosions/Remote violence": frozenset(
        {
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        }
    ),
    "Violence against civilians": frozenset({"Sexual violence", "Attack", "Abduction/forced disappearance"}),
    "Protests": frozenset(
        {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    ),
    "Riots": frozenset({"Violent demonstration", "Mob violence"}),
    "Strategic developments": frozenset(
        {
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        }
    ),
}
ACTOR_CATEGORIES = frozenset(
    {
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    }
)
SOURCE_SCALES = frozenset(
    {"Local", "Subnational", "National", "Regional", "International", "New media", "Other"}
)
RESOLUTIONS = ("city", "admin1", "country", "region")
PRECISIONS = ("day", "month")
DEFAULT = "default"


@dataclass(frozen=True)
class AcledKind:
    disorder_type: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class AcledTable:
    """What ``--format acled`` needs: the ACLED kind of each (type, mode), actor categories by
    sector, source scales by outlet type, and the precision codes."""

    events: dict[str, dict[str, AcledKind]]  # PLOVER type -> mode or "default" -> kind
    inter: dict[str, str]  # PLOVER sector -> ACLED actor category
    demonstrators: dict[str, str]  # ACLED event type of a PROTEST -> its actor's category
    source_scale: dict[str, str]  # outlet type -> ACLED source_scale
    geo_precision: dict[str, int]  # chronicler resolution -> 1..3
    time_precision: dict[str, int]  # day / month -> 1..3

    def kind(self, event: str, mode: str | None) -> AcledKind | None:
        """The ACLED kind of a PLOVER event, or None when ACLED has no counterpart."""
        modes = self.events.get(event)
        if modes is None:
            return None
        return modes.get(mode or DEFAULT) or modes.get(DEFAULT)


def _plover_modes() -> dict[str, frozenset[str]]:
    data = read_yaml(PACK_DIR / "plover.yaml")
    return {name: frozenset(spec.get("modes") or ()) for name, spec in (data.get("types") or {}).items()}


def _kind(path: str, where: str, value: Any, at: Any) -> AcledKind:
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)):
        raise pack_error(
            path, f"{where}: expected [disorder_type, event_type, sub_event_type], got {value!r}", at
        )
    disorder, event_type, sub = value
    if disorder not in DISORDER_TYPES:
        raise pack_error(
            path,
            f"{where}: {disorder!r} is not an ACLED disorder type; "
            f"known: {', '.join(sorted(DISORDER_TYPES))}",
            at,
        )
    if event_type not in SUB_EVENT_TYPES:
        raise pack_error(
            path,
            f"{where}: {event_type!r} is not an ACLED event type; "
            f"known: {', '.join(sorted(SUB_EVENT_TYPES))}",
            at,
        )
    if sub not in SUB_EVENT_TYPES[event_type]:
        raise pack_error(
            path,
            f"{where}: {sub!r} is not a sub-event type of {event_type}; "
            f"known: {', '.join(sorted(SUB_EVENT_TYPES[event_type]))}",
            at,
        )
    return AcledKind(disorder, event_type, sub)


def _events(path: str, data: dict[str, Any]) -> dict[str, dict[str, AcledKind]]:
    plover = _plover_modes()
    table = section(path, data, "events")
    out: dict[str, dict[str, AcledKind]] = {}
    for event, modes in table.items():
        if event not in plover:
            raise pack_error(path, f"events.{event}: not a PLOVER type of plover.yaml", mark_of(table, event))
        if not isinstance(modes, dict):
            raise pack_error(path, f"events.{event}: expected a mapping of modes", mark_of(table, event))
        for mode in modes:
            if mode != DEFAULT and mode not in plover[event]:
                raise pack_error(
                    path,
                    f"events.{event}.{mode}: not a mode of {event}; "
                    f"known: {', '.join(sorted(plover[event]))}",
                    mark_of(modes, mode),
                )
        out[event] = {
            str(mode): _kind(path, f"events.{event}.{mode}", value, mark_of(modes, mode))
            for mode, value in modes.items()
        }
    return out


def _labels(path: str, data: dict[str, Any], key: str, allowed: frozenset[str]) -> dict[str, str]:
    table = section(path, data, key)
    for name, label in table.items():
        if label not in allowed:
            raise pack_error(
                path,
                f"{key}.{name}: {label!r} is not one of ACLED's: {', '.join(sorted(allowed))}",
                mark_of(table, name),
            )
    return {str(k): str(v) for k, v in table.items()}


def _codes(path: str, data: dict[str, Any], key: str) -> dict[str, int]:
    return int_map(path, key, data.get(key), 1, 3, mark_of(data, key))


SECTIONS = ("events", "inter", "demonstrators", "source_scale", "geo_precision", "time_precision")


def _read(path: Path) -> dict[str, Any]:
    """The sections one file states, each validated; a user file may state only some."""
    data = read_yaml(path)
    where = str(path)
    known_keys(where, "top level", data, ("version", *SECTIONS))
    out: dict[str, Any] = {}
    if "events" in data:
        out["events"] = _events(where, data)
    for key, allowed in (("inter", ACTOR_CATEGORIES), ("demonstrators", ACTOR_CATEGORIES),
                         ("source_scale", SOURCE_SCALES)):  # fmt: skip
        if key in data:
            out[key] = _labels(where, data, key, allowed)
    for event_type in out.get("demonstrators", {}):
        if event_type not in SUB_EVENT_TYPES:
            raise pack_error(where, f"demonstrators.{event_type}: not an ACLED event type",
                             mark_of(data["demonstrators"], event_type))  # fmt: skip
    for key in ("geo_precision", "time_precision"):
        if key in data:
            out[key] = _codes(where, data, key)
    return out


def load_acled(extra_dirs: Sequence[Path] = ()) -> AcledTable:
    """The shipped table, then each user directory's ``acled.yaml`` over it: a user's entry (a
    type's mode, a sector, an outlet type, a code) replaces the shipped one, the rest stays."""
    merged = _read(PACK_DIR / "acled.yaml")
    for directory in extra_dirs:
        path = Path(directory) / "acled.yaml"
        if not path.is_file():
            continue
        for key, value in _read(path).items():
            if key == "events":
                for event, modes in value.items():
                    merged["events"][event] = {**merged["events"].get(event, {}), **modes}
            else:
                merged[key] = {**merged[key], **value}
    shipped = str(PACK_DIR / "acled.yaml")
    for event, modes in merged["events"].items():
        if DEFAULT not in modes:
            raise pack_error(shipped, f"events.{event}: no 'default' kind for its other modes", None)
    for key, names in (("geo_precision", RESOLUTIONS), ("time_precision", PRECISIONS)):
        missing = [n for n in names if n not in merged[key]]
        if missing:
            raise pack_error(shipped, f"{key}: no code for {', '.join(missing)}", None)
    return AcledTable(**merged)
