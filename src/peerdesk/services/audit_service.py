"""The audit log for people: pages of entries, checking the chain, export, explicit actions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peerdesk.domain.audit_chain import AuditEntry, VerifyResult, first_broken
from peerdesk.domain.import_table import CellValue
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.export.table_export import table_bytes
from peerdesk.services.clock import Clock
from peerdesk.storage import audit_log
from peerdesk.storage.workspace import Tx, Workspace

PAGE_SIZE = 200
CHUNK = 5000
"""Rows read at a time when walking the chain (a few hundred kilobytes of memory)."""

HEADERS = ("Entry", "Time", "User", "Action", "Record kind", "Record id", "Fields")

EXPORT_KINDS = frozenset(
    {"psw", "person", "match", "review", "supervision", "sar", "request", "form", "plan"}
)
"""Kinds whose reference a suggested file name starts with ("psw-0042-record.pdf")."""
TABLE_KINDS = frozenset({"psws", "people", "attention", "audit", "trustees", "import", "blank"})
"""Name-free words a suggested file name may start with, recorded as the export's kind."""
_REFERENCE = re.compile(r"^([a-z]+)-0*(\d{1,9})(?=[-.])")
_WORD = re.compile(r"^([a-z]+)")


@dataclass(frozen=True)
class AuditPage:
    """Entries newest first, which page this is and how many match the filters in all."""

    entries: tuple[AuditEntry, ...]
    page: int
    total: int

    @property
    def has_more(self) -> bool:
        return (self.page + 1) * PAGE_SIZE < self.total


def export_reference(name: str) -> tuple[str, int | None]:
    """(kind, id) from a suggested file name's reference; names and free text never pass.

    "psw-0042-record.pdf" -> ("psw", 42); "psws-2026-11-23.xlsx" -> ("psws", None); anything
    not built by PeerDesk (a name the person typed) -> ("file", None).
    """
    lowered = name.lower()
    found = _REFERENCE.match(lowered)
    if found and found.group(1) in EXPORT_KINDS:
        return found.group(1), int(found.group(2))
    word = _WORD.match(lowered)
    if word and word.group(1) in TABLE_KINDS:
        return word.group(1), None
    return "file", None


def record_view(workspace: Workspace, kind: str, record_id: int) -> None:
    """One "view" row in its own short transaction (reads cannot write)."""
    with workspace.audit_only() as s:
        audit_log.record(s, "view", kind, record_id)


class AuditService:
    """Reading, checking and exporting the audit log; explicit rows for exports and searches."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def entries(
        self,
        page: int = 0,
        *,
        action: str | None = None,
        kind: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> AuditPage:
        """Page ``page`` (from 0) of entries newest first; dates are inclusive days."""
        self._viewer.require(Action.AUDIT)
        page = max(page, 0)
        start = dt.datetime.combine(since, dt.time()) if since else None
        end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time()) if until else None
        with self._ws.reading() as s:
            found, total = audit_log.page(
                s,
                offset=page * PAGE_SIZE,
                limit=PAGE_SIZE,
                action=action,
                kind=kind,
                since=start,
                until=end,
            )
        return AuditPage(tuple(found), page, total)

    def actions(self) -> list[str]:
        """The actions recorded so far (for the filter)."""
        self._viewer.require(Action.AUDIT)
        with self._ws.reading() as s:
            return audit_log.actions(s)

    def verify(self, progress: Progress | None = None) -> VerifyResult:
        """Walk the whole chain oldest first, in chunks; stops at the first broken entry."""
        self._viewer.require(Action.AUDIT)
        with self._ws.reading() as s:
            return verify_from(s, None, progress)

    def head(self) -> tuple[int, str] | None:
        """The newest entry's (id, hash): what a backup's manifest records."""
        self._viewer.require(Action.AUDIT)
        with self._ws.reading() as s:
            return audit_log.head(s)

    def export_csv(self, progress: Progress | None = None) -> Exported:
        """Every entry, oldest first, as a guarded CSV (no names or values are in the log)."""
        self._viewer.require(Action.BULK_EXPORT)
        rows = self.cells(progress)

        def step(done: int, all_rows: int) -> bool:
            if progress is not None:
                progress.step(done, all_rows)
            return True

        data, _replaced = table_bytes(HEADERS, rows, fmt="csv", progress=step)
        note = "1 entry." if len(rows) == 1 else f"{len(rows):,} entries."
        return Exported(data, f"audit-log-{self._clock.today().isoformat()}.csv", note)

    def cells(self, progress: Progress | None = None) -> list[tuple[CellValue, ...]]:
        """Every entry oldest first as table cells (the columns of :data:`HEADERS`)."""
        self._viewer.require(Action.BULK_EXPORT)
        rows: list[tuple[CellValue, ...]] = []
        with self._ws.reading() as s:
            total = audit_log.count(s)
            for chunk in audit_log.walk(s, CHUNK):
                if progress is not None:
                    progress.step(len(rows), total)
                rows += [
                    (e.id, e.at, e.user, e.action, e.record_kind, e.record_id, e.fields)
                    for e in chunk
                ]
        return rows

    def exported(self, suggested_name: str) -> None:
        """Record that a file was written: kind and id from its suggested name's reference."""
        kind, record_id = export_reference(suggested_name)
        with self._ws.audit_only() as s:
            audit_log.record(s, "export", kind, record_id)

    def record(self, action: str, kind: str = "", record_id: int | None = None) -> None:
        """One row for an action without a record change of its own (lock, check, backup…)."""
        with self._ws.audit_only() as s:
            audit_log.record(s, action, kind, record_id)


def verify_from(
    s: Tx, after: tuple[int, str] | None, progress: Progress | None = None
) -> VerifyResult:
    """Check the rows after ``after`` (the last verified (id, hash); None: from the start)."""
    total = audit_log.count(s) if progress is not None else 0
    checked = 0
    good = after
    start = after[0] if after is not None else 0
    while chunk := audit_log.rows_after(s, start, CHUNK):
        broken, seen, good = first_broken(chunk, good)
        checked += seen
        if broken is not None:
            return VerifyResult(False, broken, checked, good)
        start = chunk[-1].id
        if progress is not None:
            progress.step(checked, total)  # raises Cancelled when the person cancelled
    return VerifyResult(True, None, checked, good)
