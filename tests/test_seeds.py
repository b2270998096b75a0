"""The seed articles the project began from: the events the foundation issue asks for.

The seeds live in the shared development set beside the repository (``../shared/devset``),
never in the project; without it these checks cannot run and say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process, read_documents
from chronicler.records import Document

pytestmark = pytest.mark.slow
DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset" / "docs"
needs_devset = pytest.mark.skipif(not DEVSET.is_dir(), reason=f"the shared devset is not at {DEVSET}")


def _events(name: str, knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    read = read_documents([str(DEVSET / f"{name}.json")], boilerplate=knowledge.boilerplate)
    docs = [d for d in read if isinstance(d, Document)]
    assert len(docs) == 1
    return [m.to_json() for m in process(docs[0], knowledge).mentions]


def _one(events: list[dict[str, Any]], event: str, words: str) -> dict[str, Any]:
    found = [e for e in events if e["event"] == event and words in e["text"]]
    assert found, f"no {event} in a sentence with {words!r}"
    return found[0]


@needs_devset
def test_seed000(knowledge: KnowledgeBase) -> None:
    events = _events("seed000", knowledge)
    banners = _one(events, "PROTEST", "put banners")
    assert banners["historical"] is False
    assert [a["entity_text"] for a in banners["actor"]] == ["Resistance Units"]
    assert banners["event_loc"]["resolved_place"] == "Iran"
    uprising = _one(events, "PROTEST", "chanting")
    assert uprising["date"] == "2019-11"
    massacre = _one(events, "ASSAULT", "political prisoners were killed")
    assert (massacre["mode"], massacre["date"], massacre["historical"]) == ("targeted", "1988", True)
    assert [(c["kind"], c["low"], c["qualifier"]) for c in massacre["counts"]] == [
        ("dead", 30000, "more_than")
    ]
    assert not any("Tags:" in e["text"] or "Copyright" in e["text"] for e in events)


@needs_devset
def test_seed003(knowledge: KnowledgeBase) -> None:
    events = _events("seed003", knowledge)
    killed = _one(events, "ASSAULT", "1500 people")
    assert (killed["date"], killed["historical"]) == ("2019-11", True)
    assert [(c["kind"], c["low"]) for c in killed["counts"]] == [("dead", 1500)]
    talks = _one(events, "CONSULT", "indirect talks")
    assert talks["event_loc"]["resolved_place"] == "Qatar"
