"""Words of the evidence sentence: the ``q`` filter of the lists, the timeline and the API.

Every word of the query must occur in a mention's evidence sentence, in any order, and each word
matches the start of a word ("arrest" finds "arrested"), whatever the case, in any script. On
SQLite an FTS5 index answers (migration 0009), and accents do not count either ("teheran" finds
"Téhéran"); on PostgreSQL a GIN index of the words (migration 0010), where accents count. Other
databases scan the sentences for each word.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, String, inspect, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement, GenericFunction

from chronicler.store.tables import event_mentions

_WORD = re.compile(r"\w+")
MAX_WORDS = 32
WORDS_COLUMN = "evidence_words"  # PostgreSQL's tsvector of the evidence (migration 0010)
INDEX_TABLES = "mention_search"  # the name the index's tables start with (FTS5 adds shadow tables)


def indexed(conn: Connection) -> list[tuple[str, str]] | None:
    """Each mention id with the sentence the evidence index holds for it, in id order; None where
    the database keeps no index (PostgreSQL, or a schema older than migration 0009)."""
    if conn.dialect.name != "sqlite" or not inspect(conn).has_table("mention_search_keys"):
        return None
    rows = conn.exec_driver_sql(
        "SELECT k.mention_id, s.evidence FROM mention_search_keys AS k "
        "JOIN mention_search AS s ON s.rowid = k.rowid ORDER BY k.mention_id"
    )
    return [(str(ident), str(sentence)) for ident, sentence in rows]


def words(text: str) -> list[str]:
    """The words of a query, as the index cuts sentences (letters and digits of any script)."""
    found = [w for w in _WORD.findall(text) if w.strip("_")]
    if not found:
        raise ValueError("text: give the words to look for (letters or digits)")
    if len(found) > MAX_WORDS:
        raise ValueError(f"text: at most {MAX_WORDS} words, got {len(found)}")
    return found


class evidence_has_words(FunctionElement[bool]):
    """``id`` is a mention whose evidence holds every word; compiled for each server below.

    Its arguments are the mention's id and record columns, the FTS5 query, the tsquery, then one
    LIKE pattern per word: each server's compiler writes the ones it reads, so the statement cache
    keys on all."""

    type = Boolean()
    inherit_cache = True
    name = "evidence_has_words"


def text_condition(text: str) -> ColumnElement[bool]:
    """The mention's evidence sentence holds every word of ``text``."""
    found = words(text)
    fts = " ".join(f'"{w}"*' for w in found)  # a quoted word is a string to FTS5, never an operator
    # PostgreSQL's parser cuts words at "_", which \w keeps: its pieces, each letters and digits
    # only, quoted, so that nothing in them is a tsquery operator.
    tsquery = " & ".join(f"'{piece}':*" for w in found for piece in w.split("_") if piece)
    patterns = [literal(f"%{_escape(w.lower())}%") for w in found]
    return evidence_has_words(
        event_mentions.c.id, event_mentions.c.record, literal(fts), literal(tsquery), *patterns
    )


def _escape(word: str) -> str:
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


@compiles(evidence_has_words, "sqlite")
def _sqlite(element: evidence_has_words, compiler: SQLCompiler, **kw: Any) -> str:
    ident, _, fts, *_ = element.clauses
    return (
        f"{compiler.process(ident, **kw)} IN (SELECT k.mention_id FROM mention_search_keys AS k "
        f"JOIN mention_search ON mention_search.rowid = k.rowid "
        f"WHERE mention_search MATCH {compiler.process(fts, **kw)})"
    )


@compiles(evidence_has_words, "postgresql")
def _postgresql(element: evidence_has_words, compiler: SQLCompiler, **kw: Any) -> str:
    ident, _, _, tsquery, *_ = element.clauses
    # Migration 0010's column, which tables.py does not declare: named beside the id, as the
    # statement names the id (the table or its alias).
    owner = compiler.process(ident, **kw).removesuffix("id")
    return f"{owner}{WORDS_COLUMN} @@ to_tsquery('simple', {compiler.process(tsquery, **kw)})"


@compiles(evidence_has_words)
def _scan(element: evidence_has_words, compiler: SQLCompiler, **kw: Any) -> str:
    _, record, _, _, *patterns = element.clauses
    sentence = f"lower({compiler.process(evidence(record), **kw)})"
    return (
        "(" + " AND ".join(f"{sentence} LIKE {compiler.process(p, **kw)} ESCAPE '/'" for p in patterns) + ")"
    )


class evidence(GenericFunction[str]):
    """The evidence sentence of a stored event record, as each server reads JSON text."""

    type = String()
    inherit_cache = True


@compiles(evidence)
def _evidence(element: evidence, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$.text')"


@compiles(evidence, "postgresql")
def _evidence_postgresql(element: evidence, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS JSONB) ->> 'text')"
