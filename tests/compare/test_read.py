"""Reading a user's ACLED and GDELT files: their columns, date forms and country codes; bad input
named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.compare.read import GDELT_COLUMNS, day, read_acled, read_gdelt
from chronicler.errors import InputError
from chronicler.knowledge.countries import Country, load_countries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"


@pytest.fixture(scope="module")
def countries() -> dict[str, Country]:
    return load_countries()


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2019-11-16", "2019-11-16"), ("16 November 2019", "2019-11-16"), ("16-November-2019", "2019-11-16"),
     ("16 Nov 2019", "2019-11-16"), ("16/11/2019", "2019-11-16"), ("20191116", "2019-11-16"),
     ("31 Smarch 2019", None), ("", None), ("2019-02-30", None)],
)  # fmt: skip
def test_dates_in_the_forms_acled_and_gdelt_write(text: str, iso: str | None) -> None:
    assert day(text) == iso


def test_acled_rows(countries: dict[str, Country]) -> None:
    found = read_acled(FIXTURES / "acled_sample.csv", countries)
    assert [e.id for e in found.events] == ["TST1", "TST2", "TST3", "TST4", "TST6"]
    first = found.events[0]
    assert (first.date, first.kind, first.detail, first.country_code, first.location) == (
        "2019-11-16",
        "Violence against civilians",
        "Attack",
        "IR",
        "Mahshahr",
    )
    assert (first.lat, first.fatalities, first.line) == (30.5589, 40, 2)
    assert found.events[1].date == "2019-11-20"  # "20 November 2019"
    assert found.events[-1].country_code == "IQ"
    assert found.skipped == ["line 6: date '31 Smarch 2019' is no date"]


def test_acled_upper_case_headers_and_no_coordinates_for_a_province(
    tmp_path: Path, countries: dict[str, Country]
) -> None:
    path = tmp_path / "old.csv"
    path.write_text(
        "EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,COUNTRY,ADMIN1,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,FATALITIES\n"
        "X1,2019-11-17,Protests,Iran,Fars,Fars,29.0,53.0,3,\n",
        encoding="utf-8",
    )
    (row,) = read_acled(path, countries).events
    assert (row.country_code, row.admin1, row.lat, row.lon, row.fatalities) == (
        "IR",
        "Fars",
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("id,date\n1,2019-01-01\n", "not an ACLED export: no column event_id_cnty, event_date"),
        (b"\xff\xfe\x00bad", "cannot be read as UTF-8 text"),
    ],
)
def test_a_file_that_is_no_acled_export_is_named(
    tmp_path: Path, countries: dict[str, Country], content: str | bytes, reason: str
) -> None:
    path = tmp_path / "mine.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError, match=rf"mine\.csv: {reason}"):
        read_acled(path, countries)


def test_gdelt_rows_of_material_conflict(countries: dict[str, Country]) -> None:
    found = read_gdelt(FIXTURES / "gdelt_sample.tsv", countries)
    assert [e.id for e in found.events] == ["900001", "900003"]
    assert found.left_out == 1  # the consultation (root 04) is not compared
    tehran, baghdad = found.events
    assert (tehran.kind, tehran.country_code, tehran.lat, tehran.date) == (
        "Protests",
        "IR",
        35.6944,
        "2022-09-22",
    )
    assert baghdad.country_code == "IQ"  # GDELT's FIPS "IZ"


def test_gdelt_with_a_header_and_a_country_level_place(tmp_path: Path, countries: dict[str, Country]) -> None:
    path = tmp_path / "bq.csv"
    cells = dict.fromkeys(GDELT_COLUMNS, "")
    cells |= {"GLOBALEVENTID": "7", "SQLDATE": "20191116", "EventRootCode": "18", "EventCode": "180",
              "ActionGeo_Type": "1", "ActionGeo_CountryCode": "IR", "ActionGeo_Lat": "32",
              "ActionGeo_Long": "53"}  # fmt: skip
    path.write_text(",".join(GDELT_COLUMNS) + "\n" + ",".join(cells.values()) + "\n", encoding="utf-8")
    (row,) = read_gdelt(path, countries).events
    assert (row.id, row.kind, row.lat, row.lon) == ("7", "Violence against civilians", None, None)


def test_a_gdelt_file_of_other_columns_is_named(tmp_path: Path, countries: dict[str, Country]) -> None:
    path = tmp_path / "short.tsv"
    path.write_text("1\t20191116\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"short\.tsv: line 1: 3 columns, not the 61 of GDELT 2.0 events"):
        read_gdelt(path, countries)
