"""Erasure leaves no trace in any decrypted page of the vault or its WAL (test 5, "Erasure").

A test-only page reader (``tests/page_reader.py``) decrypts every page of ``peerdesk.vault`` and
every frame of its ``-wal`` with the data key. A unique marker is put in a PSW's supervision
note (indexed by FTS5); the reader finds it on disk before the erasure. After erasing the PSW
through the real retention path it is in no page, and in no FTS shadow table. With FTS5
``secure-delete`` and SQLite's ``secure_delete`` both off, the same erasure (compacted by a WAL
checkpoint only, no VACUUM) leaves it in pages the reader finds: the reader works, and it is
the secure deletes, not VACUUM, that remove it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.retention import RecordKind
from peerdesk.services.bundle import Services
from peerdesk.services.retention_service import REQUEST
from peerdesk.storage import record_erasure
from peerdesk.storage.engine import engine_key
from tests.page_reader import pages_holding
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_service import session

MARKER = "zqvexmarkerkestrel"
"""Starts with letters no other indexed word starts with, so FTS5's prefix compression of a
segment's terms cannot split it: its bytes appear whole wherever the term is stored."""
FTS_TABLES = ("search_text_data", "search_text_content", "search_text_idx", "search_text_config")


def _engine(services: Services) -> Engine:
    bind = services.workspace.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _key(services: Services) -> bytes:
    key = engine_key(_engine(services))
    assert key is not None
    return bytes(key)


def _on_disk(services: Services) -> list[str]:
    return pages_holding(_key(services), services.paths.db, MARKER.encode("utf-8"))


def _checkpoint_only(engine: Engine) -> None:
    """Compacting without VACUUM or FTS optimize: only the WAL copied back and truncated."""
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _in_fts_tables(services: Services) -> bool:
    with services.workspace.reading() as s:
        for table in FTS_TABLES:
            for row in s.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    shown = value.decode("latin-1") if isinstance(value, bytes) else str(value)
                    if MARKER in shown:
                        return True
    return False


def _marked_psw(services: Services) -> int:
    psw = new_psw(services, "Rowan Ashdown", status=JourneyStatus.INDUCTION)
    session(services, PswId(psw), notes=f"We talked about {MARKER} and sleep.", checkin=MARKER)
    with services.workspace.reading() as s:
        hits = s.execute(
            text("SELECT count(*) FROM search_text WHERE search_text MATCH :m"), {"m": MARKER}
        ).scalar()
    assert hits == 2  # the note and the check-in note are in the FTS5 index
    _checkpoint_only(_engine(services))  # into the .db file, so both files are exercised
    session(services, PswId(psw), notes=f"Then {MARKER} again, in the WAL.")
    assert _on_disk(services), "the reader must see the marker before the erasure"
    return psw


def _erase(services: Services, psw: int) -> None:
    decision = services.retention.erasure_for_request(RecordKind.PSW, psw, 1)
    result = services.retention.act([decision], reason=REQUEST)
    assert [d.record_id for d in result.done] == [psw]


def _secure_delete_off(services: Services) -> None:
    def off(dbapi: Any, _record: Any, _proxy: Any) -> None:
        dbapi.execute("PRAGMA secure_delete = OFF")

    event.listen(_engine(services), "checkout", off)
    with services.workspace.transaction() as s:
        s.execute(text("INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 0)"))


def test_the_real_erasure_leaves_the_marker_in_no_page(services: Services) -> None:
    psw = _marked_psw(services)
    _erase(services, psw)
    assert _on_disk(services) == []
    assert not _in_fts_tables(services)


def test_secure_delete_alone_without_vacuum_leaves_no_page_with_the_marker(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    psw = _marked_psw(services)
    compactions: list[Engine] = []
    checkpoint: Callable[[Engine], None] = lambda e: (compactions.append(e), _checkpoint_only(e))  # noqa: E731
    monkeypatch.setattr(record_erasure, "compact", checkpoint)
    _erase(services, psw)
    assert compactions == [_engine(services)]
    assert _on_disk(services) == []
    assert not _in_fts_tables(services)


def test_with_secure_delete_off_the_reader_finds_the_marker(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    psw = _marked_psw(services)
    _secure_delete_off(services)
    monkeypatch.setattr(record_erasure, "compact", _checkpoint_only)
    _erase(services, psw)
    with services.workspace.reading() as s:
        assert s.execute(text("SELECT count(*) FROM psw WHERE id = :i"), {"i": psw}).scalar() == 0
    found = _on_disk(services)
    assert found, "with both secure deletes off, deleted text stays in freed page space"
    assert all(place.startswith("db page") for place in found)  # the WAL was truncated
    assert _in_fts_tables(services)  # FTS5 keeps a deleted term until its segment is merged
