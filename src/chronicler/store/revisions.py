"""Document revisions in SQL: keeping a document's earlier texts and their mentions.

``documents`` and ``event_mentions`` hold the latest revision of each document id: every view,
export and consolidation reads them and sees only the latest. When a document comes again under
its id with another content hash, ``supersede`` copies its row and mentions into
``superseded_documents`` and ``superseded_mentions`` (numbered 1, 2, ... in the order they were
ingested) before the new text replaces them. A content hash met in either place is never stored
again, so re-reading an older file changes nothing.

Functions here take an open connection, so that ``Store`` runs them inside its transactions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from sqlalchemy import Connection, Integer, func, insert, literal, select, union_all

from chronicler.records import EventMention
from chronicler.store.records import StoredDocument, StoredRevision
from chronicler.store.rows import decode_mention, stored_document, utc
from chronicler.store.tables import documents, event_mentions, superseded_documents, superseded_mentions

# The columns a superseded revision copies from ``documents`` (all but ``id``, named ``doc_id``).
_COPIED = [c.name for c in documents.c if c.name != "id"]


def hash_is_stored(conn: Connection, content_hash: str) -> bool:
    """Whether any revision of any document, latest or superseded, has this content hash."""
    for table in (documents, superseded_documents):
        if conn.execute(select(table.c.content_hash).where(table.c.content_hash == content_hash)).first():
            return True
    return False


def superseded_count(conn: Connection, doc_id: str) -> int:
    stmt = (
        select(func.count()).select_from(superseded_documents).where(superseded_documents.c.doc_id == doc_id)
    )
    return int(conn.execute(stmt).scalar_one())


def supersede(conn: Connection, doc_id: str) -> int:
    """Copy the latest revision of ``doc_id`` and its mentions to the superseded tables; return
    the number it had there. The caller then replaces ``documents`` and ``event_mentions``."""
    number = superseded_count(conn, doc_id) + 1
    conn.execute(
        insert(superseded_documents).from_select(
            ["doc_id", "revision", *_COPIED],
            select(documents.c.id, literal(number, Integer), *(documents.c[n] for n in _COPIED)).where(
                documents.c.id == doc_id
            ),
        )
    )
    conn.execute(
        insert(superseded_mentions).from_select(
            ["doc_id", "revision", "id", "record"],
            select(
                event_mentions.c.doc_id,
                literal(number, Integer),
                event_mentions.c.id,
                event_mentions.c.record,
            ).where(event_mentions.c.doc_id == doc_id),
        )
    )
    return number


def revision_numbers(conn: Connection, doc_ids: Collection[str]) -> dict[str, int]:
    """The revision number of the latest revision of each of ``doc_ids`` that is stored."""
    counted = (
        select(superseded_documents.c.doc_id, func.count().label("n"))
        .where(superseded_documents.c.doc_id.in_(list(doc_ids)))
        .group_by(superseded_documents.c.doc_id)
    )
    found = {row.doc_id: int(row.n) + 1 for row in conn.execute(counted)}
    stored = conn.execute(select(documents.c.id).where(documents.c.id.in_(list(doc_ids)))).scalars()
    return {doc_id: found.get(doc_id, 1) for doc_id in stored}


def revisions(conn: Connection, doc_ids: Collection[str]) -> dict[str, list[StoredRevision]]:
    """Every stored revision of each of ``doc_ids``, oldest first; ids not stored are left out."""
    ids = sorted(set(doc_ids))
    latest_numbers = revision_numbers(conn, ids)
    docs = union_all(
        select(
            documents.c.id.label("doc_id"),
            literal(0, Integer).label("revision"),  # 0 stands for "the latest", numbered below
            documents.c.content_hash,
            documents.c.published,
            documents.c.ingested_at,
        ).where(documents.c.id.in_(ids)),
        select(
            superseded_documents.c.doc_id,
            superseded_documents.c.revision,
            superseded_documents.c.content_hash,
            superseded_documents.c.published,
            superseded_documents.c.ingested_at,
        ).where(superseded_documents.c.doc_id.in_(ids)),
    )
    mentions = _mentions_by_revision(conn, ids)
    out: dict[str, list[StoredRevision]] = defaultdict(list)
    for row in conn.execute(docs).mappings():
        number = row["revision"] or latest_numbers[row["doc_id"]]
        out[row["doc_id"]].append(
            StoredRevision(
                doc_id=row["doc_id"],
                revision=number,
                content_hash=row["content_hash"],
                published=row["published"],
                ingested_at=utc(row["ingested_at"]),
                latest=row["revision"] == 0,
                mentions=mentions.get((row["doc_id"], row["revision"]), ()),
            )
        )
    return {doc_id: sorted(found, key=lambda r: r.revision) for doc_id, found in sorted(out.items())}


def _mentions_by_revision(
    conn: Connection, doc_ids: list[str]
) -> Mapping[tuple[str, int], tuple[EventMention, ...]]:
    """Mentions by (doc id, revision), revision 0 for the latest; in id order."""
    stmt = union_all(
        select(
            event_mentions.c.doc_id,
            literal(0, Integer).label("revision"),
            event_mentions.c.id,
            event_mentions.c.record,
        ).where(event_mentions.c.doc_id.in_(doc_ids)),
        select(
            superseded_mentions.c.doc_id,
            superseded_mentions.c.revision,
            superseded_mentions.c.id,
            superseded_mentions.c.record,
        ).where(superseded_mentions.c.doc_id.in_(doc_ids)),
    )
    grouped: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for row in conn.execute(stmt):
        grouped[(row.doc_id, row.revision)].append((row.id, row.record))
    return {key: tuple(decode_mention(record) for _, record in sorted(rows)) for key, rows in grouped.items()}


def superseded_event(conn: Connection, event_id: str) -> tuple[str, StoredDocument] | None:
    """The event JSON of ``event_id`` in the newest superseded revision that has it, with that
    revision's document; None when no superseded revision has it."""
    stmt = (
        select(
            superseded_mentions.c.record,
            superseded_documents.c.doc_id.label("id"),
            superseded_documents,
        )
        .join(
            superseded_documents,
            (superseded_documents.c.doc_id == superseded_mentions.c.doc_id)
            & (superseded_documents.c.revision == superseded_mentions.c.revision),
        )
        .where(superseded_mentions.c.id == event_id)
        .order_by(superseded_documents.c.revision.desc())
        .limit(1)
    )
    row = conn.execute(stmt).mappings().first()
    if row is None:
        return None
    return row["record"], stored_document(row, revision=row["revision"], superseded=True)
