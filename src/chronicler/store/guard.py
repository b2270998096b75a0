"""Database errors as one ``StoreError`` naming the database (never its password), what chronicler
was doing, the driver's reason and what to do about it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from chronicler.errors import StoreError


@contextmanager
def guarded(url: str, action: str) -> Iterator[None]:
    """Turn a SQLAlchemy error raised inside into a StoreError: "URL: could not ACTION: ..."."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{url}: could not {action}: {_reason(exc)}; {_advice(exc)}") from exc


def _reason(exc: SQLAlchemyError) -> str:
    # str(exc) repeats the SQL and its parameters, which can be a whole article; the driver's
    # own message is enough.
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
    return str(exc).splitlines()[0]


def _advice(exc: SQLAlchemyError) -> str:
    if isinstance(exc, IntegrityError):
        return "a row conflicts with one already stored (an event id used by another document?)"
    if isinstance(exc, OperationalError):
        return (
            "check that the database exists, can be reached and written, and is not locked "
            "by another chronicler process"
        )
    return "check the database and try again; report a bug if it persists"
