"""References and their chasers, inside the caller's transaction, read back as records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.check_records import Reference, ReferenceDetails, ReferenceId, ReferenceKind
from peerdesk.domain.ids import PswId
from peerdesk.storage.check_models import ReferenceChaser, ReferenceRow
from peerdesk.storage.lookup import require

WHAT = "reference"


def read(row: ReferenceRow) -> Reference:
    return Reference(
        id=ReferenceId(row.id),
        psw_id=PswId(row.psw_id),
        position=row.position,
        details=ReferenceDetails(
            requested_on=row.requested_on,
            kind=ReferenceKind(row.kind),
            referee=row.referee,
            contact=row.contact,
            received_on=row.received_on,
            satisfactory=row.satisfactory,
            concerns_followed_up=row.concerns_followed_up,
            outcome_on=row.outcome_on,
        ),
        chased_on=tuple(c.chased_on for c in row.chasers),
    )


def list_for(s: Session, psw_id: PswId) -> list[Reference]:
    rows = s.scalars(
        select(ReferenceRow)
        .where(ReferenceRow.psw_id == psw_id)
        .options(selectinload(ReferenceRow.chasers))
        .order_by(ReferenceRow.position, ReferenceRow.id)
    )
    return [read(r) for r in rows]


def load(s: Session, reference_id: ReferenceId) -> ReferenceRow:
    return require(s, ReferenceRow, reference_id, WHAT)


def insert(s: Session, psw_id: PswId, details: ReferenceDetails) -> Reference:
    last = s.scalar(select(func.max(ReferenceRow.position)).where(ReferenceRow.psw_id == psw_id))
    row = ReferenceRow(psw_id=psw_id, position=(last or 0) + 1, chasers=[])
    _write(row, details)
    s.add(row)
    s.flush()
    return read(row)


def update(s: Session, reference_id: ReferenceId, details: ReferenceDetails) -> Reference:
    row = load(s, reference_id)
    _write(row, details)
    s.flush()
    return read(row)


def add_chaser(s: Session, reference_id: ReferenceId, on: dt.date) -> Reference:
    row = load(s, reference_id)
    row.chasers.append(ReferenceChaser(chased_on=on))
    s.flush()
    return read(row)


def delete(s: Session, reference_id: ReferenceId) -> PswId:
    """Remove a reference and renumber the rest; returns whose it was."""
    row = load(s, reference_id)
    psw_id = PswId(row.psw_id)
    s.delete(row)
    s.flush()
    rest = s.scalars(
        select(ReferenceRow)
        .where(ReferenceRow.psw_id == psw_id)
        .order_by(ReferenceRow.position, ReferenceRow.id)
    )
    for number, other in enumerate(rest, start=1):
        other.position = number
    s.flush()
    return psw_id


def _write(row: ReferenceRow, d: ReferenceDetails) -> None:
    row.kind = d.kind.value
    row.referee = d.referee
    row.contact = d.contact
    row.requested_on = d.requested_on
    row.received_on = d.received_on
    row.satisfactory = d.satisfactory
    row.concerns_followed_up = d.concerns_followed_up
    row.outcome_on = d.outcome_on
