"""Appending to the chained audit log, in the action's own transaction, and reading it back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select
from sqlalchemy.orm import Session

from peerdesk.domain.audit_chain import GENESIS, AuditEntry, canonical, chain_hash
from peerdesk.storage.audit_models import AuditRow

DEFAULT_USER = "Coordinator"
SKIPPED = frozenset(
    {"audit_log", "requirement_due", "supervision_due", "form_draft", "search_text"}
)
"""Tables never recorded automatically: the log itself, derived tables and unsaved drafts."""

PARENTS = (("psw_", "psw_id", "psw"), ("person_", "person_id", "person"))
"""Rows of ``psw_*`` and ``person_*`` tables are parts of the PSW or person record: an edit to
them is recorded as a change to that record, the part's table as the field name."""

_PENDING = "audit_pending"
_CONTEXT = "audit_context"
_TABLE = cast(Table, AuditRow.__table__)


@dataclass(frozen=True)
class AuditContext:
    """Who is acting and the service clock, put on each session by the workspace."""

    user: str = DEFAULT_USER
    now: Callable[[], dt.datetime] = dt.datetime.now


@dataclass(frozen=True)
class Entry:
    """One row to append: never names, values, free text or search terms."""

    action: str
    record_kind: str = ""
    record_id: int | None = None
    fields: tuple[str, ...] = ()


def head(s: Session) -> tuple[int, str] | None:
    """The newest row's (id, hash), or None for an empty log: one primary-key lookup."""
    found = s.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1))
    row = found.first()
    return None if row is None else (int(row[0]), str(row[1]))


def append(s: Session, entries: Sequence[Entry], *, context: AuditContext | None = None) -> None:
    """Append ``entries`` in ``s``'s transaction, chained to the current head."""
    if not entries:
        return
    ctx = context or s.info.get(_CONTEXT) or AuditContext()
    at = ctx.now()
    last = head(s)
    row_id, prev = last if last is not None else (0, GENESIS)
    rows = []
    for entry in entries:
        row_id += 1
        fields = ",".join(entry.fields)
        digest = chain_hash(
            prev,
            canonical(
                row_id, at, ctx.user, entry.action, entry.record_kind, entry.record_id, fields
            ),
        )
        rows.append(
            {
                "id": row_id,
                "at": at,
                "user": ctx.user,
                "action": entry.action,
                "record_kind": entry.record_kind,
                "record_id": entry.record_id,
                "fields": fields,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    s.execute(insert(_TABLE), rows)


def record(s: Session, action: str, kind: str = "", record_id: int | None = None,
           fields: Iterable[str] = ()) -> None:  # fmt: skip
    """Append one row now (explicit actions: view, export, unlock, import, search…)."""
    append(s, [Entry(action, kind, record_id, tuple(fields))])


def set_context(s: Session, context: AuditContext) -> None:
    s.info[_CONTEXT] = context


def capture(factory: Any) -> None:
    """Record create, change and delete of ORM objects made through sessions of ``factory``."""
    from sqlalchemy import event

    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _forget)


def _after_flush(s: Session, _context: Any) -> None:
    pending: dict[tuple[str, int | None], _Change] = s.info.setdefault(_PENDING, {})
    for action, objects in (("create", s.new), ("change", s.dirty), ("delete", s.deleted)):
        for obj in objects:
            _note(pending, action, obj)


@dataclass
class _Change:
    action: str
    fields: set[str]


def _note(pending: dict[tuple[str, int | None], _Change], action: str, obj: Any) -> None:
    state = inspect(obj)
    mapper = state.mapper
    table = getattr(mapper.local_table, "name", "")
    if not table or table in SKIPPED:
        return
    changed = [
        attr.key
        for attr in mapper.column_attrs
        if action != "change" or state.attrs[attr.key].history.has_changes()
    ]
    if action == "change" and not changed:
        return
    for prefix, column, parent in PARENTS:
        if table.startswith(prefix) and column in mapper.columns:
            owner = getattr(obj, column, None)
            key = (parent, None if owner is None else int(owner))
            whole = pending.setdefault(key, _Change("change", set()))
            if whole.action == "change":  # a part of a record made or removed: no field list
                whole.fields.add(table)
            return
    identity = mapper.primary_key_from_instance(obj)
    record_id = identity[0] if len(identity) == 1 and isinstance(identity[0], int) else None
    key = (table, record_id)
    found = pending.get(key)
    if found is None:
        pending[key] = _Change(action, set(changed) if action == "change" else set())
    elif action in ("create", "delete"):
        found.action = action
        found.fields.clear()
    elif found.action == "change":
        found.fields.update(changed)


def _before_commit(s: Session) -> None:
    s.flush()
    pending: dict[tuple[str, int | None], _Change] | None = s.info.pop(_PENDING, None)
    if not pending:
        return
    entries = [
        Entry(change.action, kind, record_id, tuple(sorted(change.fields)))
        for (kind, record_id), change in pending.items()
    ]
    append(s, entries)


def _forget(s: Session) -> None:
    s.info.pop(_PENDING, None)


def count(s: Session) -> int:
    return int(s.execute(select(func.count()).select_from(_TABLE)).scalar_one())


def rows_after(s: Session, after_id: int, limit: int) -> list[AuditEntry]:
    """Up to ``limit`` rows with id above ``after_id``, oldest first (for walking the chain)."""
    found = s.execute(
        select(_TABLE).where(_TABLE.c.id > after_id).order_by(_TABLE.c.id).limit(limit)
    )
    return [AuditEntry(*row) for row in found]


def hash_of(s: Session, row_id: int) -> str | None:
    found = s.execute(select(_TABLE.c.hash).where(_TABLE.c.id == row_id)).scalar_one_or_none()
    return None if found is None else str(found)


def page(
    s: Session,
    *,
    offset: int,
    limit: int,
    action: str | None = None,
    kind: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> tuple[list[AuditEntry], int]:
    """Rows newest first matching the filters, and how many match in all."""
    where = []
    if action:
        where.append(_TABLE.c.action == action)
    if kind:
        where.append(_TABLE.c.record_kind == kind)
    if since is not None:
        where.append(_TABLE.c.at >= since)
    if until is not None:
        where.append(_TABLE.c.at < until)
    query = select(_TABLE).where(*where).order_by(_TABLE.c.id.desc()).offset(offset).limit(limit)
    total = s.execute(select(func.count()).select_from(_TABLE).where(*where)).scalar_one()
    return [AuditEntry(*row) for row in s.execute(query)], int(total)


def actions(s: Session) -> list[str]:
    """The actions the log holds, for the filter."""
    return [
        str(a)
        for a in s.execute(select(_TABLE.c.action).distinct().order_by(_TABLE.c.action)).scalars()
    ]


def walk(s: Session, chunk: int) -> Iterator[list[AuditEntry]]:
    """Every row oldest first, ``chunk`` at a time."""
    after = 0
    while rows := rows_after(s, after, chunk):
        yield rows
        after = rows[-1].id
