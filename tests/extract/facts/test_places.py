"""The places extractor on sentences written for these tests."""

from __future__ import annotations

import pytest

from chronicler.extract.facts.places import PlaceMatch, country_location, find_places, lookup_place
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.gazetteer import Gazetteer

# (written, resolved_place, resolution, country_code, admin1)
Expected = tuple[str, str, str, str | None, str | None]

TEHRAN = ("Tehran", "city", "IR", "Tehran")
KARAJ = ("Karaj", "city", "IR", "Alborz")
AHVAZ = ("Ahvaz", "city", "IR", "Khuzestan")
MAHSHAHR = ("Bandar-e Mahshahr", "city", "IR", "Khuzestan")
IRAN = ("Iran", "country", "IR", None)
KHUZESTAN = ("Khuzestan", "admin1", "IR", "Khuzestan")


@pytest.fixture(scope="module")
def gazetteer(knowledge: KnowledgeBase) -> Gazetteer:
    return knowledge.gazetteer


def found(text: str, gazetteer: Gazetteer) -> list[Expected]:
    out: list[Expected] = []
    for match in find_places(text, gazetteer):
        loc = match.location
        assert text[match.start : match.end] == loc.extracted_place
        out.append((loc.extracted_place, loc.resolved_place, loc.resolution, loc.country_code, loc.admin1))
    return out


