"""Safeguarding concerns and their steps in the vault; every function works inside a caller's Tx.

:func:`raise_from_session` is for the supervision service: a flagged session raises its concern
in the session's own transaction, so the two are saved (or refused) together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.safeguarding import (
    Closing,
    Concern,
    ConcernId,
    ConcernStatus,
    ConcernStep,
    SourceKind,
    raise_problems,
)
from peerdesk.domain.text import tidy
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.concern_models import ConcernRow, ConcernStepRow
from peerdesk.storage.lookup import require
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.visibility import visible_people, visible_psws


@dataclass(frozen=True)
class OpenConcern:
    """What Needs attention reads of an open concern: never its summary."""

    id: ConcernId
    raised_on: dt.date
    psw_id: PswId | None
    psw_name: str
    person_id: PersonId | None
    person_name: str


def _name(known_as: str | None, full_name: str | None) -> str:
    return (known_as or "").strip() or (full_name or "").strip()


def _names(s: Session, rows: Sequence[ConcernRow]) -> tuple[dict[int, str], dict[int, str]]:
    psw_ids = {r.psw_id for r in rows if r.psw_id is not None}
    person_ids = {r.person_id for r in rows if r.person_id is not None}
    psws: dict[int, str] = {}
    people: dict[int, str] = {}
    if psw_ids:
        stmt = select(PswRowModel.id, PswRowModel.known_as, PswRowModel.full_name)
        for i, known, full in s.execute(stmt.where(PswRowModel.id.in_(psw_ids))):
            psws[i] = _name(known, full)
    if person_ids:
        found = select(PersonRowModel.id, PersonRowModel.known_as, PersonRowModel.full_name)
        for i, known, full in s.execute(found.where(PersonRowModel.id.in_(person_ids))):
            people[i] = _name(known, full)
    return psws, people


def _record(row: ConcernRow, psws: dict[int, str], people: dict[int, str]) -> Concern:
    closing = None
    if row.status == ConcernStatus.CLOSED.value and row.closed_on is not None:
        closing = Closing(row.closed_on, row.closing_note, row.was_incident)
    return Concern(
        id=ConcernId(row.id),
        raised_on=row.raised_on,
        source=SourceKind(row.source_kind),
        source_id=row.source_id,
        psw_id=None if row.psw_id is None else PswId(row.psw_id),
        person_id=None if row.person_id is None else PersonId(row.person_id),
        psw_name=psws.get(row.psw_id, "") if row.psw_id is not None else "",
        person_name=people.get(row.person_id, "") if row.person_id is not None else "",
        summary=row.summary,
        who_told=row.who_told,
        referral=row.referral,
        status=ConcernStatus(row.status),
        closing=closing,
        steps=tuple(ConcernStep(st.on, st.text, st.recorded_by) for st in row.steps),
        recorded_by=row.recorded_by,
    )


def _records(s: Session, rows: Iterable[ConcernRow]) -> list[Concern]:
    kept = list(rows)
    psws, people = _names(s, kept)
    return [_record(r, psws, people) for r in kept]


def _row(s: Session, concern_id: ConcernId) -> ConcernRow:
    return require(s, ConcernRow, concern_id, "safeguarding concern")


def read(s: Session, concern_id: ConcernId) -> Concern:
    return _records(s, [_row(s, concern_id)])[0]


def insert(
    s: Session,
    *,
    source: SourceKind,
    source_id: int | None,
    psw_id: PswId | None,
    person_id: PersonId | None,
    raised_on: dt.date,
    summary: str,
    who_told: str = "",
    referral: str = "",
    now: dt.datetime,
    recorded_by: str,
) -> Concern:
    """Add an open concern (already checked); NotFound if its PSW or person has gone."""
    if psw_id is not None:
        require(s, PswRowModel, psw_id, "peer support worker")
    if person_id is not None:
        require(s, PersonRowModel, person_id, "supported person")
    row = ConcernRow(
        raised_on=raised_on,
        source_kind=source.value,
        source_id=source_id,
        psw_id=psw_id,
        person_id=person_id,
        summary=summary,
        who_told=who_told,
        referral=referral,
        status=ConcernStatus.OPEN.value,
        recorded_at=now,
        recorded_by=recorded_by,
    )
    s.add(row)
    s.flush()
    return read(s, ConcernId(row.id))


def raise_from_session(
    s: Session,
    *,
    session_id: int,
    psw_id: PswId,
    summary: str,
    raised_on: dt.date,
    now: dt.datetime,
    recorded_by: str,
) -> Concern:
    """Raise the concern a flagged supervision session carries, inside the caller's transaction.

    The summary is tidied and checked here (ValidationFailed if it is blank or too long, or the
    date is after ``now``), so a caller that forgets to check still cannot save a bad concern;
    the exception rolls back the caller's whole transaction, session included.
    """
    clean = tidy(summary)
    problems = raise_problems(
        summary=clean, raised_on=raised_on, today=now.date(), psw_id=psw_id, person_id=None
    )
    if problems:
        raise ValidationFailed(problems)
    return insert(
        s,
        source=SourceKind.SUPERVISION,
        source_id=session_id,
        psw_id=psw_id,
        person_id=None,
        raised_on=raised_on,
        summary=clean,
        now=now,
        recorded_by=recorded_by,
    )


def add_step(
    s: Session, concern_id: ConcernId, *, on: dt.date, text: str, now: dt.datetime, by: str
) -> Concern:
    row = _row(s, concern_id)
    row.steps.append(ConcernStepRow(on=on, text=text, recorded_at=now, recorded_by=by))
    row.version += 1
    s.flush()
    return read(s, concern_id)


def set_follow_up(s: Session, concern_id: ConcernId, *, who_told: str, referral: str) -> Concern:
    row = _row(s, concern_id)
    row.who_told = who_told
    row.referral = referral
    row.version += 1
    s.flush()
    return read(s, concern_id)


def close(s: Session, concern_id: ConcernId, closing: Closing) -> Concern:
    row = _row(s, concern_id)
    row.status = ConcernStatus.CLOSED.value
    row.closed_on = closing.on
    row.closing_note = closing.note
    row.was_incident = closing.was_incident
    row.version += 1
    s.flush()
    return read(s, concern_id)


def reopen(
    s: Session, concern_id: ConcernId, *, on: dt.date, step: str, now: dt.datetime, by: str
) -> Concern:
    """Open the concern again, writing ``step`` (which keeps what the closing said)."""
    row = _row(s, concern_id)
    row.steps.append(ConcernStepRow(on=on, text=step, recorded_at=now, recorded_by=by))
    row.status = ConcernStatus.OPEN.value
    row.closed_on = None
    row.closing_note = ""
    row.was_incident = None
    row.version += 1
    s.flush()
    return read(s, concern_id)


def _listed(s: Session, where: ColumnElement[bool]) -> list[Concern]:
    stmt = (
        select(ConcernRow)
        .options(selectinload(ConcernRow.steps))
        .where(where)
        .order_by(ConcernRow.raised_on.desc(), ConcernRow.id.desc())
    )
    return _records(s, s.scalars(stmt))


def for_psw(s: Session, psw_id: PswId) -> list[Concern]:
    """The PSW's concerns, newest first, open and closed."""
    return _listed(s, ConcernRow.psw_id == psw_id)


