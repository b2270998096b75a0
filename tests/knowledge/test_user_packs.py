"""A user's pack directory extends every kind of knowledge, end to end through ``pipeline.process``
(page furniture through ``pipeline.read_documents``).

Each test writes a small pack in a temporary directory, loads it with ``load_knowledge([dir])`` and
reads a sentence with and without it: the shipped knowledge misses what the user's adds. The
group, the town and the odd words are invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler import pipeline
from chronicler.errors import PackError
from chronicler.knowledge import KnowledgeBase, load_knowledge
from chronicler.knowledge.gazetteer import COLUMNS
from chronicler.records import Document, EventMention, Extraction

pytestmark = pytest.mark.slow

PUBLISHED = "2022-10-05"  # a Wednesday: "on Monday" is 2022-10-03
MONDAY = "2022-10-03"


def _doc(text: str, language: str = "en") -> Document:
    return Document(
        id="u",
        source="test",
        text=text,
        content_hash="h",
        published=PUBLISHED,
        outlet="paper.example",
        language=language,
    )


def _mentions(knowledge: KnowledgeBase, text: str, language: str = "en") -> list[EventMention]:
    return list(pipeline.process(_doc(text, language), knowledge).mentions)


def _one(knowledge: KnowledgeBase, text: str, event: str, language: str = "en") -> EventMention:
    found = [m for m in _mentions(knowledge, text, language) if m.event == event]
    assert len(found) == 1, [(m.event, m.text) for m in _mentions(knowledge, text, language)]
    return found[0]


def _pack(directory: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (path under the pack directory -> text) and return the directory."""
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory


def _user(directory: Path, files: dict[str, str]) -> KnowledgeBase:
    return load_knowledge([_pack(directory, files)])


# -- actors ---------------------------------------------------------------------------------------

ACTORS = """\
actors:
  - id: zelvani-workers-front
    name: Zelvani Workers Front
    aliases: [ZWF]
    kind: opposition_group
    sector: OPP
    country: IRN
"""