CASES: list[tuple[str, list[Expected]]] = [
    # Iranian cities in several spellings and scripts
    ("Riot police were deployed in Ahvaz overnight.", [("Ahvaz", *AHVAZ)]),
    ("Residents of Ahwaz reported gunfire.", [("Ahwaz", *AHVAZ)]),
    ("Dockworkers walked out in Bandar-e Mahshahr on Tuesday.", [("Bandar-e Mahshahr", *MAHSHAHR)]),
    ("Dockworkers walked out in Mahshahr on Tuesday.", [("Mahshahr", *MAHSHAHR)]),
    ("Shops stayed shut in Karaj and in Tehran.", [("Karaj", *KARAJ), ("Tehran", *TEHRAN)]),
    (
        "In Karadsch und in Teheran blieben die Geschäfte geschlossen.",
        [("Karadsch", *KARAJ), ("Teheran", *TEHRAN)],
    ),
    ("Les commerçants de Téhéran ont fermé boutique.", [("Téhéran", *TEHRAN)]),
    ("TEHRAN (Wire) - A court handed down sentences.", [("TEHRAN", *TEHRAN)]),
    (
        "Students gathered in Urmia, also spelt Orumiyeh.",
        [
            ("Urmia", "Orumiyeh", "city", "IR", "West Azerbaijan"),
            ("Orumiyeh", "Orumiyeh", "city", "IR", "West Azerbaijan"),
        ],
    ),
    ("Tehran's governor denied the reports.", [("Tehran", *TEHRAN)]),
    (
        "Mourners met in Bandar Anzali and Rasht.",
        [
            ("Bandar Anzali", "Bandar-e Anzali", "city", "IR", "Gilan"),
            ("Rasht", "Rasht", "city", "IR", "Gilan"),
        ],
    ),
    # Persian script, with Arabic letter forms and a zero-width non-joiner
    ("تجمع اعتراضی در تهران و کرج برگزار شد.", [("تهران", *TEHRAN), ("کرج", *KARAJ)]),
    ("کارگران در اهواز دست از کار کشیدند.", [("اهواز", *AHVAZ)]),
    ("دانشجویان در كرج تجمع كردند.", [("كرج", *KARAJ)]),
    ("نیروهای امنیتی در استان خوزستان مستقر شدند.", [("استان خوزستان", *KHUZESTAN)]),
    ("مردم تهران‌ را ترک کردند.", [("تهران", *TEHRAN)]),
    ("دو نفر در شهر بازداشت شدند.", []),
    # a port's short Persian name where GeoNames attests the short Latin one (Mahshahr)
    ("کارگران در ماهشهر دست از کار کشیدند.", [("ماهشهر", *MAHSHAHR)]),
    # ... but not when the short form is an ordinary word ("teacher")
    ("یک معلم در شهر بازداشت شد.", []),
    # provinces
    ("Clashes were reported in Iran's Khuzestan province.", [("Iran", *IRAN), ("Khuzestan", *KHUZESTAN)]),
    ("Water shortages hit the province of Khuzestan hardest.", [("Khuzestan", *KHUZESTAN)]),
    (
        "Security forces raided villages in Kurdistan province.",
        [("Kurdistan", "Kurdistan", "admin1", "IR", "Kurdistan")],
    ),
    (
        "Internet access was cut across Sistan-Baluchestan.",
        [("Sistan-Baluchestan", "Sistan and Baluchestan", "admin1", "IR", "Sistan and Baluchestan")],
    ),
    (
        "Fuel smugglers operate in Sistan and Baluchistan.",
        [("Sistan and Baluchistan", "Sistan and Baluchestan", "admin1", "IR", "Sistan and Baluchestan")],
    ),
    (
        "Dozens were detained in Razavi Khorasan.",
        [("Razavi Khorasan", "Razavi Khorasan", "admin1", "IR", "Razavi Khorasan")],
    ),
    ("Officials in Tehran province closed schools.", [("Tehran", "Tehran", "admin1", "IR", "Tehran")]),
    (
        "Officials in the city of Kermanshah closed schools.",
        [("Kermanshah", "Kermanshah", "city", "IR", "Kermanshah")],
    ),
    (
        "Farmers protested in Golestan over water rights.",
        [("Golestan", "Golestan", "admin1", "IR", "Golestan")],
    ),
    (
        "A rally was held in Shiraz, in Fars province.",
        [("Shiraz", "Shiraz", "city", "IR", "Fars"), ("Fars", "Fars", "admin1", "IR", "Fars")],
    ),
    # countries, foreign capitals, regions
    ("Iran rejected the statement.", [("Iran", *IRAN)]),
    (
        "Envoys met in Oman before flying to Brussels.",
        [("Oman", "Oman", "country", "OM", None), ("Brussels", "Brussels", "city", "BE", None)],
    ),
    (
        "The U.S. and the UK imposed new sanctions.",
        [("U.S.", "United States", "country", "US", None), ("UK", "United Kingdom", "country", "GB", None)],
    ),
    (
        "Washington and Berlin condemned the hangings.",
        [("Washington", "Washington", "city", "US", None), ("Berlin", "Berlin", "city", "DE", None)],
    ),
    ("Die Regierung Irans wies die Kritik zurück.", [("Iran", *IRAN)]),
    (
        "Selon des sources d'Iran et d’Irak, la frontière est fermée.",
        [("Iran", *IRAN), ("Irak", "Iraq", "country", "IQ", None)],
    ),
    (
        "A tanker was seized in the Strait of Hormuz.",
        [("Strait of Hormuz", "Strait of Hormuz", "region", None, None)],
    ),
    ("Naval drills were held in the Gulf of Oman.", [("Gulf of Oman", "Gulf of Oman", "region", None, None)]),
    (
        "The Persian Gulf states met in Doha.",
        [("Persian Gulf", "Persian Gulf", "region", None, None), ("Doha", "Doha", "city", "QA", None)],
    ),
    ("Exiles rallied in Iraqi Kurdistan.", [("Iraqi Kurdistan", "Kurdistan Region", "region", "IQ", None)]),
    ("A statue of Alexander stands in Alexandria.", [("Alexandria", "Alexandria", "city", "EG", None)]),
    # demonyms, adjectives and ordinary words are not places
    ("Iranian officials and Persian poets attended with Kurdish singers.", []),
    ("Male students held a sale.", []),
    ("Bad weather delayed flights.", []),
    ("Nur wenige Menschen waren auf der Straße.", []),
    ("The protests began on 24 Aban and peaked in Azar.", []),
    ("Students chanted Zan, Zendegi, Azadi at the gate.", []),
    ("bam is not a name here, but Bam is.", [("Bam", "Bam", "city", "IR", "Kerman")]),
    ("Iranians, Kurds, Arabs and Baluchs marched together.", []),
    ("A Tehran-based lawyer joined an anti-Iran campaign.", [("Tehran", *TEHRAN), ("Iran", *IRAN)]),
    # sites, organisations and people named after places
    ("Crowds filled Azadi Square at dusk.", []),
    ("An exhibition opened at the Golestan Palace.", []),
    ("Fars News Agency said the rally was small.", []),
    ("Selon l'agence Fars, trois personnes ont été arrêtées.", []),
    ("Lecturers at Tehran University signed a letter.", [("Tehran", *TEHRAN)]),
    ("President Rouhani spoke after Mohammad Khatami.", []),
    ("Mehran Samak was shot after the match.", []),
    ("Quds Force officers flew to Damascus.", [("Damascus", "Damascus", "city", "SY", None)]),
    ("The Kurdistan Democratic Party denied any role.", []),
    ("Mahsa Amini was buried in Saqqez.", [("Saqqez", "Saqqez", "city", "IR", "Kurdistan")]),
    ("Two guards were killed in Mehran, near the border.", [("Mehran", "Mehran", "city", "IR", "Ilam")]),
    # towns of 50,000 or more anywhere, under the spellings of their own name only
    ("Troops moved into Daraa before dawn.", [("Daraa", "Dara", "city", "SY", None)]),
    ("Fishermen marched through Misurata on Sunday.", [("Misurata", "Misratah", "city", "LY", None)]),
    # the state, not Florida (Cuba) nor Floridablanca, whose alternate it is
    ("Voters in Florida went to the polls.", [("Florida", "Florida", "admin1", "US", "Florida")]),
    # a small town's name run into a capitalised word is a person's
    ("The envoy, Nikki Haley, left early.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_places(text: str, expected: list[Expected], gazetteer: Gazetteer) -> None:
    assert found(text, gazetteer) == expected


def test_offsets_point_into_the_text(gazetteer: Gazetteer) -> None:
    text = "Strikes in Ahvaz, Mahshahr and Abadan; Iran’s oil ministry was silent."
    matches = find_places(text, gazetteer)
    assert [text[m.start : m.end] for m in matches] == ["Ahvaz", "Mahshahr", "Abadan", "Iran"]
    assert all(isinstance(m, PlaceMatch) for m in matches)


def test_iran_is_a_country_with_coordinates(gazetteer: Gazetteer) -> None:
    (match,) = find_places("Iran", gazetteer)
    loc = match.location
    assert (loc.resolution, loc.country_code, loc.admin1, loc.geonameid) == ("country", "IR", None, 130758)
    assert loc.lat is not None and loc.lon is not None
    assert 25 < loc.lat < 40 and 44 < loc.lon < 63


def test_city_location_fields(gazetteer: Gazetteer) -> None:
    loc = lookup_place("Ahwaz", gazetteer)
    assert loc is not None
    assert loc.to_json() == {
        "extracted_place": "Ahwaz",
        "resolved_place": "Ahvaz",
        "geonameid": 144448,
        "lat": 31.31901,
        "lon": 48.6842,
        "admin1": "Khuzestan",
        "country_code": "IR",
        "resolution": "city",
    }


@pytest.mark.parametrize(
    ("name", "resolved", "resolution"),
    [
        ("Tehran", "Tehran", "city"),
        ("Teheran", "Tehran", "city"),
        ("تهران", "Tehran", "city"),
        ("Khuzestan", "Khuzestan", "admin1"),
        ("Kurdistan", "Kurdistan", "admin1"),
        ("United States", "United States", "country"),
        ("Bam", "Bam", "city"),
        ("Male", "Male", "city"),  # the stoplist is for running text, not for exact lookups
    ],
)
def test_lookup_place(name: str, resolved: str, resolution: str, gazetteer: Gazetteer) -> None:
    loc = lookup_place(name, gazetteer)
    assert loc is not None
    assert (loc.extracted_place, loc.resolved_place, loc.resolution) == (name, resolved, resolution)


@pytest.mark.parametrize("name", ["Zzyzxville", "", "Iranian", "the"])
def test_lookup_place_unknown(name: str, gazetteer: Gazetteer) -> None:
    assert lookup_place(name, gazetteer) is None


def test_country_location(gazetteer: Gazetteer) -> None:
    loc = country_location("IR", gazetteer)
    assert loc is not None
    assert (loc.resolved_place, loc.resolution, loc.geonameid) == ("Iran", "country", 130758)
    assert country_location("ZZ", gazetteer) is None
