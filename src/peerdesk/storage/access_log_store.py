"""The append-only access log: one row per use of a right, never names or free text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.storage.protection_models import AccessLogRow


@dataclass(frozen=True)
class AccessEntry:
    """One line of the access log as written (the table's triggers refuse changes)."""

    at: dt.datetime
    viewer: str
    action: str
    record_kind: str = ""
    record_id: int | None = None


def append(s: Session, entry: AccessEntry) -> None:
    s.add(
        AccessLogRow(
            at=entry.at,
            viewer=entry.viewer,
            action=entry.action,
            record_kind=entry.record_kind,
            record_id=entry.record_id,
        )
    )
    s.flush()


def entries(s: Session, *, limit: int = 1000) -> list[AccessEntry]:
    """The newest ``limit`` entries, oldest first."""
    stmt = select(AccessLogRow).order_by(AccessLogRow.id.desc()).limit(limit)
    rows = list(s.scalars(stmt))[::-1]
    return [AccessEntry(r.at, r.viewer, r.action, r.record_kind, r.record_id) for r in rows]
