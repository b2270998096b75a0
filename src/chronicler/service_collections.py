"""Collections as the service layer gives them: making them, their members, and what a caller
may see. A private collection's documents, and everything read from them (mentions, claims,
judgements, figures in listings), are seen only by its members; a consolidated event that
mixes public and private evidence is shown to others as its public part alone, merged again
from the mentions they may see, so that no date, place, actor or figure of the private ones
shows through.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicler.config import Settings
from chronicler.consolidate.merge import merge
from chronicler.consolidate.outlets import load_outlets
from chronicler.errors import ChroniclerError
from chronicler.records import ConsolidatedEvent
from chronicler.service_facts import document_facts
from chronicler.store import Store
from chronicler.store.collections import SHARED, StoredCollection

__all__ = ["SHARED", "StoredCollection", "add", "check", "collections", "grant", "revoke"]
NAME_CHARACTERS = "letters, digits, '-', '_' and '.'"


def _name(name: str) -> str:
    if not (1 <= len(name) <= 100 and all(c.isalnum() or c in "-_." for c in name)):
        raise ValueError(f"a collection's name has 1 to 100 of {NAME_CHARACTERS}: {name!r}")
    return name


def add(settings: Settings, name: str, *, private: bool) -> None:
    with Store.open(settings.db_url) as store:
        store.collections.add(_name(name), private=private)


def collections(settings: Settings) -> list[StoredCollection]:
    with Store.open(settings.db_url, create=False) as store:
        return store.collections.list()


def grant(settings: Settings, name: str, user: str) -> None:
    with Store.open(settings.db_url, create=False) as store:
        store.collections.grant(name, user)


def revoke(settings: Settings, name: str, user: str) -> bool:
    with Store.open(settings.db_url, create=False) as store:
        return store.collections.revoke(name, user)


def check(settings: Settings, name: str | None) -> str | None:
    """The collection an ingest puts documents in (None: the shared one); a ChroniclerError
    naming the known ones where ``name`` is none of them."""
    if name is None or name == SHARED:
        return None
    with Store.open(settings.db_url) as store:
        if store.collections.exists(name):
            return name
        known = [c.name for c in store.collections.list()]
    listed = ", ".join(known) or "none yet"
    raise ChroniclerError(f"no collection named {name!r} (there are: {listed}); "
                          f"make it first: chronicler collections add {name}")  # fmt: skip


def visible_events(
    store: Store, settings: Settings, events: Sequence[ConsolidatedEvent], hidden: frozenset[str]
) -> list[ConsolidatedEvent]:
    """``events`` as one who may not see the ``hidden`` collections sees them: those read only
    from hidden documents left out, those read partly from them merged again from the rest."""
    secret = store.hidden_mention_ids(hidden)
    touched = [e for e in events if not secret.isdisjoint(e.mentions)]
    if not touched:
        return list(events)
    wanted = {m for e in touched for m in e.mentions if m not in secret}
    mentions = {m.id: m for m in store.mentions(wanted)}
    docs = {m.doc_id for m in mentions.values()}
    facts, _ = document_facts([r for r in store.document_facts(hidden) if r.id in docs],
                              load_outlets(settings.pack_dirs))  # fmt: skip
    out = []
    for event in events:
        if secret.isdisjoint(event.mentions):
            out.append(event)
            continue
        members = [mentions[m] for m in event.mentions if m in mentions]
        if members:
            out.append(merge(event.id, members, facts))
    return out
