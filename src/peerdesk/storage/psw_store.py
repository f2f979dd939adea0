"""Writes to PSW records, each inside the caller's transaction, returning frozen records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import Problem, StaleEdit, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import DEFAULT_RECORDER, JourneyStatus
from peerdesk.domain.psw import Psw, PswDetails
from peerdesk.storage.models import PswRowModel, PswStatusChange
from peerdesk.storage.psw_mapping import canonical, read_psw, status_change_row, write_details
from peerdesk.storage.psw_queries import load
from peerdesk.storage.search_documents import unindex_psw


def insert(
    s: Session,
    details: PswDetails,
    *,
    status: JourneyStatus,
    since: dt.date,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> Psw:
    row = PswRowModel(
        status=status.value,
        status_since=since,
        archived=False,
        created_at=now,
        updated_at=now,
        version=1,
    )
    write_details(row, details)
    row.history = [
        status_change_row(
            old=None, new=status, on=since, reason="", now=now, recorded_by=recorded_by
        )
    ]
    s.add(row)
    s.flush()
    return read_psw(load(s, PswId(row.id)))


def save_details(
    s: Session, psw_id: PswId, details: PswDetails, *, version: int, now: dt.datetime
) -> Psw | None:
    """Overwrite the details; None (and nothing written) when they are unchanged."""
    row = _editable(s, psw_id, version)
    if canonical(details) == read_psw(row).details:
        return None
    write_details(row, details)
    return _touched(s, row, now)


def set_archived(s: Session, psw_id: PswId, archived: bool, *, now: dt.datetime) -> Psw:
    row = load(s, psw_id)
    if row.archived == archived:
        return read_psw(row)
    row.archived = archived
    return _touched(s, row, now)


def set_status(
    s: Session,
    psw_id: PswId,
    new: JourneyStatus,
    *,
    on: dt.date,
    reason: str,
    version: int,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> Psw:
    row = _editable(s, psw_id, version)
    old = JourneyStatus(row.status)
    row.status, row.status_since = new.value, on
    row.history.append(
        status_change_row(old=old, new=new, on=on, reason=reason, now=now, recorded_by=recorded_by)
    )
    return _touched(s, row, now)


def latest_change_id(s: Session, psw_id: PswId) -> int:
    """The id of the PSW's newest status change (what a leaving outcome hangs on)."""
    return int(
        s.execute(
            select(func.max(PswStatusChange.id)).where(PswStatusChange.psw_id == psw_id)
        ).scalar_one()
    )


def drop_last_status(s: Session, psw_id: PswId, *, version: int, now: dt.datetime) -> Psw:
    row = _editable(s, psw_id, version)
    if len(row.history) < 2:
        raise ValidationFailed([Problem("status", "There is no status change to undo.")])
    s.delete(row.history.pop())
    previous = row.history[-1]
    row.status, row.status_since = previous.to_status, previous.changed_on
    return _touched(s, row, now)


def delete(s: Session, psw_id: PswId, *, version: int) -> None:
    row = _editable(s, psw_id, version)
    unindex_psw(s, psw_id)  # their search documents go in the same transaction
    s.delete(row)
    s.flush()


def _editable(s: Session, psw_id: PswId, version: int) -> PswRowModel:
    row = load(s, psw_id)
    if row.version != version:
        raise StaleEdit(
            "This record was changed since you opened it, so your edits were not saved over it. "
            "They are still in the form: copy what you need, then reload."
        )
    return row


def _touched(s: Session, row: PswRowModel, now: dt.datetime) -> Psw:
    row.updated_at = now
    row.version += 1
    s.flush()
    return read_psw(row)
