from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.clean import clean
from chronicler.clean.hashing import content_hash
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.records import Document, RawDocument, ReadFailure

PAGE = (Path(__file__).parent.parent / "fixtures" / "clean" / "page.html").read_text(encoding="utf-8")

STORY = (
    "Bakers closed their shops across the capital on Wednesday in protest at a rise in flour prices.\n\n"
    "Police dispersed a crowd outside the trade ministry, witnesses said."
)
SCRAPED = (
    f"Home | News\n\n{STORY}\n\nShare this:\n\nTags: , , ,\n\n"
    "Copyright © 2020 All Rights Reserved | XML Sitemap"
)


def _document(raw: RawDocument, boilerplate: Boilerplate) -> Document:
    result = clean(raw, boilerplate)
    assert isinstance(result, Document), result
    return result


@pytest.mark.parametrize(
    ("raw", "expected_id"),
    [
        (RawDocument(source="a", text=STORY, id="doc-1", url="https://x.example/1"), "doc-1"),
        (RawDocument(source="a", text=STORY, url="https://x.example/1"), "https://x.example/1"),
        (RawDocument(source="a", text=STORY), "sha256:" + content_hash(STORY)[:16]),
    ],
)
def test_id_falls_back_to_url_then_hash(raw: RawDocument, expected_id: str, boilerplate: Boilerplate) -> None:
    assert _document(raw, boilerplate).id == expected_id


def test_title_url_and_id_hold_no_controls_or_bidi_characters(boilerplate: Boilerplate) -> None:
    raw = RawDocument(
        source="a", text=STORY, id="doc\u202e-1", title="\u202eBakers\x1b[2J  strike\u2066",
        url="https://x.example/\u200e1", outlet="Bread\u202d News",
    )
    doc = _document(raw, boilerplate)
    assert (doc.id, doc.title, doc.url, doc.outlet) == (
        "doc-1", "Bakers[2J strike", "https://x.example/1", "Bread News"
    )
    assert doc.text == STORY


def test_scraped_text_document(boilerplate: Boilerplate) -> None:
    raw = RawDocument(source="s.txt", text=SCRAPED, url="https://www.bread-news.example/x")
    doc = _document(raw, boilerplate)
    assert doc.text == STORY
    assert doc.content_hash == content_hash(STORY)
    assert doc.outlet == "bread-news.example"
    assert (doc.published, doc.published_inferred) == ("2020", True)
    assert doc.language == "en"
    assert doc.source == "s.txt"


def test_stated_fields_win(boilerplate: Boilerplate) -> None:
    raw = RawDocument(
        source="s",
        text=SCRAPED,
        title=" Bakers  strike ",
        published="2021-03-04T09:00:00Z",
        outlet="Bread News",
        language="EN-gb",
        url="https://www.bread-news.example/x",
    )
    doc = _document(raw, boilerplate)
    assert (doc.title, doc.published, doc.published_inferred) == ("Bakers strike", "2021-03-04", False)
    assert (doc.outlet, doc.language) == ("Bread News", "en")


def test_html_document_takes_page_metadata(boilerplate: Boilerplate) -> None:
    doc = _document(RawDocument(source="page.html", html=PAGE), boilerplate)
    assert doc.text.startswith("Several hundred dockworkers walked off the job")
    assert doc.title == "Dockworkers stage walkout at southern port"
    assert doc.url == doc.id == "https://www.harbour-herald.example/news/2021/06/14/dockworkers-walkout"
    assert doc.outlet == "harbour-herald.example"
    assert (doc.published, doc.published_inferred) == ("2021-06-14", False)
    assert doc.language == "en"


def test_html_document_keeps_caller_metadata(boilerplate: Boilerplate) -> None:
    raw = RawDocument(source="p", html=PAGE, id="p1", url="https://mirror.example/p", published="2021-06")
    doc = _document(raw, boilerplate)
    assert (doc.id, doc.url, doc.outlet, doc.published) == (
        "p1",
        "https://mirror.example/p",
        "mirror.example",
        "2021-06",
    )


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (RawDocument(source="f.txt", text="Home\n\nShare this:\n\nTags: , ,"), "no article text left"),
        (
            RawDocument(source="f.html", html="<html><body><nav>Home</nav></body></html>"),
            "no article text left",
        ),
        (RawDocument(source="f.json"), "neither text nor html"),
        (RawDocument(source="f.json", text="  \n"), "neither text nor html"),
    ],
)
def test_documents_without_text_fail(raw: RawDocument, reason: str, boilerplate: Boilerplate) -> None:
    result = clean(raw, boilerplate)
    assert isinstance(result, ReadFailure)
    assert result.source == raw.source
    assert reason in result.reason
