"""The service layer's review loop: a reviewer confirms, corrects or rejects a stored mention, or
undoes a judgement; the CLI (``chronicler review``) and the API call these and nothing else.

A bad judgement is a ValueError that says what to write (an unknown field, a type that is not
PLOVER's, a place the gazetteer does not know); an unknown mention or judgement is None.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from chronicler.config import Settings
from chronicler.extract.facts.places import location_of
from chronicler.knowledge.gazetteer import Gazetteer, load_gazetteer, name_key
from chronicler.records import Location
from chronicler.review import ACTIONS, GROUP_ACTIONS, Judgement, current_value, parse_value
from chronicler.service import consolidate
from chronicler.service_filters import event_modes
from chronicler.store import Store

RESOLUTIONS = ("city", "admin1", "country", "region")
MAX_REVIEWER = 100
MAX_NOTE = 2000


def judge(
    settings: Settings,
    mention_id: str,
    action: str,
    reviewer: str,
    *,
    field: str | None = None,
    value: str | None = None,
    note: str | None = None,
    hidden: frozenset[str] = frozenset(),
) -> Judgement | None:
    """Store one judgement of the mention ``mention_id`` and apply it; None for an unknown mention,
    or one read from a document in a ``hidden`` collection.

    "split" takes the mention out of its consolidated event, alone; "join" puts its event and
    that of the mention ``value`` names together. Both are applied by consolidating again, now
    and at every later consolidation, until undone."""
    if action in GROUP_ACTIONS:
        return _regroup(settings, mention_id, action, _reviewer(reviewer), value, note, hidden)
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}: one of {', '.join(ACTIONS + GROUP_ACTIONS)}")
    reviewer = _reviewer(reviewer)
    if note is not None and len(note) > MAX_NOTE:
        raise ValueError(f"a note has at most {MAX_NOTE} characters")
    if (action == "correct") != (field is not None and value is not None):
        raise ValueError("a correction names a field and its new value; confirm and reject name neither")
    with Store.open(settings.db_url, create=False) as store:
        mention = store.reviews.mention(mention_id)
        if mention is None or (hidden and store.get_event(mention_id, hidden) is None):
            return None
        if action != "correct" or field is None or value is None:
            return store.reviews.judge(mention_id, action, reviewer, note=note)
        new = parse_value(
            field,
            value,
            mention=mention,
            modes=event_modes(settings),
            find_place=lambda name: find_place(settings, name),
        )
        old = current_value(mention, field)
        if new == old:
            raise ValueError(f"{field} is already {value!r}: nothing to correct")
        return store.reviews.judge(
            mention_id, action, reviewer, field=field, old_value=old, new_value=new, note=note
        )


def _regroup(
    settings: Settings,
    mention_id: str,
    action: str,
    reviewer: str,
    other: str | None,
    note: str | None,
    hidden: frozenset[str],
) -> Judgement | None:
    if note is not None and len(note) > MAX_NOTE:
        raise ValueError(f"a note has at most {MAX_NOTE} characters")
    if (action == "join") != (other is not None):
        raise ValueError("a join names the mention of the other event (value); a split names none")
    with Store.open(settings.db_url, create=False) as store:
        if store.get_event(mention_id, hidden) is None:
            return None
        if other is not None and (other == mention_id or store.get_event(other, hidden) is None):
            raise ValueError(f"value: {other!r} is no other stored mention to join with")
        field = "with" if other is not None else None
        made = store.reviews.judge(mention_id, action, reviewer, field=field, new_value=other, note=note)
    consolidate(settings)
    return made


def undo(
    settings: Settings, judgement_id: int, reviewer: str, hidden: frozenset[str] = frozenset()
) -> Judgement | None:
    """Undo a judgement (it stays in the history, marked undone); None for an unknown id, or one
    of a mention in a ``hidden`` collection."""
    reviewer = _reviewer(reviewer)
    with Store.open(settings.db_url, create=False) as store:
        found = store.reviews.undo(judgement_id, reviewer, hidden)
    if found is not None and found.action in GROUP_ACTIONS:
        consolidate(settings, anew=True)  # the last groups were made with it: compare all again
    return found


def history(
    settings: Settings,
    *,
    mention_id: str | None = None,
    limit: int = 100,
    before: int | None = None,
    hidden: frozenset[str] = frozenset(),
) -> list[Judgement]:
    """Judgements newest first: the audit trail, of one mention or of the whole database."""
    if not 1 <= limit <= 500:
        raise ValueError(f"limit={limit}: give 1 to 500")
    with Store.open(settings.db_url, create=False) as store:
        return store.reviews.history(mention_id=mention_id, limit=limit, before=before, hidden=hidden)


def find_place(settings: Settings, text: str) -> list[Location]:
    """The gazetteer's places named ``text`` ("Ahvaz", or "Ahvaz, Khuzestan" to choose among
    several), towns first, then the most populous."""
    name, _, within = text.partition(",")
    variants = _gazetteer(settings.pack_dirs).index.get(name_key(name.strip()), ())
    # A place's own name before an alternate one ("Tehran" is Tehran, not Tiran).
    places = {v.place for v in variants if v.primary} or {v.place for v in variants}
    wanted = within.strip().lower()
    if wanted:
        places = {p for p in places if wanted in ((p.admin1 or "").lower(), (p.country_code or "").lower())}
    # A town before the province of the same name: "Tehran" is where events happen.
    ordered = sorted(places, key=lambda p: (RESOLUTIONS.index(p.resolution), -p.population, p.key))
    return [location_of(p, text.strip()) for p in ordered]


@cache
def _gazetteer(pack_dirs: tuple[Path, ...]) -> Gazetteer:
    return load_gazetteer(extra_dirs=pack_dirs)


def _reviewer(name: str) -> str:
    found = " ".join(name.split())
    if not found or len(found) > MAX_REVIEWER:
        raise ValueError(f"a reviewer is named by 1 to {MAX_REVIEWER} characters")
    return found
