"""One row of another dataset, in the terms the matcher compares: when, where, what kind, how many dead."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExternalEvent:
    dataset: str  # "ACLED" or "GDELT"
    id: str  # event_id_cnty, GLOBALEVENTID
    date: str  # ISO day
    kind: str  # ACLED event_type (GDELT rows: the ACLED event type of their CAMEO root)
    detail: str  # sub_event_type, or the CAMEO event code
    country_code: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None  # None where the dataset has no such column (GDELT)
    actors: str  # as the dataset names them
    line: int  # in the file, for the user to find it
