"""Coreference rules, each with the case it merges and the case it must keep apart.

The mentions are hand-written records (see conftest.py); each case names the news situation it
stands for. ``expected`` lists the groups of mention ids that consolidation must give.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

import pytest

from chronicler.consolidate.events import consolidate
from chronicler.records import ConsolidatedEvent, Count, DocumentFacts, EventMention, Location

Maker = Callable[..., EventMention]
Cnt = Callable[..., Count]
Doc = Callable[..., DocumentFacts]
Groups = set[frozenset[str]]
AHVAZ = Location("Ahvaz", "Ahvaz", 144448, 31.32, 48.67, "Khuzestan", "IR", "city")
FORCES = ("security forces",)
ISFAHAN = Location("Isfahan", "Isfahan", 418863, 32.65, 51.67, "Isfahan", "IR", "city")


def groups(events: tuple[ConsolidatedEvent, ...]) -> set[frozenset[str]]:
    return {frozenset(e.mentions) for e in events}


def expect(*groups_: str) -> Groups:
    return {frozenset(g.split()) for g in groups_}


def run(mentions: list[EventMention], doc: Doc, **published: str | None) -> set[frozenset[str]]:
    docs = {d: doc(d, p) for d, p in published.items()}
    events = consolidate(mentions, docs)
    shuffled = list(mentions)
    random.Random(3).shuffle(shuffled)
    assert consolidate(shuffled, docs) == events  # never depends on the input order
    return groups(events)


# --- a toll of dead or injured and a destruction of property ---------------------------------


@pytest.mark.parametrize(
    ("case", "b_mode", "b_counts", "expected"),
    [
        ("two reports of banks set on fire", "destroy", (), expect("a1", "b1 c1")),
        ("arson beside a national toll in one article", "destroy", ("dead",), expect("a1 b1", "c1")),
    ],
)
def test_a_toll_and_arson_are_different_acts(
    m: Maker, cnt: Cnt, doc: Doc, case: str, b_mode: str, b_counts: tuple[str, ...], expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03", place="Iran", counts=(cnt("dead", 40),)),
        m("b1", "a", "ASSAULT", mode=b_mode, date="2021-03", place="Iran", start=100,
          counts=tuple(cnt(k, 40) for k in b_counts)),
        m("c1", "c", "ASSAULT", mode="destroy", date="2021-03", place="Iran"),
    ]  # fmt: skip
    # b1 is in a1's article: arson there stays apart from the toll and joins the other arson
    assert run(mentions, doc, a="2021-03-20", c="2021-03-22") == expected, case


# --- dated mentions of a document before its undated ones -------------------------------------


@pytest.mark.parametrize(
    ("case", "b_date", "expected"),
    [
        # "the uprising" first, "the uprising of March" later in the text: both join the event
        # that other reports of March tell
        ("a dated reference follows the undated lead", "2021-03", expect("a1 b1 b2")),
        # a reference to another year leaves the undated lead with its document, not with March
        ("a reference to another year", "2019-03", expect("a1", "b1 b2")),
    ],
)
def test_an_undated_mention_follows_its_dated_neighbour(
    m: Maker, doc: Doc, case: str, b_date: str, expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "PROTEST", mode="demo", date="2021-03", place="Iran"),
        m("b1", "b", "PROTEST", mode="demo", place="Iran", start=0),
        m("b2", "b", "PROTEST", mode="demo", date=b_date, place="Iran", historical=True, start=500),
    ]
    assert run(mentions, doc, a="2021-03-20", b=None) == expected, case


# --- an undated mention lies before its publication -------------------------------------------


@pytest.mark.parametrize(
    ("case", "published", "historical", "expected"),
    [
        ("undated news a month later", "2021-04-10", False, expect("a1 b1")),
        ("undated news three years later", "2024-04-10", False, expect("a1", "b1")),
        ("undated background three years later", "2024-04-10", True, expect("a1 b1")),
        ("undated news published before the event", "2021-01-10", False, expect("a1", "b1")),
    ],
)
def test_an_undated_mention_is_bounded_by_its_publication(
    m: Maker, doc: Doc, case: str, published: str, historical: bool, expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", mode="firearms", date="2021-03-02", place="Tehran", actor=FORCES),
        m("b1", "b", "ASSAULT", mode="firearms", place="Tehran", actor=FORCES, historical=historical),
    ]
    assert run(mentions, doc, a="2021-03-03", b=published) == expected, case


# --- a hypothetical toll for a time already past -----------------------------------------------


@pytest.mark.parametrize(
    ("case", "b_date", "with_figure", "expected"),
    [
        ("'up to 96 may have died' last week", "2021-03", True, expect("a1 b1")),
        ("'could kill dozens' with no figure", "2021-03", False, expect("a1", "b1")),
        ("a figure for a time still to come", "2021-05", True, expect("a1", "b1")),
    ],
)
def test_a_hedged_past_toll_is_the_event_that_happened(
    m: Maker, cnt: Cnt, doc: Doc, case: str, b_date: str, with_figure: bool, expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03-05", place="Shiraz", counts=(cnt("dead", 66),)),
        m("b1", "b", "ASSAULT", date=b_date, place="Shiraz", modality="hypothetical",
          counts=(cnt("dead", None, 96),) if with_figure else ()),
    ]  # fmt: skip
    assert run(mentions, doc, a="2021-03-08", b="2021-04-02") == expected, case


# --- victims as the subject of a sentence with no one acted on ---------------------------------


@pytest.mark.parametrize(
    ("case", "b_recipient", "b_dead", "expected"),
    [
        ("'dozens of protesters died' beside 'police shot protesters'", (), True, expect("a1 b1")),
        ("'protesters threw stones' beside 'police shot protesters'", (), False, expect("a1", "b1")),
        ("'protesters killed a policeman' beside 'police shot protesters'", ("police",), True,
         expect("a1", "b1")),
    ],
)  # fmt: skip
def test_victims_named_as_the_subject_do_not_clash(
    m: Maker, cnt: Cnt, doc: Doc, case: str, b_recipient: tuple[str, ...], b_dead: bool, expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03-02", place="Tehran", actor=("security forces",),
          recipient=("protesters",)),
        m("b1", "b", "ASSAULT", date="2021-03-02", place="Tehran", actor=("protesters",),
          recipient=b_recipient, counts=(cnt("dead", None, None, "vague", "dozens"),) if b_dead else ()),
    ]  # fmt: skip
    assert run(mentions, doc, a="2021-03-03", b="2021-03-03") == expected, case


# --- two types stated in one sentence as one statement -----------------------------------------


@pytest.mark.parametrize(
    ("case", "first", "second", "expected"),
    [
        # "the judiciary praised the verdict and called for calm"
        ("one speaker, two verbal acts", ("SUPPORT", "asserted", ("judiciary",)),
         ("REQUEST", "asserted", ("judiciary",)), expect("a1 a2")),
        # "the judiciary praised the verdict, and the ministry called for calm"
        ("two speakers", ("SUPPORT", "asserted", ("judiciary",)),
         ("REQUEST", "asserted", ("interior ministry",)), expect("a1", "a2")),
        # "the union warned that teachers will strike in May"
        ("a threatened strike", ("THREATEN", "asserted", ()), ("PROTEST", "future", ()), expect("a1 a2")),
        # "the union plans a rally and has called on parents to join"
        ("an announced rally", ("REQUEST", "future", ()), ("PROTEST", "future", ()), expect("a1 a2")),
        # "the ministry denied that police had shot anyone": a denial is not the shooting
        ("a denial of the act", ("REJECT", "asserted", ("interior ministry",)),
         ("ASSAULT", "negated", ()), expect("a1", "a2")),
        # "police arrested ten and shot two": two acts, not a statement
        ("two acts in one sentence", ("COERCE", "asserted", ()), ("ASSAULT", "asserted", ()),
         expect("a1", "a2")),
    ],
)  # fmt: skip
def test_two_types_in_one_sentence(
    m: Maker,
    doc: Doc,
    case: str,
    first: tuple[str, str, tuple[str, ...]],
    second: tuple[str, str, tuple[str, ...]],
    expected: Groups,
) -> None:
    mentions = [
        m("a1", "a", first[0], date="2021-05", modality=first[1], actor=first[2], start=40),
        m("a2", "a", second[0], date="2021-05", modality=second[1], actor=second[2], start=40),
    ]
    assert run(mentions, doc, a="2021-04-20") == expected, case


def test_one_statement_needs_one_sentence(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "THREATEN", date="2021-05", start=40),
        m("a2", "a", "PROTEST", date="2021-05", modality="future", start=400),
    ]
    assert run(mentions, doc, a="2021-04-20") == expect("a1", "a2")


def test_later_reports_of_either_type_join_the_statement(m: Maker, doc: Doc) -> None:
    mentions = [
        m("a1", "a", "THREATEN", date="2021-05", actor=("judiciary",), start=40),
        m("a2", "a", "PROTEST", date="2021-05", place="Tehran", modality="future", start=40),
        m("b1", "b", "PROTEST", date="2021-05", place="Tehran", modality="future"),
    ]
    assert run(mentions, doc, a="2021-04-20", b="2021-04-22") == expect("a1 a2 b1")


# --- several cities: a wave, and a local event ---------------------------------------------------


@pytest.mark.parametrize(
    ("case", "b_places", "expected"),
    [
        ("two accounts of a wave naming different cities", ("Shiraz", "Mashhad"), expect("a1 b1")),
        ("a single town beside a wave elsewhere", ("Mashhad",), expect("a1", "b1")),
        ("a single town named in the wave", ("Tehran",), expect("a1 b1")),
    ],
)
def test_several_cities(m: Maker, doc: Doc, case: str, b_places: tuple[str, ...], expected: Groups) -> None:
    mentions = [
        replace(m("a1", "a", mode="demo", date="2021-03-02", place="Tehran"), places=(AHVAZ, ISFAHAN)),
        m("b1", "b", mode="demo", date="2021-03-02", place=b_places[0], places=b_places[1:]),
    ]
    assert run(mentions, doc, a="2021-03-03", b="2021-03-03") == expected, case


# --- figures shared by chance -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "figure", "expected"),
    [
        ("'at least 304 killed' in both", 304, expect("a1 b1")),
        ("'seven hanged' in both", 7, expect("a1", "b1")),
    ],
)
def test_a_small_shared_figure_is_no_evidence(
    m: Maker, cnt: Cnt, doc: Doc, case: str, figure: int, expected: Groups
) -> None:
    mentions = [
        m("a1", "a", "ASSAULT", date="2021-03", counts=(cnt("dead", figure),)),
        m("b1", "b", "ASSAULT", date="2021", historical=True, counts=(cnt("dead", figure),)),
    ]
    assert run(mentions, doc, a="2021-04-01", b="2022-06-01") == expected, case


# --- the incremental path gives the grouping of one run -----------------------------------------


def _week(m: Maker, cnt: Cnt) -> list[EventMention]:
    fig: Callable[[int], tuple[Count, ...]] = lambda n: (cnt("dead", n),)  # noqa: E731
    return [
        m("a1", "a", "ASSAULT", date="2021-03", place="Iran", counts=fig(40)),
        m("a2", "a", "ASSAULT", mode="destroy", date="2021-03", place="Iran", start=100),
        m("a3", "a", "THREATEN", date="2021-04", actor=("judiciary",), start=200),
        m("a4", "a", "PROTEST", date="2021-04", modality="future", start=200),
        m("b1", "b", "ASSAULT", mode="destroy", date="2021-03", place="Iran", start=0),
        m("b2", "b", "ASSAULT", place="Iran", actor=("protesters",), counts=fig(40), start=100),
        m("c1", "c", "PROTEST", date="2021-04", modality="future", start=50),
        m("c2", "c", "ASSAULT", date="2021-03", place="Iran", modality="hypothetical", counts=fig(90)),
    ]


def test_incremental_ingestion_keeps_the_new_rules(m: Maker, cnt: Cnt, doc: Doc) -> None:
    mentions = _week(m, cnt)
    docs = {"a": doc("a", "2021-03-25"), "b": doc("b", "2021-03-27"), "c": doc("c", "2021-04-02")}
    whole = consolidate(mentions, docs)
    first = consolidate([x for x in mentions if x.doc_id == "a"], docs)
    second = consolidate(mentions, docs, previous=first)
    assert groups(second) == groups(whole)
    assert {e.id for e in second} == {e.id for e in whole}
    assert groups(whole) == expect("a1 b2 c2", "a2 b1", "a3 a4 c1")
