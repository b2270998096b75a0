"""What the filters of stored event mentions may be: the ontology's types and a real date window.

Shared by the lists (``service.list_events``) and the pages (``service_pages.events_page``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from chronicler.config import Settings
from chronicler.knowledge.triggers import Lexicon, load_lexicon
from chronicler.store.query import check_window


def event_types(settings: Settings) -> list[str]:
    """The event types of ``plover.yaml`` and the user's packs, sorted; read once per process."""
    return sorted(_lexicon(settings.pack_dirs).groups)


def event_modes(settings: Settings) -> Mapping[str, frozenset[str]]:
    """Each event type's modes (``plover.yaml`` and the user's packs); read once per process."""
    return _lexicon(settings.pack_dirs).modes


@cache
def _lexicon(pack_dirs: tuple[Path, ...]) -> Lexicon:
    return load_lexicon(pack_dirs)


def check_filters(settings: Settings, filters: Mapping[str, Any]) -> None:
    """ValueError for filters that could never match: an unknown event type, ``since`` after
    ``until``, a date that is no date (each says what is allowed)."""
    event = filters.get("event")
    if event is not None:
        allowed = event_types(settings)
        if event.upper() not in allowed:
            raise ValueError(f"unknown event type {event!r}; the PLOVER types are {', '.join(allowed)}")
    check_window(filters.get("since"), filters.get("until"))
