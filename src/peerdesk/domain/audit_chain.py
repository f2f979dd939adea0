"""The audit log's rows as records, and the SHA-256 chain that makes a changed row show."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64
"""The first row's ``prev_hash``."""

BROKEN = "The audit log's chain is broken at entry {id}: it may have been tampered with"


@dataclass(frozen=True)
class AuditEntry:
    """One row: when, who, what kind of action, on which record, which fields (names only)."""

    id: int
    at: dt.datetime
    user: str
    action: str
    record_kind: str
    record_id: int | None
    fields: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    """``ok`` when every row checked chains to the one before; else the first that does not."""

    ok: bool
    first_broken_id: int | None
    checked: int
    head: tuple[int, str] | None = None
    """The last row that verified (id, hash), from which a later check can carry on."""

    def words(self) -> str:
        """The result as the coordinator reads it."""
        if not self.ok:
            return BROKEN.format(id=self.first_broken_id) + "."
        if self.checked == 0:
            return "The audit log is empty: there is nothing to check yet."
        entries = "1 entry" if self.checked == 1 else f"{self.checked:,} entries"
        return f"The audit log's chain is whole: {entries} checked, none changed or missing."


def canonical(
    row_id: int,
    at: dt.datetime,
    user: str,
    action: str,
    record_kind: str,
    record_id: int | None,
    fields: str,
) -> str:
    """The row's fields as one JSON array: the same text however the row was written or read."""
    stamp = at.isoformat(sep=" ", timespec="microseconds")
    values = [row_id, stamp, user, action, record_kind, record_id, fields]
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, row_canonical: str) -> str:
    """SHA-256 over the previous row's hash and this row's canonical text, as hex."""
    return hashlib.sha256((prev_hash + row_canonical).encode("utf-8")).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    """What ``entry.hash`` should be, from its own fields and ``prev_hash``."""
    text = canonical(
        entry.id,
        entry.at,
        entry.user,
        entry.action,
        entry.record_kind,
        entry.record_id,
        entry.fields,
    )
    return chain_hash(entry.prev_hash, text)


def first_broken(
    rows: Iterable[AuditEntry], after: tuple[int, str] | None
) -> tuple[int | None, int, tuple[int, str] | None]:
    """Walk ``rows`` (oldest first) on from ``after`` (the last good (id, hash), None at start).

    Returns the first row whose link or hash is wrong (None if all hold), how many rows were
    checked, and the last good (id, hash).
    """
    last_id, last_hash = after if after is not None else (0, GENESIS)
    checked = 0
    good = after
    for row in rows:
        checked += 1
        if row.id <= last_id or row.prev_hash != last_hash or entry_hash(row) != row.hash:
            return row.id, checked, good
        last_id, last_hash = row.id, row.hash
        good = (last_id, last_hash)
    return None, checked, good
