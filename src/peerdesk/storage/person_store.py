"""Writes to supported people, each inside the caller's transaction, returning frozen records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from peerdesk.domain.errors import StaleEdit
from peerdesk.domain.ids import PersonId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.person import Person, PersonDetails, PersonStatus
from peerdesk.storage.person_mapping import canonical, read_person, status_change_row, write_details
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.person_queries import load


def insert(
    s: Session,
    details: PersonDetails,
    *,
    status: PersonStatus,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> Person:
    """A new person; their history starts on the date referred."""
    since = details.referred_on
    row = PersonRowModel(
        status=status.value, status_since=since, created_at=now, updated_at=now, version=1
    )
    write_details(row, details)
    row.history = [
        status_change_row(
            old=None, new=status, on=since, reason="", now=now, recorded_by=recorded_by
        )
    ]
    s.add(row)
    s.flush()
    return read_person(load(s, PersonId(row.id)))


def save_details(
    s: Session, person_id: PersonId, details: PersonDetails, *, version: int, now: dt.datetime
) -> Person | None:
    """Overwrite the details; None (and nothing written) when they are unchanged."""
    row = editable(s, person_id, version)
    if canonical(details) == read_person(row).details:
        return None
    write_details(row, details)
    return _touched(s, row, now)


def set_status(
    s: Session,
    person_id: PersonId,
    new: PersonStatus,
    *,
    on: dt.date,
    reason: str,
    version: int,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> Person:
    row = editable(s, person_id, version)
    old = PersonStatus(row.status)
    row.status, row.status_since = new.value, on
    row.history.append(
        status_change_row(old=old, new=new, on=on, reason=reason, now=now, recorded_by=recorded_by)
    )
    return _touched(s, row, now)


def editable(s: Session, person_id: PersonId, version: int) -> PersonRowModel:
    """The row to change, refused if someone saved over ``version`` since the form loaded it."""
    row = load(s, person_id)
    if row.version != version:
        raise StaleEdit(
            "This record was changed since you opened it, so your edits were not saved over it. "
            "They are still in the form: copy what you need, then reload."
        )
    return row


def _touched(s: Session, row: PersonRowModel, now: dt.datetime) -> Person:
    row.updated_at = now
    row.version += 1
    s.flush()
    return read_person(row)
