"""Reading a user's ACLED export (CSV, any of ACLED's date forms, upper- or lower-case headers) and
GDELT 2.0 event files (the 61 tab-separated columns, or a CSV with GDELT's column names).

A file that cannot be one of them is an InputError naming it and the reason; a row that cannot be
read (a date that is no date) is set aside with its line number and the rest are read.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chronicler.compare.records import ExternalEvent
from chronicler.errors import InputError
from chronicler.knowledge.countries import Country

ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type", "country")
_DATE_FORMS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y", "%d-%m-%Y")
GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
# CAMEO root codes of material conflict, as ACLED would type them; other roots are not compared.
GDELT_KINDS = {"14": "Protests", "17": "Strategic developments", "18": "Violence against civilians",
               "19": "Battles", "20": "Violence against civilians"}  # fmt: skip
GDELT_TOWNS = {"3", "4"}  # ActionGeo_Type of a US or world city; 1, 2 and 5 are a country or a state
MAX_CELL = 100_000
csv.field_size_limit(MAX_CELL)


@dataclass
class Read:
    events: list[ExternalEvent] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "line 7: date '31 Smarch 2019' is no date"
    left_out: int = 0  # rows of a kind that is not compared (GDELT's verbal events)


def day(text: str) -> str | None:
    """An ISO day from any of ACLED's date forms (or GDELT's yyyymmdd); None when it is no date."""
    text = text.strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    for form in _DATE_FORMS:
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return None


def _number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _open(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read as UTF-8 text: {exc}") from None


def read_acled(path: Path, countries: Mapping[str, Country]) -> Read:
    """The rows of an ACLED export."""
    lines = _open(path)
    reader = csv.DictReader(lines)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ACLED_REQUIRED if c not in header]
    if missing:
        raise InputError(str(path), f"not an ACLED export: no column {', '.join(missing)}")
    reader.fieldnames = header
    by_name = {c.name.lower(): code for code, c in countries.items()}
    by_number = {c.iso_numeric: code for code, c in countries.items() if c.iso_numeric}
    out = Read()
    for number, row in enumerate(reader, start=2):
        found = day(row.get("event_date") or "")
        if found is None:
            out.skipped.append(f"line {number}: date {row.get('event_date')!r} is no date")
            continue
        iso = _number(row.get("iso"))
        code = by_number.get(int(iso)) if iso is not None else None
        code = code or by_name.get((row.get("country") or "").strip().lower())
        fatalities = _number(row.get("fatalities"))
        lat, lon = _number(row.get("latitude")), _number(row.get("longitude"))
        out.events.append(
            ExternalEvent(
                dataset="ACLED",
                id=(row.get("event_id_cnty") or "").strip(),
                date=found,
                kind=(row.get("event_type") or "").strip(),
                detail=(row.get("sub_event_type") or "").strip(),
                country_code=code,
                admin1=(row.get("admin1") or "").strip() or None,
                location=(row.get("location") or "").strip() or None,
                lat=lat if row.get("geo_precision", "1").strip() in ("1", "") else None,
                lon=lon if row.get("geo_precision", "1").strip() in ("1", "") else None,
                fatalities=int(fatalities) if fatalities is not None else None,
                actors="; ".join(a for a in (row.get("actor1"), row.get("actor2")) if a),
                line=number,
            )
        )
    return out


def read_gdelt(path: Path, countries: Mapping[str, Country]) -> Read:
    """The material-conflict rows (CAMEO roots 14, 17 to 20) of a GDELT 2.0 event file."""
    lines = _open(path)
    has_header = (
        bool(lines) and lines[0].split("\t" if "\t" in lines[0] else ",")[0].strip() == "GLOBALEVENTID"
    )
    if has_header:
        dialect = "excel-tab" if "\t" in lines[0] else "excel"
        rows = [(n, r) for n, r in enumerate(csv.DictReader(lines, dialect=dialect), start=2)]
    else:
        rows = []
        for number, cells in enumerate(csv.reader(lines, dialect="excel-tab"), start=1):
            if len(cells) != len(GDELT_COLUMNS):
                raise InputError(
                    str(path),
                    f"line {number}: {len(cells)} columns, not the {len(GDELT_COLUMNS)} of GDELT 2.0 events",
                )
            rows.append((number, dict(zip(GDELT_COLUMNS, cells, strict=True))))
    by_fips = {c.fips: code for code, c in countries.items() if c.fips}
    out = Read()
    for number, row in rows:
        kind = GDELT_KINDS.get((row.get("EventRootCode") or "").strip().zfill(2))
        if kind is None:
            out.left_out += 1
            continue
        found = day(row.get("SQLDATE") or "")
        if found is None:
            out.skipped.append(f"line {number}: SQLDATE {row.get('SQLDATE')!r} is no date")
            continue
        town = (row.get("ActionGeo_Type") or "").strip() in GDELT_TOWNS
        out.events.append(
            ExternalEvent(
                dataset="GDELT",
                id=(row.get("GLOBALEVENTID") or "").strip(),
                date=found,
                kind=kind,
                detail=(row.get("EventCode") or "").strip(),
                country_code=by_fips.get((row.get("ActionGeo_CountryCode") or "").strip()),
                admin1=None,
                location=(row.get("ActionGeo_FullName") or "").strip() or None,
                lat=_number(row.get("ActionGeo_Lat")) if town else None,
                lon=_number(row.get("ActionGeo_Long")) if town else None,
                fatalities=None,
                actors="; ".join(a for a in (row.get("Actor1Name"), row.get("Actor2Name")) if a),
                line=number,
            )
        )
    return out
