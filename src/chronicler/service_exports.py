"""The service layer's exports and comparisons: stored results in the formats other tools read
(``export events``, ``export consolidated``, ``export datasette-metadata``), a user's ACLED or GDELT
file set beside the events (``compare``), and what this installation is (``info``). No presentation
here: the CLI (and later the API) call these as they call ``chronicler.service``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from chronicler import __version__
from chronicler.about import About, describe
from chronicler.compare.match import Comparison, compare
from chronicler.compare.read import Read, read_acled, read_gdelt
from chronicler.config import Settings
from chronicler.consolidate.outlets import OutletRegistry, load_outlets
from chronicler.errors import ChroniclerError, StoreError
from chronicler.export import acled, columns, datasette, parquet, plover, write
from chronicler.export.columns import Cell, SourceFacts
from chronicler.export.write import ExportFormat
from chronicler.knowledge.acled import load_acled
from chronicler.knowledge.actors import load_actors
from chronicler.knowledge.countries import load_countries
from chronicler.pipeline import shared_knowledge
from chronicler.readiness import use_detector
from chronicler.service import export_consolidated, list_events
from chronicler.service_facts import outlet_name
from chronicler.store import Store, StoredDocumentFacts
from chronicler.store.connect import is_sqlite_file, parse_target, safe_url


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: rows (or features, lines), and the records its format has no row for
    (ACLED codes no statements and no event dated only by its year)."""

    written: int
    left_out: int = 0


def _source_facts(rows: Sequence[StoredDocumentFacts], registry: OutletRegistry) -> dict[str, SourceFacts]:
    out = {}
    for row in rows:
        outlet = outlet_name(row.outlet, row.url)
        found = registry.lookup(outlet) if outlet else None
        out[row.id] = SourceFacts(outlet, row.url, row.published, found.type if found else None)
    return out


def export_events(
    settings: Settings, fmt: ExportFormat, stream: TextIO | BinaryIO, **filters: Any
) -> ExportSummary:
    """Write the stored event mentions that pass ``filters`` (as ``list_events``) to ``stream``
    (binary for ``fmt.binary``): their event JSON (``jsonl``), flat columns (``csv``, typed in
    ``parquet``), ACLED's columns (``acled``) or GeoJSON."""
    mentions = list_events(settings, **filters)
    if fmt is ExportFormat.jsonl:
        return ExportSummary(write.write_jsonl(cast(TextIO, stream), (m.to_json() for m in mentions)))
    with Store.open(settings.db_url, create=False) as store:
        sources = _source_facts(store.document_facts(), load_outlets(settings.pack_dirs))
    countries = load_countries()
    if fmt is ExportFormat.plover:
        actors = load_actors(settings.pack_dirs).actors  # only the actors: not the whole knowledge base
        qids = {key: a.wikidata for key, a in actors.items() if a.wikidata}
        coder = f"chronicler {__version__}"
        records = (plover.record(m, sources.get(m.doc_id), qids, countries, coder) for m in mentions)
        return ExportSummary(write.write_jsonl(cast(TextIO, stream), records))
    if fmt is ExportFormat.acled:
        table = load_acled(settings.pack_dirs)
        rows = [r for m in mentions if (r := acled.mention_row(m, sources.get(m.doc_id), table, countries))]
        written = write.write_csv(cast(TextIO, stream), acled.COLUMNS, rows)
        return ExportSummary(written, len(mentions) - len(rows))
    flat = (columns.event_row(m, sources.get(m.doc_id), countries) for m in mentions)
    return _write_flat(fmt, stream, columns.EVENT_COLUMNS, flat)


def _write_flat(
    fmt: ExportFormat, stream: TextIO | BinaryIO, names: Sequence[str], rows: Iterable[Mapping[str, Cell]]
) -> ExportSummary:
    if fmt is ExportFormat.parquet:
        return ExportSummary(parquet.write_parquet(cast(BinaryIO, stream), names, rows))
    text = cast(TextIO, stream)
    if fmt is ExportFormat.geojson:
        return ExportSummary(write.write_geojson(text, rows))
    return ExportSummary(write.write_csv(text, names, rows))


def write_consolidated(settings: Settings, fmt: ExportFormat, stream: TextIO | BinaryIO) -> ExportSummary:
    """Write the stored consolidated events to ``stream`` in ``fmt``, in the order of the last
    consolidation; ``csv`` and ``acled`` give each kind of figure by ACLED's conservative rule."""
    if fmt is ExportFormat.plover:
        raise ValueError(
            "plover is a format of event mentions (`export events --format plover`); "
            "consolidated events have jsonl, csv, acled, geojson and parquet"
        )
    events = list(export_consolidated(settings))
    if fmt is ExportFormat.jsonl:
        return ExportSummary(write.write_jsonl(cast(TextIO, stream), (e.to_json() for e in events)))
    countries = load_countries()
    if fmt is ExportFormat.acled:
        table = load_acled(settings.pack_dirs)
        registry = load_outlets(settings.pack_dirs)
        types = {o: found.type for e in events for o in e.sources.outlets if (found := registry.lookup(o))}
        rows = [r for e in events if (r := acled.consolidated_row(e, table, countries, types))]
        written = write.write_csv(cast(TextIO, stream), acled.COLUMNS, rows)
        return ExportSummary(written, len(events) - len(rows))
    flat = (columns.consolidated_row(e, countries) for e in events)
    return _write_flat(fmt, stream, columns.CONSOLIDATED_COLUMNS, flat)


def datasette_metadata(settings: Settings) -> dict[str, Any]:
    """Datasette's metadata for the database of ``settings``: a SQLite file (Datasette opens no
    other), named as Datasette names it, by the file's stem."""
    url = parse_target(settings.db_url)
    if not is_sqlite_file(url):
        raise StoreError(f"Datasette opens SQLite files; {safe_url(url)} is not one")
    path = Path(url.database or "")
    if not path.is_file():
        raise StoreError(
            f"no database at {path}: check --db or $CHRONICLER_DB (`chronicler ingest` creates one)"
        )
    return datasette.metadata(path.stem)


def about(settings: Settings) -> About:
    """Versions, models with checksums, packs, database and schema: ``chronicler info``. The
    knowledge packs are loaded (a broken one is a PackError); the database is only read."""
    shared_knowledge(settings.pack_dirs)
    try:
        runs = use_detector(settings)
    except ChroniclerError:
        runs = False
    return describe(settings, runs)


def compare_with(settings: Settings, dataset: str, path: Path) -> tuple[Comparison, Read]:
    """The stored consolidated events beside a user's ACLED or GDELT 2.0 file (``dataset``
    "acled" or "gdelt"): which rows report which event, and what each side lacks."""
    countries = load_countries()
    found = read_acled(path, countries) if dataset == "acled" else read_gdelt(path, countries)
    events = list(export_consolidated(settings))
    return compare(events, found.events, load_acled(settings.pack_dirs)), found