def for_person(s: Session, person_id: PersonId) -> list[Concern]:
    return _listed(s, ConcernRow.person_id == person_id)


def by_ids(s: Session, concern_ids: Iterable[ConcernId]) -> list[Concern]:
    """The concerns with these ids, newest first."""
    return _listed(s, ConcernRow.id.in_(sorted(set(concern_ids))))


def open_concerns(s: Session, viewer: Viewer) -> list[OpenConcern]:
    """Open concerns whose PSW and person (where named) ``viewer`` may see, oldest first."""
    shown_psws = select(PswRowModel.id).where(visible_psws(viewer))
    shown_people = select(PersonRowModel.id).where(visible_people(viewer))
    stmt = (
        select(ConcernRow)
        .where(
            ConcernRow.status == ConcernStatus.OPEN.value,
            or_(ConcernRow.psw_id.is_(None), ConcernRow.psw_id.in_(shown_psws)),
            or_(ConcernRow.person_id.is_(None), ConcernRow.person_id.in_(shown_people)),
        )
        .order_by(ConcernRow.raised_on, ConcernRow.id)
    )
    rows = list(s.scalars(stmt))
    psws, people = _names(s, rows)
    return [
        OpenConcern(
            ConcernId(r.id),
            r.raised_on,
            None if r.psw_id is None else PswId(r.psw_id),
            psws.get(r.psw_id, "") if r.psw_id is not None else "",
            None if r.person_id is None else PersonId(r.person_id),
            people.get(r.person_id, "") if r.person_id is not None else "",
        )
        for r in rows
    ]