def test_a_user_actor_is_the_identified_claimant(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "The Zelvani Workers Front said police arrested 12 students in Tabriz on Monday."
    shipped = _one(knowledge, text, "COERCE").claimed_by
    assert shipped is not None
    assert (shipped.entity_text, shipped.identifier_id) == ("Zelvani Workers Front", None)
    claimant = _one(_user(tmp_path, {"actors.yaml": ACTORS}), text, "COERCE").claimed_by
    assert claimant is not None
    assert (claimant.identifier_id, claimant.identifier_text, claimant.code, claimant.sector) == (
        "zelvani-workers-front", "Zelvani Workers Front", "IRN", "OPP"
    )


def test_a_user_actor_is_the_identified_actor(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "ZWF members blocked the road in Tabriz on Monday."
    assert [a.identifier_id for a in _one(knowledge, text, "PROTEST").actor] == [None]
    (actor,) = _one(_user(tmp_path, {"actors.yaml": ACTORS}), text, "PROTEST").actor
    assert (actor.entity_text, actor.identifier_id) == ("ZWF members", "zelvani-workers-front")
    assert actor.sector == "OPP"


def test_a_user_actor_in_a_domain_subdirectory(tmp_path: Path) -> None:
    user = _user(tmp_path, {"labour/actors.yaml": ACTORS})
    text = "The Zelvani Workers Front said police arrested 12 students in Tabriz on Monday."
    claimant = _one(user, text, "COERCE").claimed_by
    assert claimant is not None and claimant.identifier_id == "zelvani-workers-front"


# -- triggers and irregular forms -----------------------------------------------------------------


BARRICADE = "triggers:\n  - {lemma: barricade, pos: [VERB], event: PROTEST, mode: demo}\n"


def test_a_user_trigger_fires(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Workers barricaded the refinery in Tabriz on Monday."
    assert _mentions(knowledge, text) == []
    user = _user(tmp_path, {"plover.yaml": BARRICADE})
    m = _one(user, text, "PROTEST")
    assert (m.mode, m.date, [a.entity_text for a in m.actor]) == ("demo", MONDAY, ["Workers"])
    assert m.trigger is not None and m.trigger.text == "barricaded"
    assert m.event_loc is not None and m.event_loc.resolved_place == "Tabriz"


def test_a_user_trigger_fires_on_an_irregular_past(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Hundreds of families fled Tabriz on Monday."
    assert _mentions(knowledge, text) == []
    user = _user(tmp_path, {"plover.yaml": "triggers:\n  - {lemma: flee, pos: [VERB], event: RETREAT}\n"})
    m = _one(user, text, "RETREAT")
    assert m.trigger is not None and m.trigger.text == "fled"  # "fled" does not begin with "flee"
    assert m.date == MONDAY and [a.entity_text for a in m.actor] == ["families"]


OVERRUN = "  - {lemma: overrun, pos: [VERB], event: COERCE, mode: seize%s}\n"
OVERRAN = "Militiamen overran the campus in Tabriz on Monday."  # no other trigger's stem in it


def test_without_its_irregular_form_the_candidate_filter_skips_the_sentence(tmp_path: Path) -> None:
    user = _user(tmp_path, {"plover.yaml": "triggers:\n" + OVERRUN % ""})
    assert not user.language("en").lexicon.stem_pattern.search(OVERRAN)
    assert _mentions(user, OVERRAN) == []


@pytest.mark.parametrize(
    "files",
    [
        {"plover.yaml": "triggers:\n" + OVERRUN % ", forms: [overran]"},
        {
            "plover.yaml": "triggers:\n" + OVERRUN % "",
            "en/inflections.yaml": "version: 1\nforms:\n  overrun: [overran]\n",
        },
    ],
    ids=["trigger-forms", "inflections-yaml"],
)
def test_a_user_irregular_form_lets_the_trigger_fire(tmp_path: Path, files: dict[str, str]) -> None:
    m = _one(_user(tmp_path, files), OVERRAN, "COERCE")
    assert (m.mode, m.date) == ("seize", MONDAY)
    assert m.trigger is not None and m.trigger.text == "overran"
    assert [a.entity_text for a in m.actor] == ["Militiamen"]


# -- cues -----------------------------------------------------------------------------------------


def test_a_user_speech_verb_gives_the_claimant(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "The union squawked that police arrested 12 students in Tabriz on Monday."
    assert _one(knowledge, text, "COERCE").claimed_by is None
    user = _user(tmp_path, {"cues.yaml": "version: 1\nspeech_verbs: [squawk]\n"})
    claimant = _one(user, text, "COERCE").claimed_by
    assert claimant is not None and claimant.entity_text == "union"


def test_a_user_hedge_changes_the_modality(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Police supposably arrested 12 students in Tabriz on Monday."
    assert _one(knowledge, text, "COERCE").modality == "asserted"
    user = _user(tmp_path, {"cues.yaml": "version: 1\nhedges: [supposably]\n"})
    assert _one(user, text, "COERCE").modality == "hedged"


# -- English word lists ---------------------------------------------------------------------------


def test_a_user_custody_noun_makes_a_killing_targeted(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Guards killed three captives in Tabriz on Monday."
    assert _one(knowledge, text, "ASSAULT").mode is None
    user = _user(tmp_path, {"en/events.yaml": "version: 1\ncustody_nouns: [captives]\n"})
    assert _one(user, text, "ASSAULT").mode == "targeted"


# -- gazetteer ------------------------------------------------------------------------------------

ZORVAND = "city:zorvand\tcity\t\tZorvand\t38.00000\t51.00000\tIR\tGilan\t12000\t\tZorvand|Zorwand"


def test_a_user_town_places_the_event(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Police arrested 12 students in Zorvand on Monday."
    assert _one(knowledge, text, "COERCE").event_loc is None
    user = _user(tmp_path, {"gazetteer/places.tsv": "\t".join(COLUMNS) + "\n" + ZORVAND + "\n"})
    loc = _one(user, text, "COERCE").event_loc
    assert loc is not None
    assert loc.to_json() == {
        "extracted_place": "Zorvand",
        "resolved_place": "Zorvand",
        "geonameid": None,
        "lat": 38.0,
        "lon": 51.0,
        "admin1": "Gilan",
        "country_code": "IR",
        "resolution": "city",
    }


def test_a_user_stoplist_keeps_a_name_out_of_running_text(tmp_path: Path) -> None:
    files = {"gazetteer/places.tsv": "\t".join(COLUMNS) + "\n" + ZORVAND + "\n"}
    text = "Police arrested 12 students in Zorvand on Monday."
    assert _one(_user(tmp_path / "a", files), text, "COERCE").event_loc is not None
    files["gazetteer/stoplist.txt"] = "# a surname more often than the town\nZorvand\n"
    assert _one(_user(tmp_path / "b", files), text, "COERCE").event_loc is None


# -- counts, numbers, calendar --------------------------------------------------------------------


def test_a_user_head_noun_gives_the_count_its_kind(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Guards shot protesters in Tabriz on Monday, leaving 11 corpses."
    assert [(c.kind, c.low) for c in _one(knowledge, text, "ASSAULT").counts] == [("other", 11)]
    user = _user(tmp_path, {"counts.yaml": "version: 1\nen:\n  heads:\n    dead: [corpses]\n"})
    assert [(c.kind, c.low) for c in _one(user, text, "ASSAULT").counts] == [("dead", 11)]


def test_a_user_number_word_is_counted(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Police arrested eleventy students in Tabriz on Monday."
    assert _one(knowledge, text, "COERCE").counts == ()
    user = _user(tmp_path, {"numbers.yaml": "version: 1\nen:\n  words: {eleventy: 110}\n"})
    (count,) = _one(user, text, "COERCE").counts
    assert (count.kind, count.low, count.qualifier, count.text) == ("arrested", 110, "exact", "eleventy")


@pytest.mark.parametrize(
    ("calendar", "when"),
    [
        ("  days: {ereyesterday: -2}\n", "ereyesterday"),  # a relative day
        ("  months: {Octo: 10}\n", "on 3 Octo"),  # a month's abbreviation
    ],
)
def test_a_user_calendar_word_dates_the_event(
    tmp_path: Path, knowledge: KnowledgeBase, calendar: str, when: str
) -> None:
    text = f"Police arrested 12 students in Tabriz {when}."
    assert _one(knowledge, text, "COERCE").date is None
    user = _user(tmp_path, {"calendar.yaml": "version: 1\nen:\n" + calendar})
    m = _one(user, text, "COERCE")
    assert m.date == MONDAY
    assert [(c.kind, c.low) for c in m.counts] == [("arrested", 12)]  # "3 Octo" is a date, not a count


# -- another language -----------------------------------------------------------------------------

GERMAN = "In Täbris wurden am Montag drei Studenten seitens der Revolutionsgarden festgenommen."


def test_a_user_german_preposition_keeps_its_noun_out_of_the_roles(
    tmp_path: Path, knowledge: KnowledgeBase
) -> None:
    shipped = _one(knowledge, GERMAN, "COERCE", "de")
    assert [r.identifier_id for r in shipped.recipient] == ["irgc"]  # read as the one arrested
    user = _user(tmp_path, {"de/surface.yaml": "version: 1\nprepositions: [seitens]\n"})
    m = _one(user, GERMAN, "COERCE", "de")
    assert [r.entity_text for r in m.recipient] == ["Studenten"]
    assert (m.date, [(c.kind, c.low) for c in m.counts]) == (MONDAY, [("arrested", 3)])


def test_a_user_german_trigger_fires(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    text = "Die Revolutionsgarden verschleppten am Montag drei Studenten in Täbris."
    assert _mentions(knowledge, text, "de") == []
    plover = "triggers:\n  - {lemma: verschleppten, pos: [VERB], event: ASSAULT, mode: abduct}\n"
    m = _one(_user(tmp_path, {"de/plover.yaml": plover}), text, "ASSAULT", "de")
    assert (m.mode, m.date) == ("abduct", MONDAY)
    assert [a.identifier_id for a in m.actor] == ["irgc"]
    assert m.event_loc is not None and m.event_loc.resolved_place == "Tabriz"


# -- page furniture -------------------------------------------------------------------------------

FURNITURE = "Follow the Example Courier on Fedimail"
BOILERPLATE = """\
version: 1
lines:
  - id: courier-follow
    pattern: 'Follow the Example Courier on (?:Fedimail|Mastodon)'
    why: The Example Courier's footer invitation.
"""


def _read(tmp_path: Path, knowledge: KnowledgeBase) -> str:
    page = tmp_path / "docs" / "courier.txt"
    page.parent.mkdir(exist_ok=True)
    text = "Workers barricaded the refinery in Tabriz on Monday."
    page.write_text(f"{text}\n\n{FURNITURE}\n", encoding="utf-8")
    (doc,) = pipeline.read_documents([str(page)], boilerplate=knowledge.boilerplate)
    assert isinstance(doc, Document), doc
    return doc.text


def test_a_user_line_rule_drops_a_furniture_line(tmp_path: Path, knowledge: KnowledgeBase) -> None:
    user = _user(tmp_path / "pack", {"boilerplate.yaml": BOILERPLATE})
    assert FURNITURE in _read(tmp_path, knowledge)
    assert _read(tmp_path, user) == "Workers barricaded the refinery in Tabriz on Monday."


def test_a_bad_user_boilerplate_names_the_user_file_and_line(tmp_path: Path) -> None:
    _pack(tmp_path, {"boilerplate.yaml": BOILERPLATE.replace("(?:Fedimail", "((?:Fedimail")})
    with pytest.raises(PackError) as error:
        load_knowledge([tmp_path])
    assert (error.value.path, error.value.line) == (str(tmp_path / "boilerplate.yaml"), 4)
    assert "courier-follow" in error.value.reason and "invalid regex" in error.value.reason


# -- the batch runner -----------------------------------------------------------------------------


def test_run_reads_with_the_user_packs(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"plover.yaml": BARRICADE})
    doc = _doc("Workers barricaded the refinery in Tabriz on Monday.")
    (shipped,) = pipeline.run([doc])
    (extended,) = pipeline.run([doc], [pack])
    assert isinstance(shipped, Extraction) and isinstance(extended, Extraction)
    assert shipped.mentions == ()
    assert [m.event for m in extended.mentions] == ["PROTEST"]


# -- a bad user pack ------------------------------------------------------------------------------

TSV_HEADER = "\t".join(COLUMNS) + "\n"
BAD = [
    ("plover.yaml", "triggers: [\n", "cannot be read as YAML"),
    ("plover.yaml", BARRICADE.replace("mode: demo", "colour: red"), "unknown key"),
    ("plover.yaml", BARRICADE.replace("triggers:", "trigers:"), "unknown key"),
    ("de/plover.yaml", "triggers:\n  - {lemma: verschleppten, event: ASSAULT}\n", "needs pos"),
    ("en/inflections.yaml", "version: 1\nforms:\n  overrun: overran\n", "expected a list"),
    ("en/inflections.yaml", "version: 1\nform:\n  overrun: [overran]\n", "unknown key"),
    ("en/events.yaml", "version: 1\ncustody_noun: [captives]\n", "unknown key(s) ['custody_noun']"),
    ("en/time.yaml", "version: 1\nordinals: [eleventh]\n", "ordinals: expected a mapping"),
    ("cues.yaml", "version: 1\nspeech_verbs: [squawk\n", "cannot be read as YAML"),
    ("cues.yaml", "version: 1\nspeach_verbs: [squawk]\n", "unknown cue list 'speach_verbs'"),
    ("fr/cues.yaml", "version: 1\nhedgez: [prétendument]\n", "unknown cue list 'hedgez'"),
    ("actors.yaml", "actors: [\n", "cannot read the actors pack"),
    ("actors.yaml", ACTORS + "    colour: red\n", "unknown key(s) ['colour']"),
    ("counts.yaml", "version: 1\nen:\n  heads:\n    corpses: [dead]\n", "en.heads.corpses: expected one of"),
    ("counts.yaml", "version: 1\nen:\n  head:\n    dead: [corpses]\n", "unknown key"),
    ("calendar.yaml", "version: 1\nen:\n  days: {ereyesterday: two}\n", "expected an integer"),
    ("calendar.yaml", "version: 1\nen:\n  day: {ereyesterday: -2}\n", "unknown key"),
    ("numbers.yaml", "version: 1\nen: {words: {eleventy: 110}\n", "cannot be read as YAML"),
    ("numbers.yaml", "en:\n  words: {eleventy: 110}\n", "version: expected 1"),
    ("numbers.yaml", "version: 1\nen:\n  word: {eleventy: 110}\n", "unknown key"),
    ("de/surface.yaml", "version: 1\nprepositions: seitens\n", "expected a list"),
    ("de/surface.yaml", "version: 1\npraepositionen: [seitens]\n", "unknown key"),
    ("gazetteer/places.tsv", "key\tname\n", "header must be"),
    ("gazetteer/places.tsv", TSV_HEADER + ZORVAND.replace("\tcity\t", "\ttown\t", 1), "resolution 'town'"),
    ("gazetteer/places.tsv", TSV_HEADER + ZORVAND.replace("|Zorwand", "|1234"), "'1234' has no letters"),
    ("gazetteer/places.tsv", TSV_HEADER + "admin1:zorvand\tadmin1\t\tZorvand\t38.0\t51.0\tIR\tZorvand\t0\t"
     "city:nowhere\tZorvand\n", "capital 'city:nowhere' is not a key"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[f"{n}:{m}" for n, _, m in BAD])
def test_a_bad_user_pack_names_the_user_file(tmp_path: Path, name: str, text: str, message: str) -> None:
    _pack(tmp_path, {name: text})
    with pytest.raises(PackError) as error:
        load_knowledge([tmp_path])
    assert str(tmp_path / name) in str(error.value)
    assert message in str(error.value)
