"""Italian read by the surface reader: word forms, no parser.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.extract.facts.counts import find_counts
from chronicler.extract.facts.numbers import words_value
from chronicler.extract.facts.times import find_dates
from chronicler.extract.surface.reader import extract_foreign
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention


def _events(knowledge: KnowledgeBase, text: str, published: str = "2024-03-06") -> list[EventMention]:
    doc = Document(
        id="t",
        source="test",
        text=text,
        content_hash="h",
        published=published,
        outlet="giornale.example",
        language="it",
    )
    return list(extract_foreign(doc, "it", knowledge))


def _one(knowledge: KnowledgeBase, text: str, event: str) -> EventMention:
    found = [m for m in _events(knowledge, text) if m.event == event]
    assert len(found) == 1, [(m.event, m.trigger) for m in _events(knowledge, text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Migliaia di infermieri hanno protestato lunedì davanti al ministero.", ["PROTEST"]),
        ("Sabato centinaia di studenti sono scesi in piazza a Bologna.", ["PROTEST"]),
        ("Le proteste sono scoppiate dopo l'aumento del prezzo del pane.", ["PROTEST"]),
        ("La polizia ha arrestato tre sindacalisti a Tabriz.", ["COERCE"]),
        ("Due operai sono stati uccisi dalle guardie nella miniera.", ["ASSAULT"]),
        ("Il prigioniero è stato giustiziato all'alba nel carcere di Karaj.", ["ASSAULT"]),
        ("Gli agenti hanno disperso il corteo con i lacrimogeni.", ["ASSAULT"]),
        ("Il prefetto ha imposto il coprifuoco in tutta la provincia.", ["COERCE"]),
        ("Un tribunale ha condannato la giornalista a sei anni di carcere.", ["SANCTION"]),
        ("Il sindaco ha condannato le violenze contro i migranti.", ["ACCUSE"]),
        ("I sindacati hanno chiesto il rilascio dei lavoratori.", ["REQUEST"]),
        # frames, descriptions and culture news are no events
        ("Durante le proteste dell'autunno le studentesse hanno avuto un ruolo centrale.", []),
        ("Il giornalista arrestato è originario della provincia del Kurdistan.", []),
        ("Il festival ha chiuso i battenti e la giuria ha conferito tre premi.", []),
        ("Le modelle sfilano domani sulla passerella di Milano.", []),
        ("Mercoledì è caduta a Teheran la prima neve dell'inverno.", []),
        # headlines in the present tense
        ("La polizia uccide un ragazzo durante il corteo.", ["ASSAULT"]),
        ("Il regime impicca un altro giovane manifestante.", ["ASSAULT"]),
        ("Decine di attivisti sono finiti in manette a Teheran.", ["COERCE"]),
        ("L'Onu chiede il rilascio dei detenuti.", ["REQUEST"]),
        ("Amnesty denuncia torture nelle carceri del paese.", ["ACCUSE"]),
        ("La denuncia è stata archiviata dal giudice.", []),
        ("Il romanzo incontra il favore del pubblico.", []),
    ],
)
def test_italian_events(text: str, events: list[str], knowledge: KnowledgeBase) -> None:
    assert [m.event for m in _events(knowledge, text)] == events


def test_a_protest_with_place_and_date(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "Centinaia di pensionati hanno protestato ieri a Teheran contro i tagli.", "PROTEST")
    assert m.date == "2024-03-05"
    assert [p.extracted_place for p in m.places] == ["Teheran"]
    assert m.modality == "asserted"


def test_counts_and_modality(knowledge: KnowledgeBase) -> None:
    arrest = _one(knowledge, "La polizia ha arrestato almeno 12 manifestanti a Shiraz.", "COERCE")
    assert [(c.kind, c.low, c.qualifier) for c in arrest.counts] == [("arrested", 12, "at_least")]
    killed = _one(knowledge, "Le guardie uccidono due manifestanti a Zahedan.", "ASSAULT")
    assert [(c.kind, c.low) for c in killed.counts] == [("dead", 2)]
    negated = _one(knowledge, "La polizia non ha arrestato nessun manifestante.", "COERCE")
    assert negated.modality == "negated"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("il 3 marzo 2023", "2023-03-03"),
        ("lunedì scorso", "2024-03-04"),
        ("due giorni fa", "2024-03-04"),
        ("ieri", "2024-03-05"),
    ],
)
def test_italian_dates(text: str, date: str, knowledge: KnowledgeBase) -> None:
    (found,) = find_dates(text, "2024-03-06", None, knowledge.language("it").dates)
    assert found.date == date


def test_italian_numbers(knowledge: KnowledgeBase) -> None:
    italian = knowledge.language("it")
    assert italian.numbers.language == "it" and italian.counts.language == "it"
    found = [
        (m.group(), words_value(m.group(), italian.numbers))
        for m in italian.numbers.spelled.finditer("trecento morti e duemila arresti")
    ]
    assert found == [("trecento", 300), ("duemila", 2000)]
    assert [
        words_value(w, italian.numbers) for w in ("trecentocinquanta", "duemilacinquecento", "quarantamila")
    ] == [350, 2500, 40000]
    # "e" joins no number in Italian: "venti e tre feriti" are two figures.
    assert [m.count.low for m in find_counts("Venti arrestati, venti e tre feriti.", italian)] == [20, 20, 3]
    counts = find_counts("Circa trecento persone sono state arrestate.", italian)
    assert [(m.count.low, m.count.qualifier) for m in counts] == [(300, "about")]
