"""Declared conflicts between PSWs and supported people, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from peerdesk.domain.conflicts import Conflict, ConflictId, ConflictKind
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.storage.protection_models import ConflictRow


def _record(row: ConflictRow) -> Conflict:
    return Conflict(
        id=ConflictId(row.id),
        person_id=PersonId(row.person_id),
        psw_id=PswId(row.psw_id),
        kind=ConflictKind(row.kind),
        note=row.note,
        declared_on=row.declared_on,
        recorded_by=row.recorded_by,
    )


def insert(
    s: Session,
    person_id: PersonId,
    psw_id: PswId,
    *,
    kind: ConflictKind,
    note: str,
    declared_on: dt.date,
    now: dt.datetime,
    recorded_by: str,
) -> Conflict:
    row = ConflictRow(
        person_id=person_id,
        psw_id=psw_id,
        kind=kind.value,
        note=note,
        declared_on=declared_on,
        recorded_at=now,
        recorded_by=recorded_by,
    )
    s.add(row)
    s.flush()
    return _record(row)


def load(s: Session, conflict_id: ConflictId) -> Conflict:
    row = s.get(ConflictRow, conflict_id)
    if row is None:
        raise NotFound("That conflict is no longer recorded.")
    return _record(row)


def remove(s: Session, conflict_id: ConflictId) -> None:
    s.execute(delete(ConflictRow).where(ConflictRow.id == conflict_id))


def for_person(s: Session, person_id: PersonId) -> list[Conflict]:
    """The person's declared conflicts, oldest first."""
    stmt = select(ConflictRow).where(ConflictRow.person_id == person_id).order_by(ConflictRow.id)
    return [_record(r) for r in s.scalars(stmt)]


def for_psw(s: Session, psw_id: PswId) -> list[Conflict]:
    """The PSW's declared conflicts, oldest first."""
    stmt = select(ConflictRow).where(ConflictRow.psw_id == psw_id).order_by(ConflictRow.id)
    return [_record(r) for r in s.scalars(stmt)]


def exists(s: Session, person_id: PersonId, psw_id: PswId) -> bool:
    stmt = select(ConflictRow.id).where(
        ConflictRow.person_id == person_id, ConflictRow.psw_id == psw_id
    )
    return s.scalar(stmt.limit(1)) is not None


def conflicted_by_person(s: Session) -> dict[PersonId, set[PswId]]:
    """Every declared conflict, per person (the caseload plan reads them all at once)."""
    found: dict[PersonId, set[PswId]] = {}
    for person, psw in s.execute(select(ConflictRow.person_id, ConflictRow.psw_id)):
        found.setdefault(PersonId(person), set()).add(PswId(psw))
    return found


def conflicted_psws(s: Session, person_id: PersonId) -> set[PswId]:
    """PSWs the person may never be matched with (a declared conflict), from the index alone."""
    stmt = select(ConflictRow.psw_id).where(ConflictRow.person_id == person_id).distinct()
    return {PswId(r[0]) for r in s.execute(stmt)}
