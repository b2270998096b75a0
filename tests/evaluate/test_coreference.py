"""Coreference metrics on the standard worked examples, and scoring consolidation against gold keys."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from chronicler.evaluate.coreference import PRF, b_cubed, ceaf_e, conll_f1, coreference_on_gold, muc
from chronicler.records import ConsolidatedEvent, EventMention, Sources


def clustering(*clusters: str) -> dict[str, str]:
    """ "abc", "de" -> {a: 0, b: 0, c: 0, d: 1, e: 1}"""
    return {item: str(n) for n, cluster in enumerate(clusters) for item in cluster}


# Bagga and Baldwin (1998), figure 2: key {1-5} {6,7} {8-12}; the response joins the last two.
KEY = clustering("12345", "67", "89ABC")
JOINED = clustering("12345", "6789ABC")

CASES = [
    # (name, key, response, metric, precision, recall)
    ("b3 joined", KEY, JOINED, b_cubed, 16 / 21, 1.0),
    ("muc joined", KEY, JOINED, muc, 0.9, 1.0),
    ("ceaf-e joined", KEY, JOINED, ceaf_e, (1 + 10 / 12) / 2, (1 + 10 / 12) / 3),
    # Vilain et al. (1995): key {A,B,C,D}, response {A,B} {C,D}
    ("muc split", clustering("ABCD"), clustering("AB", "CD"), muc, 1.0, 2 / 3),
    ("b3 split", clustering("ABCD"), clustering("AB", "CD"), b_cubed, 1.0, 0.5),
    ("ceaf-e split", clustering("ABCD"), clustering("AB", "CD"), ceaf_e, 2 / 3 / 2, 2 / 3),
    ("b3 identical", KEY, KEY, b_cubed, 1.0, 1.0),
    ("muc identical", KEY, KEY, muc, 1.0, 1.0),
    ("ceaf-e identical", KEY, KEY, ceaf_e, 1.0, 1.0),
    ("b3 all singletons", clustering("ABCD"), clustering("A", "B", "C", "D"), b_cubed, 1.0, 0.25),
    ("muc all singletons", clustering("ABCD"), clustering("A", "B", "C", "D"), muc, 0.0, 0.0),
]


@pytest.mark.parametrize(("name", "key", "response", "metric", "precision", "recall"), CASES)
def test_metrics(
    name: str,
    key: Mapping[str, str],
    response: Mapping[str, str],
    metric: Callable[[Mapping[str, str], Mapping[str, str]], PRF],
    precision: float,
    recall: float,
) -> None:
    score = metric(key, response)
    assert score.precision == pytest.approx(precision), name
    assert score.recall == pytest.approx(recall), name
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert score.f1 == pytest.approx(f1), name


def test_conll_is_the_mean_of_three() -> None:
    expected = (muc(KEY, JOINED).f1 + b_cubed(KEY, JOINED).f1 + ceaf_e(KEY, JOINED).f1) / 3
    assert conll_f1(KEY, JOINED) == pytest.approx(expected)
    assert conll_f1(KEY, KEY) == pytest.approx(1.0)


def test_items_missing_from_the_response_are_singletons() -> None:
    assert b_cubed(clustering("AB"), {"A": "x"}).recall == pytest.approx(0.5)


def _mention(id: str, doc: str, event: str, text: str) -> EventMention:
    return EventMention(id, doc, event, None, text, 0, len(text), None, "test", 0.5)


def _event(id: str, *mentions: str) -> ConsolidatedEvent:
    return ConsolidatedEvent(
        id, "PROTEST", None, None, None, None, (), (), (), False, mentions, (), (), Sources((), 0, ()), False
    )


def test_coreference_on_gold(tmp_path: Path) -> None:
    gold = {
        "one": [
            ("Crowds marched through the bazaar", "PROTEST", "k-march"),
            ("Police fired on them", "ASSAULT", "k-fire"),
        ],
        "two": [
            ("The bazaar march drew thousands", "PROTEST", "k-march"),
            ("Nobody was hurt here", "ASSAULT", "k-none"),
        ],
    }
    for name, events in gold.items():
        payload = {"events": [{"anchor": a, "event": t, "event_key": k} for a, t, k in events]}
        (tmp_path / f"{name}.json").write_text(json.dumps(payload), encoding="utf-8")
    system = [
        _mention("m1", "one", "PROTEST", "Crowds marched through the bazaar on Friday."),
        _mention("m2", "one", "ASSAULT", "Police fired on them, witnesses said."),
        _mention("m3", "two", "PROTEST", "The bazaar march drew thousands of people."),
        _mention("m4", "two", "PROTEST", "An unrelated sentence about a protest."),
    ]
    consolidated = [_event("ce_1", "m1", "m3", "m4"), _event("ce_2", "m2")]
    result = coreference_on_gold(tmp_path, None, system, consolidated)
    assert result["gold_events"] == 4
    assert result["matched"] == 3
    assert result["b_cubed"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert coreference_on_gold(tmp_path, ["two"], system, consolidated)["matched"] == 1
