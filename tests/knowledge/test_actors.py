"""The actors pack: tokens, case rules, reduced dates, and the quality of the shipped data."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.extract.facts.actors import find_actors
from chronicler.isodates import iso_bounds
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.actors import case_ok, fold, load_actors, tokenize


@pytest.mark.parametrize(("text", "tokens"), [
    ("Iran's judiciary", ["iran", "'", "s", "judiciary"]),
    ("Iran’s judiciary", ["iran", "'", "s", "judiciary"]),
    ("Mojahedin-e Khalq", ["mojahedin", "-", "e", "khalq"]),
    ("U.N. experts", ["u", ".", "n", ".", "experts"]),
    # ZWNJ and a space separate the same Persian words; Arabic letter forms fold to Persian ones.
    ("مأموران لباس‌شخصی", ["مأموران", "لباس", "شخصی"]),
    ("مأموران لباس شخصی", ["مأموران", "لباس", "شخصی"]),
    ("نيروي انتظامي", ["نیروی", "انتظامی"]),
])
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert [t.norm for t in tokenize(text)] == tokens


def test_fold_keeps_offsets() -> None:
    text = "İstanbul’s ﬁrst Straße"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("pattern", "written", "ok"), [
    ("UN", "UN", True), ("UN", "Un", False), ("UN", "un", False),
    ("Guards", "Guards", True), ("Guards", "GUARDS", True), ("Guards", "guards", False),
    ("protesters", "Protesters", True), ("protesters", "PROTESTERS", True),
    ("MPs", "MPs", True), ("MPs", "MPS", False),
    ("NetBlocks", "Netblocks", False),
    ("معترضان", "معترضان", True),
])
def test_case_ok(pattern: str, written: str, ok: bool) -> None:
    assert case_ok(pattern, written) is ok


@pytest.mark.parametrize(("value", "bounds"), [
    ("2019", (date(2019, 1, 1), date(2019, 12, 31))),
    ("2019-02", (date(2019, 2, 1), date(2019, 2, 28))),
    ("2019-12", (date(2019, 12, 1), date(2019, 12, 31))),
    ("2019-11-16", (date(2019, 11, 16), date(2019, 11, 16))),
    ("2019-11-16T08:00:00Z", (date(2019, 11, 16), date(2019, 11, 16))),
    ("2019-13", None), ("2019-02-30", None), ("November 2019", None),
])
def test_iso_bounds(value: str, bounds: tuple[date, date] | None) -> None:
    assert iso_bounds(value) == bounds


def test_shipped_packs_load(knowledge: KnowledgeBase) -> None:
    index = load_actors()
    assert index == knowledge.actors  # the knowledge base holds the same index
    kinds = {a.kind for a in index.actors.values()}
    assert {"office", "person", "role", "ngo", "igo", "media", "state_body", "country"} <= kinds
    assert len(index.actors) > 150


def test_terms_of_office_do_not_overlap(knowledge: KnowledgeBase) -> None:
    for actor in knowledge.actors.actors.values():
        terms = sorted(actor.offices, key=lambda o: o.start)
        for before, after in itertools.pairwise(terms):
            assert before.end is not None, f"{actor.id}: {before.holder} has no end but is followed"
            end, start = iso_bounds(before.end), iso_bounds(after.start)
            assert end and start and end[1] <= start[0], f"{actor.id}: {before.holder} / {after.holder}"


# ---------------------------------------------------------------- packs of one's own


def _pack(tmp_path: Path, body: str) -> Path:
    (tmp_path / "actors.yaml").write_text("actors:\n" + body, encoding="utf-8")
    return tmp_path


GOOD = """
  - id: example-monitor
    name: Example Prison Monitor
    aliases: [EPM, prison monitor group]
    kind: ngo
    sector: SOC
    country: NGO
"""


def test_user_pack_extends_the_base(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    index = load_actors([_pack(tmp_path, GOOD)])
    got = find_actors("EPM said Amnesty agreed.", None, index)
    assert [m.entity.identifier_id for m in got] == ["example-monitor", "amnesty-international"]
    shipped = find_actors("EPM said Amnesty agreed.", None, knowledge.actors)
    assert shipped[0].entity.identifier_id == "amnesty-international"


def test_user_pack_adds_entries(tmp_path: Path) -> None:
    index = load_actors([_pack(tmp_path, GOOD)])
    assert index.actors["example-monitor"].source == str(tmp_path.resolve() / "actors.yaml")
    assert ("epm",) in index.aliases and "amnesty-international" in index.actors


@pytest.mark.parametrize(("body", "message"), [
    (GOOD.replace("    sector: SOC\n", ""), "missing key 'sector'"),
    (GOOD.replace("sector: SOC", "sector: XYZ"), "unknown sector 'XYZ'"),
    (GOOD.replace("kind: ngo", "kind: club"), "unknown kind 'club'"),
    (GOOD.replace("country: NGO", "country: Iran"), "ISO 3166-1 alpha-3"),
    (GOOD.replace("id: example-monitor", "id: Example Monitor"), "kebab-case"),
    (GOOD.replace("aliases: [EPM, prison monitor group]", "aliases: [EPM, Amnesty]"),
     "duplicate alias 'Amnesty', already an alias of 'amnesty-international'"),
    (GOOD.replace("id: example-monitor", "id: hrana"), "duplicate id"),
    (GOOD + "    colour: blue\n", "unknown key(s) ['colour']"),
    (GOOD.replace("kind: ngo", "kind: office") + "    offices:\n      - {title: Chair, holder: ali-khamenei, "
     "start: 2019-13-01}\n", "office date '2019-13-01' is not ISO 8601"),
    (GOOD.replace("kind: ngo", "kind: office") + "    offices:\n      - {title: Chair, holder: nobody, "
     "start: 2019}\n", "office holder 'nobody' is not the id of a person entry"),
    (GOOD.replace("kind: ngo\n", "kind: role\n").replace("    country: NGO\n", "    country: IRN\n"),
     "a generic role noun has no country"),
])
def test_bad_pack_names_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(PackError) as info:
        load_actors([_pack(tmp_path, body)])
    assert str(tmp_path / "actors.yaml") in str(info.value)
    assert "entry #1" in str(info.value) or "entry 'example-monitor'" in str(info.value) \
        or "entry 'hrana'" in str(info.value)
    assert message in str(info.value)


@pytest.mark.parametrize("text", ["actors: {}\n", "- just a list\n", "actors: [\n"])
def test_malformed_pack_file(tmp_path: Path, text: str) -> None:
    (tmp_path / "actors.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=r"actors\.yaml"):
        load_actors([tmp_path])


def test_missing_pack_directory(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a directory"):
        load_actors([tmp_path / "nowhere"])


def test_a_wikidata_item_must_look_like_one(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(
        "actors:\n  - id: some-body\n    name: Some Body\n    kind: ngo\n    sector: SOC\n    country: NGO\n"
        "    wikidata: wd:794\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"actors\.yaml:7: .*wikidata must be a Wikidata item id such as Q7"):
        load_actors([tmp_path])
