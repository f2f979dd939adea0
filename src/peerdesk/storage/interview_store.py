"""Application support entries and interviews with their panels, in the caller's Session."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import (
    Interview,
    InterviewDetails,
    InterviewFormat,
    InterviewId,
    InterviewOutcome,
    PanelMember,
    SupportDetails,
    SupportEntry,
    SupportEntryId,
)
from peerdesk.storage.lookup import require
from peerdesk.storage.recruitment_models import (
    ApplicationSupportRow,
    InterviewRow,
    PanelMemberRow,
)


def read_support(row: ApplicationSupportRow) -> SupportEntry:
    return SupportEntry(
        id=SupportEntryId(row.id),
        psw_id=PswId(row.psw_id),
        details=SupportDetails(on=row.given_on, kind=row.kind, given_by=row.given_by),
    )


def support_for(s: Session, psw_id: PswId) -> list[SupportEntry]:
    rows = s.scalars(
        select(ApplicationSupportRow)
        .where(ApplicationSupportRow.psw_id == psw_id)
        .order_by(ApplicationSupportRow.given_on, ApplicationSupportRow.id)
    )
    return [read_support(r) for r in rows]


def insert_support(s: Session, psw_id: PswId, d: SupportDetails) -> SupportEntry:
    row = ApplicationSupportRow(psw_id=psw_id, given_on=d.on, kind=d.kind, given_by=d.given_by)
    s.add(row)
    s.flush()
    return read_support(row)


def delete_support(s: Session, entry_id: SupportEntryId) -> PswId:
    row = require(s, ApplicationSupportRow, entry_id, "support entry")
    psw_id = PswId(row.psw_id)
    s.delete(row)
    s.flush()
    return psw_id


def read_interview(row: InterviewRow) -> Interview:
    return Interview(
        id=InterviewId(row.id),
        psw_id=PswId(row.psw_id),
        details=InterviewDetails(
            held_at=row.held_at,
            format=InterviewFormat(row.format),
            adjustments=row.adjustments,
            questions_shared_at=row.questions_shared_at,
            panel=tuple(
                PanelMember(m.name, m.role, m.lived_experience, m.interview_trained)
                for m in row.panel
            ),
            outcome=InterviewOutcome(row.outcome),
            notes=row.notes,
        ),
    )


def interviews_for(s: Session, psw_id: PswId) -> list[Interview]:
    rows = s.scalars(
        select(InterviewRow)
        .where(InterviewRow.psw_id == psw_id)
        .options(selectinload(InterviewRow.panel))
        .order_by(InterviewRow.held_at, InterviewRow.id)
    )
    return [read_interview(r) for r in rows]


def _write(row: InterviewRow, d: InterviewDetails) -> None:
    row.held_at = d.held_at
    row.format = d.format.value
    row.adjustments = d.adjustments
    row.questions_shared_at = d.questions_shared_at
    row.outcome = d.outcome.value
    row.notes = d.notes
    row.panel = [
        PanelMemberRow(
            position=n,
            name=m.name,
            role=m.role,
            lived_experience=m.lived_experience,
            interview_trained=m.interview_trained,
        )
        for n, m in enumerate(d.panel)
    ]


def insert_interview(s: Session, psw_id: PswId, d: InterviewDetails) -> Interview:
    row = InterviewRow(psw_id=psw_id)
    _write(row, d)
    s.add(row)
    s.flush()
    return read_interview(row)


def update_interview(s: Session, interview_id: InterviewId, d: InterviewDetails) -> Interview:
    row = require(s, InterviewRow, interview_id, "interview")
    _write(row, d)
    s.flush()
    return read_interview(row)


def delete_interview(s: Session, interview_id: InterviewId) -> PswId:
    row = require(s, InterviewRow, interview_id, "interview")
    psw_id = PswId(row.psw_id)
    s.delete(row)
    s.flush()
    return psw_id
