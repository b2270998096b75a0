"""Builders for the store tests: small hand-made records, each test says only what it varies."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chronicler.records import Document, Entity, EventMention, Extraction, Location, Span
from chronicler.store import Store

TEXT = (
    "Crowds gathered outside the governor's office on Saturday. "
    "Police detained several students near the university, a rights group said."
)


def make_document(doc_id: str = "doc-1", text: str = TEXT, **fields: Any) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    base = Document(
        id=doc_id,
        source=f"tests/{doc_id}.json",
        text=text,
        content_hash=fields.pop("content_hash", digest),
        title="Gathering outside the governor's office",
        url=f"https://news.example.org/{doc_id}",
        published="2019-11-18",
        outlet="news.example.org",
        language="en",
    )
    return replace(base, **fields)


def make_location(
    name: str, admin1: str | None, country: str | None, as_written: str | None = None
) -> Location:
    return Location(
        extracted_place=as_written or name,
        resolved_place=name,
        geonameid=None,
        lat=None,
        lon=None,
        admin1=admin1,
        country_code=country,
        resolution="city" if admin1 else "country",
    )


def make_mention(mention_id: str, doc_id: str = "doc-1", **fields: Any) -> EventMention:
    base = EventMention(
        id=mention_id,
        doc_id=doc_id,
        event="PROTEST",
        mode="demo",
        text="Crowds gathered outside the governor's office on Saturday.",
        start=0,
        end=58,
        trigger=Span("gathered", 7, 15),
        extractor="events.rules.v1",
        confidence=0.7,
        actor=(Entity("Crowds", sector="CVL"),),
        date="2019-11-16",
    )
    return replace(base, **fields)


def make_extraction(doc_id: str = "doc-1", *mentions: EventMention, **doc_fields: Any) -> Extraction:
    return Extraction(make_document(doc_id, **doc_fields), tuple(mentions))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "events.db")) as opened:
        yield opened


class Build:
    """The builders, handed to tests by the ``build`` fixture (conftest cannot be imported)."""

    document = staticmethod(make_document)
    location = staticmethod(make_location)
    mention = staticmethod(make_mention)
    extraction = staticmethod(make_extraction)


@pytest.fixture
def build() -> type[Build]:
    return Build
