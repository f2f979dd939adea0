"""The vault's one full-text search index (FTS5): its SQL, keeping documents current, ranked search.

Design (why snippets can show the original text although the index is folded):

* Folding must be PeerDesk's own (:func:`peerdesk.domain.text.fold`): FTS5's ``unicode61
  remove_diacritics 2`` leaves ł, ø, ß, æ … alone, so "lukasz" would miss "Łukasz". SQLite only
  runs tokenizers written in C, and sqlcipher3 gives Python no way to register one, so folding
  cannot happen inside the tokenizer.
* So the indexed column ``body`` holds the folded words joined by single spaces
  (:func:`peerdesk.domain.search_words.index_text`) and is tokenized by FTS5's ``ascii``
  tokenizer, which splits on ASCII separators only: SQLite sees exactly PeerDesk's words, and the
  query builder emits exactly those words, so index and query cannot drift apart.
* The stored text itself sits beside it in the UNINDEXED column ``original``. ``snippet()`` only
  works on indexed columns, so it runs on ``body`` (choosing the stretch and marking matches,
  with private-use markers) and :func:`peerdesk.domain.search_snippet.original_snippet` maps that
  folded stretch back onto the original words, only for the page of rows returned.
  Rejected: a length-preserving fold (impossible: "ß" is "ss"); indexing the original with
  ``unicode61`` and folding queries (misses ł, ø, ß); ``highlight()`` on a second indexed copy
  (FTS5 only marks matches in the column they were found in).
* ``search_entry`` maps (kind, record id) to the FTS rowid, so replacing or deleting one record's
  document is a keyed lookup, not a scan of the index's UNINDEXED columns.
* ``prefix='2 3 4'`` keeps short prefixes ("ni", "nig") fast; ``secure-delete`` makes FTS5
  overwrite a deleted document's index entries (the vault also runs ``PRAGMA secure_delete``).

:data:`CREATE_STATEMENTS` and :data:`DROP_STATEMENTS` are plain SQL, ready for a migration's
``op.execute``; the functions take a SQLAlchemy ``Connection`` and run in the caller's
transaction, so a record and its document change together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import Connection

from peerdesk.domain.ids import PswId
from peerdesk.domain.search_query import SearchQuery
from peerdesk.domain.search_records import SearchDocument, SearchHit
from peerdesk.domain.search_snippet import (
    CUT,
    MATCH_END,
    MATCH_START,
    SNIPPET_WORDS,
    original_snippet,
)
from peerdesk.domain.search_words import index_text

CREATE_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE search_entry (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        CONSTRAINT uq_search_entry_kind_record UNIQUE (kind, record_id)
    )""",
    """CREATE VIRTUAL TABLE search_text USING fts5(
        body,
        original UNINDEXED,
        kind UNINDEXED,
        record_id UNINDEXED,
        psw_id UNINDEXED,
        day UNINDEXED,
        confidentiality UNINDEXED,
        tokenize = 'ascii',
        prefix = '2 3 4'
    )""",
    "INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 1)",
)
"""Creates the index; run in order (a migration's upgrade)."""

DROP_STATEMENTS: tuple[str, ...] = ("DROP TABLE search_text", "DROP TABLE search_entry")
"""Removes the index (a migration's downgrade)."""

PAGE_SIZE = 20

_SEARCH = """
SELECT kind, record_id, psw_id, day, confidentiality, original,
       snippet(search_text, 0, ?, ?, ?, ?)
FROM search_text
WHERE search_text MATCH ? AND confidentiality IN ({levels})
ORDER BY rank
LIMIT ? OFFSET ?
"""


def create_index(connection: Connection) -> None:
    """Create the index tables on ``connection`` (tests, and a migration's upgrade)."""
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)


def upsert_document(connection: Connection, document: SearchDocument) -> None:
    """Put ``document`` in the index, replacing any earlier one for the same record."""
    row = connection.exec_driver_sql(
        "SELECT id FROM search_entry WHERE kind = ? AND record_id = ?",
        (document.kind, document.record_id),
    ).first()
    if row is None:
        entry_id = connection.exec_driver_sql(
            "INSERT INTO search_entry (kind, record_id) VALUES (?, ?) RETURNING id",
            (document.kind, document.record_id),
        ).scalar_one()
    else:
        entry_id = row[0]
        connection.exec_driver_sql("DELETE FROM search_text WHERE rowid = ?", (entry_id,))
    connection.exec_driver_sql(
        "INSERT INTO search_text (rowid, body, original, kind, record_id, psw_id, day,"
        " confidentiality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            index_text(document.text),
            document.text,
            document.kind,
            document.record_id,
            document.psw_id,
            document.day.isoformat(),
            document.confidentiality,
        ),
    )


def delete_document(connection: Connection, kind: str, record_id: int) -> None:
    """Take one record's document out of the index (nothing happens if it has none)."""
    row = connection.exec_driver_sql(
        "SELECT id FROM search_entry WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).first()
    if row is not None:
        connection.exec_driver_sql("DELETE FROM search_text WHERE rowid = ?", (row[0],))
        connection.exec_driver_sql("DELETE FROM search_entry WHERE id = ?", (row[0],))


def search(
    connection: Connection,
    query: SearchQuery,
    levels: Collection[str],
    *,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> list[SearchHit]:
    """Documents matching ``query`` at one of ``levels``, best first (FTS5's bm25 rank).

    Each hit's snippet is original text with matches between ``MATCH_START`` and ``MATCH_END``.
    """
    if not levels:
        return []
    chosen = sorted(levels)
    sql = _SEARCH.format(levels=", ".join("?" * len(chosen)))
    params = (
        MATCH_START,
        MATCH_END,
        CUT,
        SNIPPET_WORDS,
        query.expression,
        *chosen,
        limit,
        offset,
    )
    return [
        SearchHit(
            kind=kind,
            record_id=record_id,
            psw_id=None if psw_id is None else PswId(psw_id),
            day=dt.date.fromisoformat(day),
            confidentiality=confidentiality,
            snippet=original_snippet(original, fragment),
        )
        for kind, record_id, psw_id, day, confidentiality, original, fragment in (
            connection.exec_driver_sql(sql, params).all()
        )
    ]
