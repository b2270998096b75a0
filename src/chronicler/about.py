"""What this installation is, for a bug report or a methods section: versions, the models with
their checksums, the knowledge packs read, the database and its schema (``chronicler info``).

Nothing here changes anything: the database is only read (never created, never migrated).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import platform
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chronicler import __version__
from chronicler.config import Settings
from chronicler.extract import embedding
from chronicler.extract.learned import MODEL_FILE
from chronicler.knowledge.packdata import PACK_DIR
from chronicler.languages import LANGUAGES, MODEL_DISTRIBUTIONS

LIBRARIES = ("spacy", "sqlalchemy", "alembic", "numpy", "tokenizers", "pyarrow")


@dataclass(frozen=True)
class Model:
    name: str  # the package (or file) chronicler loads
    role: str
    version: str | None  # None: not installed
    sha256: str | None  # over its files, in path order: a changed file changes it
    path: str | None


@dataclass(frozen=True)
class About:
    version: str
    python: str
    platform: str
    libraries: dict[str, str | None]
    models: list[Model]
    detector: str  # the setting, and whether it runs
    packs: list[str]  # the shipped pack directory, then the user's
    database: str
    schema: str  # "0005 (newest)", "0004 (the newest is 0005: ...)", "no database yet", or the error
    notes: list[str] = field(default_factory=list)


def digest(paths: Iterable[Path], root: Path) -> str:
    """SHA-256 over each file's path (relative to ``root``) and bytes, in path order."""
    found = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file()):
        found.update(path.relative_to(root).as_posix().encode() + b"\0")
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                found.update(block)
    return found.hexdigest()


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _package(name: str, role: str, distribution: str) -> Model:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return Model(name, role, None, None, None)
    root = Path(next(iter(spec.submodule_search_locations)))
    files = [p for p in root.rglob("*") if "__pycache__" not in p.parts]
    return Model(name, role, _version(distribution), digest(files, root), str(root))


def _distribution(package: str) -> str:
    return MODEL_DISTRIBUTIONS.get(package, package).split("==")[0]


def models(settings: Settings) -> list[Model]:
    """The spaCy pipelines, the detector's sentence model and the detector itself."""
    out = [_package(settings.spacy_model, "English spaCy pipeline", _distribution(settings.spacy_model))]
    for code, lang in sorted(LANGUAGES.items()):
        if lang.model and code != "en":
            out.append(_package(lang.model, f"{code} spaCy pipeline", _distribution(lang.model)))
    sentence = embedding.DISTRIBUTION.split("==")[0]
    out.append(_package(embedding.PACKAGE, "detector's sentence model", sentence))
    tuned = MODEL_FILE.parent
    weights = [p for p in tuned.iterdir() if p.suffix in (".json", ".safetensors")]  # not its card
    name = str(MODEL_FILE.relative_to(PACK_DIR.parent))
    role = "learned event detector (tuned layers, head)"
    out.append(Model(name, role, __version__, digest(weights, tuned), str(tuned)))
    return out


def schema_state(db_url: str) -> str:
    """The database's schema revision against the newest this chronicler has, read without
    creating or migrating anything."""
    from chronicler.store import migrate
    from chronicler.store.connect import create_store_engine, is_sqlite_file, parse_target

    try:
        url = parse_target(db_url)
        if is_sqlite_file(url) and not Path(url.database or "").is_file():
            return "no database yet (`chronicler ingest` creates one)"
        engine = create_store_engine(url)
        try:
            with engine.connect() as conn:
                current = migrate.current_revision(conn)
        finally:
            engine.dispose()
    except Exception as exc:  # any fault of the database is what this line reports
        return f"cannot be read: {type(exc).__name__}: {exc}"
    head = migrate.head_revision()
    if current == head:
        return f"{current} (the newest)"
    if current is None:
        return f"empty (the newest is {head}; `chronicler ingest` brings it up to date)"
    return f"{current} (the newest is {head}; any chronicler command that writes brings it up to date)"


def describe(settings: Settings, detector_runs: bool) -> About:
    from chronicler.store.connect import parse_target, safe_url

    try:
        database = safe_url(parse_target(settings.db_url))
    except Exception as exc:  # a URL that does not parse is reported, not raised
        database = f"{settings.db_url!r}: {exc}"
    return About(
        version=__version__,
        python=platform.python_version(),
        platform=platform.platform(),
        libraries={name: _version(name) for name in LIBRARIES},
        models=models(settings),
        detector=f"{settings.detector}: {'runs' if detector_runs else 'does not run'}",
        packs=[str(PACK_DIR), *(str(p) for p in settings.pack_dirs)],
        database=database,
        schema=schema_state(settings.db_url),
    )
