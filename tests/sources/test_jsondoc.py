from __future__ import annotations

from typing import Any

import pytest

from chronicler.records import RawDocument, ReadFailure
from chronicler.sources.jsondoc import raw_from_json


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"text": "t"}, RawDocument(source="s", text="t")),
        ({"html": "<p>h</p>", "id": None}, RawDocument(source="s", html="<p>h</p>")),
        ({"text": "t", "html": "<p>h</p>"}, RawDocument(source="s", text="t")),
        ({"text": "", "html": "<p>h</p>"}, RawDocument(source="s", html="<p>h</p>")),
        (
            {"text": "t", "extra": {"any": 1}, "published": "2020"},
            RawDocument(source="s", text="t", published="2020"),
        ),
    ],
)
def test_good_objects(value: dict[str, Any], expected: RawDocument) -> None:
    assert raw_from_json(value, "s") == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ([], "expected a JSON object (a document), got an array"),
        (None, "got null"),
        (3.5, "got a number"),
        ({"title": "only a title"}, "neither 'text' nor 'html'"),
        ({"text": None, "html": None}, "neither 'text' nor 'html'"),
        ({"text": "t", "url": 1}, "fields must be strings or null: 'url' is a number"),
        ({"text": {"p": "x"}}, "'text' is an object"),
    ],
)
def test_bad_objects(value: Any, reason: str) -> None:
    result = raw_from_json(value, "f.jsonl:3")
    assert isinstance(result, ReadFailure)
    assert result.source == "f.jsonl:3"
    assert reason in result.reason


def test_a_nul_in_json_is_removed_at_reading() -> None:
    value = {"text": "Forty\u0000 dead", "title": "\u0000T", "outlet": "o\x00", "id": "a\x00b"}
    expected = RawDocument(source="s", text="Forty dead", title="T", outlet="o", id="ab")
    assert raw_from_json(value, "s") == expected
