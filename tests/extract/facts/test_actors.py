"""The actors extractor: knowledge-base names, generic role nouns, offices resolved by date."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicler.extract.facts.actors import find_actors, lookup_actor, resolve_office
from chronicler.knowledge import KnowledgeBase

# (sentence, event date, [(entity_text, identifier_id, code, sector), ...] in text order)
CASES = [
    ("Riot police fired tear gas at demonstrators outside the bazaar.", None,
     [("Riot police", None, None, "COP"), ("demonstrators", None, None, "CVL")]),
    ("Amnesty International said dozens of mourners were detained.", None,
     [("Amnesty International", "amnesty-international", "NGO", "SOC"), ("mourners", None, None, "CVL")]),
    ("The IRGC and the Basij were deployed to the oil towns.", None,
     [("IRGC", "irgc", "IRN", "MIL"), ("Basij", "basij", "IRN", "MIL")]),
    # Acronyms match only in capitals: the French article "un" is not the UN.
    ("Selon un témoin, les forces de l'ordre ont tiré.", None,
     [("témoin", None, None, "CVL"), ("forces de l'ordre", None, None, "COP")]),
    ("Officials at the UN condemned the hangings.", None,
     [("Officials", None, None, "GOV"), ("UN", "united-nations", "IGO", "IGO")]),
    # A nationality or a possessive country gives a role noun its country.
    ("Iranian authorities blamed foreign enemies.", None, [("Iranian authorities", None, "IRN", "GOV")]),
    ("Iran's judiciary rejected the appeal.", None, [("Iran's judiciary", "judiciary", "IRN", "JUD")]),
    ("Les autorités iraniennes ont démenti.", None, [("autorités iraniennes", None, "IRN", "GOV")]),
    ("Die iranischen Sicherheitskräfte nahmen Studenten fest.", None,
     [("iranischen Sicherheitskräfte", None, "IRN", "COP"), ("Studenten", None, None, "EDU")]),
    # Another country's office keeps that country and loses the Iranian identifier.
    ("Britain's foreign minister summoned the envoy.", None,
     [("Britain's foreign minister", None, "GBR", "GOV"), ("envoy", None, None, "GOV")]),
    ("The French president called for restraint.", "2020-01-10", [("French president", None, "FRA", "GOV")]),
    # An organisation followed by a member noun is the organisation.
    ("Two Intelligence Ministry officials spoke to reporters.", None,
     [("Intelligence Ministry officials", "intelligence-ministry", "IRN", "SPY"),
      ("reporters", None, None, "JRN")]),
    ("MEK supporters clashed with Basij members.", None,
     [("MEK supporters", "mek", "IRN", "OPP"), ("Basij members", "basij", "IRN", "MIL")]),
    ("Several members were released.", None, [("members", None, None, None)]),
    ("Members of the Revolutionary Guards and relatives of Basij volunteers gathered.", None,
     [("Members of the Revolutionary Guards", "irgc", "IRN", "MIL"), ("relatives", None, None, "CVL"),
      ("Basij", "basij", "IRN", "MIL")]),
    # Offices resolve to their holder on the event's date.
    ("The president visited the flooded province.", "2019-04-02",
     [("president", "hassan-rouhani", "IRN", "GOV")]),
    ("The president visited the flooded province.", "2022-04-02",
     [("president", "ebrahim-raisi", "IRN", "GOV")]),
    ("The president visited the flooded province.", None,
     [("president", "president", "IRN", "GOV")]),
    ("A statement from the Supreme Leader was read out.", "1988-07-20",
     [("Supreme Leader", "ruhollah-khomeini", "IRN", "GOV")]),
    ("The former president criticised the verdict.", "2019-04-02",
     [("former president", None, "IRN", "GOV")]),
    # A title before a known name is one actor; before an unknown name it is left to NER.
    ("President Hassan Rouhani defended the price rise.", "2019-11-17",
     [("President Hassan Rouhani", "hassan-rouhani", "IRN", "GOV")]),
    ("Ayatollah Khamenei called the protesters thugs.", None,
     [("Ayatollah Khamenei", "ali-khamenei", "IRN", "GOV"), ("protesters", None, None, "CVL"),
      ("thugs", None, None, "CVL")]),
    ("President Donald Trump imposed new sanctions.", "2019-06-24", []),
    ("Iranian President Hassan Rouhani spoke.", None,
     [("Iranian President Hassan Rouhani", "hassan-rouhani", "IRN", "GOV")]),
    ("Die Außenminister der EU berieten.", "2023-01-20", [("EU", "european-union", "IGO", "IGO")]),
    ("The president of the teachers' union was arrested.", "2019-06-24", [("teachers", None, None, "LAB")]),
    # A surname after an unknown first name is someone else.
    ("The cleric Ahmad Khatami led the prayers.", None, [("cleric", None, None, "REL")]),
    # Possessives end the name; words after an alias can show it names something else.
    ("HRANA's figures and the Guards' statement differ.", None,
     [("HRANA", "hrana", "NGO", "SOC"), ("Guards", "irgc", "IRN", "MIL")]),
    ("Teachers in Fars province went on strike, Fars reported.", None,
     [("Teachers", None, None, "LAB"), ("Fars", "fars-news-agency", "IRN", "MED")]),
    # Lower-case words in capitalised names do not match: prison guards are not the Guards.
    ("The guards at the prison beat the inmates.", None, [("inmates", None, None, "CVL")]),
    # Longest match first.
    ("The UN Security Council and Iran Human Rights both spoke.", None,
     [("UN Security Council", "un-security-council", "IGO", "IGO"),
      ("Iran Human Rights", "iran-human-rights", "NGO", "SOC")]),
    ("در تهران، نیروهای امنیتی معترضان را بازداشت کردند، به گزارش هرانا.", None,
     [("نیروهای امنیتی", None, None, "COP"), ("معترضان", None, None, "CVL"),
      ("هرانا", "hrana", "NGO", "SOC")]),
    ("Nach Angaben der Menschenrechtsorganisation Hengaw griffen Revolutionsgarden ein.", None,
     [("Menschenrechtsorganisation", None, None, "SOC"), ("Hengaw", "hengaw", "NGO", "SOC"),
      ("Revolutionsgarden", "irgc", "IRN", "MIL")]),
]


@pytest.mark.parametrize(("text", "when", "expected"), CASES)
def test_find_actors(
    text: str, when: str | None, expected: list[tuple[str | None, ...]], knowledge: KnowledgeBase
) -> None:
    got = [(m.entity.entity_text, m.entity.identifier_id, m.entity.code, m.entity.sector)
           for m in find_actors(text, when, knowledge.actors)]
    assert got == expected


def test_match_offsets_are_the_written_text(knowledge: KnowledgeBase) -> None:
    text = "Ten days later, Iran’s Revolutionary Guards said so."
    (match,) = find_actors(text, None, knowledge.actors)
    assert text[match.start : match.end] == match.entity.entity_text == "Iran’s Revolutionary Guards"
    assert match.kind == "state_body"
    assert match.entity.identifier_text == "Islamic Revolutionary Guard Corps (IRGC)"


def test_generic_role_nouns_have_no_identifier(knowledge: KnowledgeBase) -> None:
    (match,) = find_actors("protesters", None, knowledge.actors)
    assert match.kind == "role"
    assert match.entity.to_json() == {"entity_text": "protesters", "identifier_id": None,
                                      "identifier_text": None, "code": None, "sector": "CVL"}


@pytest.mark.parametrize(("actor_id", "when", "holder"), [
    ("president", "2019", "Hassan Rouhani"),
    ("president", "2022", "Ebrahim Raisi"),
    ("president", "2019-11-16", "Hassan Rouhani"),
    ("president", "2021-08-03", "Ebrahim Raisi"),  # the handover day belongs to the incoming holder
    ("president", "2021-08", None),  # a month spanning two terms is not resolved
    ("president", "2024-06", "Mohammad Mokhber"),
    ("president", "1975", None),
    ("supreme-leader", "1989-06-03", "Ruhollah Khomeini"),
    ("supreme-leader", "1989-06-04", "Ali Khamenei"),
    ("head-of-judiciary", "2020-05", "Ebrahim Raisi"),
    ("head-of-judiciary", "2023", "Gholam-Hossein Mohseni-Ejei"),
    ("interior-minister", "2019-11-20", "Abdolreza Rahmani Fazli"),
    ("president", "not a date", None),
    ("no-such-office", "2019", None),
    ("amnesty-international", "2019", None),
])
def test_resolve_office(actor_id: str, when: str, holder: str | None, knowledge: KnowledgeBase) -> None:
    assert resolve_office(actor_id, when, knowledge.actors) == holder


@pytest.mark.parametrize(("name", "identifier", "sector"), [
    ("Amnesty", "amnesty-international", "SOC"),
    ("the rights group Amnesty", "amnesty-international", "SOC"),
    ("the Guards", "irgc", "MIL"),
    ("Mojahedin-e Khalq", "mek", "OPP"),
    ("state TV", "irib", "MED"),
    ("rights groups", None, "SOC"),
    ("Iranian officials", None, "GOV"),
])
def test_lookup_actor(name: str, identifier: str | None, sector: str, knowledge: KnowledgeBase) -> None:
    entity = lookup_actor(name, knowledge.actors)
    assert entity is not None
    assert (entity.entity_text, entity.identifier_id, entity.sector) == (name, identifier, sector)


@pytest.mark.parametrize("name", ["", "Amnesty and HRANA", "a man in a hat", "amnesty", "Amnesty said"])
def test_lookup_actor_needs_one_whole_name(name: str, knowledge: KnowledgeBase) -> None:
    assert lookup_actor(name, knowledge.actors) is None


# ---------------------------------------------------------------- properties

WORDS = ["the", "Guards", "guards", "Iranian", "authorities", "Iran", "'s", "President", "president", "of",
         "UN", "un", "Amnesty", "former", "Hassan", "Rouhani", "protesters", "HRANA", ",", ".", "Fars",
         "province", "security", "forces", "Ali", "Ahmad", "Khamenei", "Ayatollah", "a", "commander", "IRGC"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([None, "2019-11", "2022-09-20"]))
def test_matches_are_ordered_disjoint_spans_of_the_text(
    knowledge: KnowledgeBase, words: list[str], when: str | None
) -> None:
    text = " ".join(words)
    matches = find_actors(text, when, knowledge.actors)
    for m in matches:
        assert text[m.start : m.end] == m.entity.entity_text
        assert m.entity.entity_text.strip() == m.entity.entity_text != ""
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start
