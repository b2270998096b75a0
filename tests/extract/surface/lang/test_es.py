"""Spanish read by the surface reader: word forms, no parser.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from chronicler.extract.facts.times import find_dates
from chronicler.extract.surface.reader import extract_foreign
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention


def _events(knowledge: KnowledgeBase, text: str, published: str = "2024-03-06") -> list[EventMention]:
    doc = Document(id="t", source="test", text=text, content_hash="h", published=published,
                   outlet="diario.example", language="es")
    return list(extract_foreign(doc, "es", knowledge))


def _one(knowledge: KnowledgeBase, text: str, event: str) -> EventMention:
    found = [m for m in _events(knowledge, text) if m.event == event]
    assert len(found) == 1, [(m.event, m.trigger) for m in _events(knowledge, text)]
    return found[0]


@pytest.mark.parametrize(("text", "events"), [
    ("Miles de estudiantes se manifestaron el lunes en Teherán.", ["PROTEST"]),
    ("La policía detuvo a tres periodistas en Tabriz.", ["COERCE"]),
    ("Dos jóvenes fueron asesinados por la policía en Zahedán.", ["ASSAULT"]),
    ("Un tribunal condenó al activista a ocho años de prisión.", ["SANCTION"]),
    ("El ministro condenó la violencia contra las mujeres.", ["ACCUSE"]),
    ("Los sindicatos exigieron la liberación de los trabajadores.", ["REQUEST"]),
    ("Los dos ministros se reunieron en Ginebra.", ["CONSULT"]),
    # frames and descriptions are no events
    ("Durante las protestas del otoño, las estudiantes tuvieron un papel importante.", []),
    ("El periodista detenido es originario de la provincia de Kurdistán.", []),
    ("El miércoles cayó en Teherán la primera nevada del invierno.", []),
    # general news vocabulary
    ("Desde que estallaron las protestas, la ciudad vive en tensión.", ["PROTEST"]),
    ("Los estudiantes corearon consignas frente al ministerio.", ["PROTEST"]),
    ("El paro nacional convocado por los sindicatos paralizó los puertos.", ["PROTEST"]),
    ("La policía dispersó la marcha con gases lacrimógenos.", ["ASSAULT"]),
    ("El asesinato del dirigente sindical conmocionó al país.", ["ASSAULT"]),
    ("La gendarmería capturó a cuatro sospechosos en la frontera.", ["COERCE"]),
    ("El gobierno impuso un toque de queda en tres provincias.", ["COERCE"]),
    ("Un juez sentenció al alcalde a seis años.", ["SANCTION"]),
    ("Las familias presentaron nuevas querellas contra los militares.", ["ACCUSE"]),
    ("Los abogados han interpuesto decenas de querellas por apremios ilegítimos.", ["ACCUSE"]),
    ("Las querellas presentadas ya superan el centenar.", ["ACCUSE"]),
    ("El juez archivó las querellas del año anterior.", []),
    ("Los docentes exigían un aumento salarial.", ["REQUEST"]),
    ("Las negociaciones con los transportistas continúan en la capital.", ["CONSULT"]),
    ("La ejecución del presupuesto avanza con retraso.", []),
    ("El paro subió dos puntos el último trimestre.", []),
    ("Los gases lacrimógenos caducados quedaron guardados en un almacén.", []),
])
def test_spanish_events(text: str, events: list[str], knowledge: KnowledgeBase) -> None:
    assert [m.event for m in _events(knowledge, text)] == events


def test_a_protest_with_place_and_date(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "Cientos de jubilados protestaron ayer en Teherán contra los recortes.", "PROTEST")
    assert m.date == "2024-03-05"
    assert [p.extracted_place for p in m.places] == ["Teherán"]
    assert m.modality == "asserted"


def test_an_arrest_count(knowledge: KnowledgeBase) -> None:
    m = _one(knowledge, "La jornada de protesta dejó al menos 12 detenidos en Shiraz.", "COERCE")
    assert [(c.kind, c.low, c.qualifier) for c in m.counts] == [("arrested", 12, "at_least")]


def test_a_denial_and_a_plan(knowledge: KnowledgeBase) -> None:
    denied = _one(knowledge, "El gobierno negó que la policía haya detenido a los estudiantes.", "REJECT")
    assert denied.modality == "asserted"
    planned = _one(knowledge, "Los maestros planean protestar la próxima semana.", "PROTEST")
    assert planned.modality == "future"
    negated = _one(knowledge, "La policía no detuvo a ningún manifestante.", "COERCE")
    assert negated.modality == "negated"


@pytest.mark.parametrize(("text", "date"), [
    ("el 3 de marzo de 2023", "2023-03-03"),
    ("el lunes pasado", "2024-03-04"),
    ("hace dos días", "2024-03-04"),
    ("ayer", "2024-03-05"),
])
def test_spanish_dates(text: str, date: str, knowledge: KnowledgeBase) -> None:
    (found,) = find_dates(text, "2024-03-06", None, knowledge.language("es").dates)
    assert found.date == date
