"""The scorer: its comparisons case by case, its matching, and parity with the devset's score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chronicler.errors import InputError
from chronicler.evaluate.scoring import (
    contains,
    date_ok,
    entity_name,
    load_jsonl,
    match_events,
    name_match,
    place_ok,
    prf,
    score,
)
from chronicler.knowledge import KnowledgeBase
from chronicler.pipeline import process, read_documents
from chronicler.records import Document


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (None, None, True),
        ("", None, True),
        ("security forces", None, False),
        (None, "security forces", False),
        ("security forces", "Security Forces", True),
        ("Revolutionary Guards", "the Revolutionary Guards Corps", True),  # all of the shorter
        ("Iran Rights Monitor", "Monitor", True),  # 1 of 1 words of the shorter
        ("provincial police chief", "provincial governor", True),  # 1 of the shorter's 2 words
        ("provincial police chief", "governor", False),
        ("police chief", "police spokesman", True),  # 1 of 2 = 0.5
        ("the", "of", False),  # only stop words
        ("Teachers\u2019 union", "teachers' union", True),  # curly quote normalised
        ("rioters", "protesters", False),
    ],
)
def test_name_match(a: str | None, b: str | None, expected: bool) -> None:
    assert name_match(a, b) is expected


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        (None, None, True),
        (None, "2019-11", False),
        ("2019-11", None, False),
        ("2019-11", "2019-11-18", True),  # finer is fine
        ("2019-11-18", "2019-11", False),  # coarser is not
        ("2019-11-18", "2019-11-18", True),
        ("2019-11", "2019-12-01", False),
        ("1988", "1988-07", True),
    ],
)
def test_date_ok(gold: str | None, system: str | None, expected: bool) -> None:
    assert date_ok(gold, system) is expected


def _loc(
    name: str, country: str = "IR", resolution: str = "city", written: str | None = None
) -> dict[str, Any]:
    return {
        "resolved_place": name,
        "extracted_place": written or name,
        "country_code": country,
        "resolution": resolution,
    }


IRAN = {"name": "Iran", "country": "IR"}
TEHRAN = {"name": "Tehran", "country": "IR", "admin1": "Tehran"}


@pytest.mark.parametrize(
    ("gold", "loc", "expected"),
    [
        (None, None, True),
        (None, _loc("Tehran"), False),
        (TEHRAN, None, False),
        (TEHRAN, _loc("Tehran"), True),
        (TEHRAN, _loc("Tehran", country="ir"), True),  # country code compared case-insensitively
        (TEHRAN, _loc("Tehran", country="US"), False),
        (TEHRAN, _loc("Shiraz"), False),
        (TEHRAN, _loc("Tehran Province", resolution="admin1"), True),  # word overlap
        (TEHRAN, _loc("Teheran", written="Tehran"), True),  # the name as written counts too
        (IRAN, _loc("Islamic Republic", resolution="country"), True),  # any country-level place
        (IRAN, _loc("Tehran"), False),
        (IRAN, _loc("Iran", resolution="region"), True),  # or the name itself
        ({"name": "Geneva", "country": "CH"}, _loc("Geneva", country="CH"), True),
    ],
)
def test_place_ok(gold: dict[str, Any] | None, loc: dict[str, Any] | None, expected: bool) -> None:
    assert place_ok(gold, loc) is expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Police arrested 40 workers.", "arrested 40 workers", True),
        ("Police ARRESTED  40\nworkers.", "arrested 40 workers", True),  # case and whitespace
        ("The union\u2019s leaders were held.", "union's leaders", True),  # curly quote
        ("\u201cUtter lies\u201d, he said.", '"utter lies"', True),
        ("Ｐｏｌｉｃｅ arrested", "police arrested", True),  # NFKC folds full-width letters
        ("Police arrested 40 workers.", "arrested 41 workers", False),
        ("", "arrested", False),
    ],
)
def test_contains_after_normalisation(text: str, anchor: str, expected: bool) -> None:
    assert contains(text, anchor) is expected


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (None, None),
        ([], None),
        ({"entity_text": "police", "identifier_text": None}, "police"),
        ({"entity_text": "the Guards", "identifier_text": "Revolutionary Guards"}, "Revolutionary Guards"),
        ([{"entity_text": "police"}, {"entity_text": "Basij"}], "police Basij"),
        ("HRANA", "HRANA"),
    ],
)
def test_entity_name(entity: Any, expected: str | None) -> None:
    assert entity_name(entity) == expected


def _g(event: str, anchor: str) -> dict[str, Any]:
    return {"event": event, "anchor": anchor}


def _s(event: str, text: str) -> dict[str, Any]:
    return {"event": event, "text": text}


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # the type must match
        ([_g("ASSAULT", "shot dead")], [_s("PROTEST", "Two were shot dead.")], [None]),
        # one-to-one: one sentence event serves one gold event of its type
        (
            [_g("ASSAULT", "shot dead"), _g("ASSAULT", "Two were")],
            [_s("ASSAULT", "Two were shot dead.")],
            [0, None],
        ),
        # two system events in one sentence serve two gold events
        (
            [_g("ASSAULT", "shot dead"), _g("ASSAULT", "Two were")],
            [_s("ASSAULT", "Two were shot dead."), _s("ASSAULT", "Two were shot dead.")],
            [0, 1],
        ),
        # greedy: the first gold event takes the first fitting system event, even if a later gold needed it
        (
            [_g("COERCE", "arrested"), _g("COERCE", "arrested in Arak")],
            [_s("COERCE", "Ten were arrested in Arak."), _s("COERCE", "Five were arrested.")],
            [0, None],
        ),
        # the anchor is found after normalisation, in any part of the sentence
        ([_g("REJECT", "\u201cutter lies\u201d")], [_s("REJECT", 'He called it "UTTER  lies".')], [0]),
        ([_g("REJECT", "utter lies")], [_s("REJECT", "He denied it.")], [None]),
    ],
)
def test_matching(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], expected: list[int | None]
) -> None:
    assert match_events(gold, system) == expected


def _write_gold(directory: Path, name: str, events: list[dict[str, Any]], **extra: Any) -> None:
    directory.mkdir(exist_ok=True)
    (directory / f"{name}.json").write_text(json.dumps({"article": name, **extra, "events": events}))


def _count(kind: str, low: int | None, high: int | None = None) -> dict[str, Any]:
    return {"kind": kind, "low": low, "high": high, "qualifier": "exact", "text": str(low)}


def test_counts_claims_are_scored_per_article_whatever_the_type(tmp_path: Path) -> None:
    gold = [
        {"event": "ASSAULT", "anchor": "were killed", "counts": [_count("dead", 12), _count("dead", 5)]},
        {"event": "COERCE", "anchor": "were held", "counts": [_count("arrested", 30)]},
    ]
    _write_gold(tmp_path, "a1", gold)
    system = [
        # wrong type, yet its figure counts: count claims ignore typing
        {"doc_id": "a1", "event": "PROTEST", "text": "12 were killed.", "counts": [_count("dead", 12)]},
        {"doc_id": "a1", "event": "COERCE", "text": "30 were held.", "counts": [_count("arrested", 30)]},
        {"doc_id": "a1", "event": "COERCE", "text": "30 were held.", "counts": [_count("arrested", 30)]},
        {"doc_id": "a1", "event": "ASSAULT", "text": "One more.", "counts": [_count("injured", 3)]},
        # another article's figure is not this one's
        {"doc_id": "a2", "event": "ASSAULT", "text": "5 were killed.", "counts": [_count("dead", 5)]},
    ]
    result = score(tmp_path, system)
    assert {k: result["count_claims"][k] for k in ("tp", "fp", "fn")} == {"tp": 2, "fp": 1, "fn": 1}
    assert result["events_all"]["tp"] == 1 and result["attributes"]["counts"] == 1.0


def test_attributes_are_compared_on_matched_pairs_only(tmp_path: Path) -> None:
    gold: list[dict[str, Any]] = [
        {
            "event": "ASSAULT",
            "anchor": "were killed",
            "date": "2019-11",
            "modality": "hedged",
            "historical": True,
        },
        {"event": "PROTEST", "anchor": "marched", "date": "2019-11-15"},
    ]
    _write_gold(tmp_path, "a1", gold)
    system = [{"doc_id": "a1", "event": "ASSAULT", "text": "Ten were killed.", "date": "2019-11-16"}]
    result = score(tmp_path, system)
    assert result["attribute_n"]["date"] == 1 and result["attributes"]["date"] == 1.0
    assert result["attributes"]["modality_marked"] == 0.0 and result["attributes"]["historical_true"] == 0.0
    assert "counts" not in result["attributes"]  # neither side has figures
    assert result["misses"] == ["a1: PROTEST 'marched'"]
    assert result["events_material"] == prf(1, 0, 1)


def test_article_field_names_the_document_and_only_selects(tmp_path: Path) -> None:
    _write_gold(tmp_path, "page_one", [_g("COERCE", "were held")], published="2021-01-01")
    data = json.loads((tmp_path / "page_one.json").read_text())
    (tmp_path / "page_one.json").write_text(json.dumps({**data, "article": "https://x.example/1"}))
    _write_gold(tmp_path, "other", [_g("PROTEST", "marched")])
    system = [{"doc_id": "https://x.example/1", "event": "COERCE", "text": "Five were held."}]
    assert score(tmp_path, system)["events_all"]["tp"] == 1
    assert score(tmp_path, system, {"page_one"})["articles"] == 1
    assert score(tmp_path, system, {"https://x.example/1"})["events_all"]["fn"] == 0
    assert score(tmp_path, system, set())["articles"] == 2  # an empty selection selects all, as score.py


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (1, 2, 0, (0.333, 1.0, 0.5)),
        (2, 1, 1, (0.667, 0.667, 0.667)),
    ],
)
def test_prf(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    got = prf(tp, fp, fn)
    assert (got["p"], got["r"], got["f1"]) == expected and (got["tp"], got["fp"], got["fn"]) == (tp, fp, fn)


def test_load_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('{"event": "ASSAULT"}\n\n{not json\n')
    with pytest.raises(InputError, match=r"events\.jsonl:3: not JSON"):
        load_jsonl(path)
    path.write_text('{"event": "ASSAULT"}\n\n  {"event": "COERCE"}  \n')
    assert [e["event"] for e in load_jsonl(path)] == ["ASSAULT", "COERCE"]


def test_bad_gold_json_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"events": [\n')
    with pytest.raises(InputError, match=r"broken\.json:2"):
        score(tmp_path, [])


def _reference(devset: Path, system: list[dict[str, Any]], tmp_path: Path, *flags: str) -> Any:
    path = tmp_path / "system.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in system))
    args = [sys.executable, str(devset / "score.py"), str(devset / "docs"), str(devset / "gold"), str(path)]
    run = subprocess.run([*args, "--json", *flags], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


@pytest.mark.parametrize("only", [None, "dev03,dev10,seed000", "dev12"])
def test_parity_with_score_py_on_a_synthetic_system(
    devset: Path, synthetic_system: list[dict[str, Any]], tmp_path: Path, only: str | None
) -> None:
    flags = ["--only", only] if only else []
    expected = _reference(devset, synthetic_system, tmp_path, *flags)
    ours = score(devset / "gold", synthetic_system, set(only.split(",")) if only else None)
    assert json.loads(json.dumps(ours)) == expected
    assert expected["false_positives"]  # the noise is there to be scored
    if only != "dev12":  # the article with no event
        assert expected["events_all"]["tp"] and expected["misses"] and expected["attributes"]["counts"] < 1


@pytest.mark.slow
def test_parity_with_score_py_on_chronicler_output(
    devset: Path, tmp_path: Path, knowledge: KnowledgeBase
) -> None:
    read = read_documents([str(devset / "docs")], boilerplate=knowledge.boilerplate)
    docs = [d for d in read if isinstance(d, Document)]
    system = [m.to_json() for d in docs for m in process(d, knowledge).mentions]
    assert system
    assert json.loads(json.dumps(score(devset / "gold", system))) == _reference(devset, system, tmp_path)
