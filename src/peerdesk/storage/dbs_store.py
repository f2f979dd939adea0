"""DBS check metadata, status checks and risk assessments, read back as records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.check_records import DbsCheck, DbsCheckId, DbsDetails, RiskAssessment
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.evidence import DbsDecision, DbsLevel, StatusCheck
from peerdesk.domain.ids import PswId
from peerdesk.storage.check_models import DbsCheckRow, DbsRiskAssessment, DbsStatusCheck
from peerdesk.storage.lookup import require

WHAT = "DBS check"


def read(row: DbsCheckRow) -> DbsCheck:
    return DbsCheck(
        id=DbsCheckId(row.id),
        psw_id=PswId(row.psw_id),
        details=DbsDetails(
            scheme=DbsScheme(row.scheme),
            level=DbsLevel(row.level),
            certificate_number=row.certificate_number,
            issued_on=row.issued_on,
            update_service=row.update_service,
            seen_by=row.seen_by,
            seen_on=row.seen_on,
            disclosure=row.disclosure,
            disclosure_note=row.disclosure_note,
            decision=None if row.decision is None else DbsDecision(row.decision),
            decided_on=row.decided_on,
            decided_by=row.decided_by,
        ),
        status_checks=tuple(StatusCheck(c.checked_on, c.clean) for c in row.status_checks),
        risk_assessments=tuple(
            RiskAssessment(r.assessed_on, r.panel, r.outcome) for r in row.risk_assessments
        ),
    )


def list_for(s: Session, psw_id: PswId) -> list[DbsCheck]:
    rows = s.scalars(
        select(DbsCheckRow)
        .where(DbsCheckRow.psw_id == psw_id)
        .options(
            selectinload(DbsCheckRow.status_checks), selectinload(DbsCheckRow.risk_assessments)
        )
        .order_by(DbsCheckRow.issued_on.desc(), DbsCheckRow.id.desc())
    )
    return [read(r) for r in rows]


def load(s: Session, dbs_id: DbsCheckId) -> DbsCheckRow:
    return require(s, DbsCheckRow, dbs_id, WHAT)


def insert(s: Session, psw_id: PswId, details: DbsDetails) -> DbsCheck:
    row = DbsCheckRow(psw_id=psw_id, status_checks=[], risk_assessments=[])
    _write(row, details)
    s.add(row)
    s.flush()
    return read(row)


def update_details(s: Session, dbs_id: DbsCheckId, details: DbsDetails) -> DbsCheck:
    row = load(s, dbs_id)
    _write(row, details)
    s.flush()
    return read(row)


def add_status_check(s: Session, dbs_id: DbsCheckId, check: StatusCheck) -> DbsCheck:
    row = load(s, dbs_id)
    row.status_checks.append(DbsStatusCheck(checked_on=check.checked_on, clean=check.clean))
    s.flush()
    return read(row)


def add_risk_assessment(s: Session, dbs_id: DbsCheckId, assessment: RiskAssessment) -> DbsCheck:
    row = load(s, dbs_id)
    row.risk_assessments.append(
        DbsRiskAssessment(
            assessed_on=assessment.assessed_on, panel=assessment.panel, outcome=assessment.outcome
        )
    )
    s.flush()
    return read(row)


def delete(s: Session, dbs_id: DbsCheckId) -> PswId:
    row = load(s, dbs_id)
    psw_id = PswId(row.psw_id)
    s.delete(row)
    s.flush()
    return psw_id


def clear_notes_decided_on_or_before(s: Session, cutoff: dt.date) -> set[PswId]:
    """Blank disclosure notes whose decision was on or before ``cutoff``; whose they were."""
    where = (
        DbsCheckRow.decided_on.is_not(None),
        DbsCheckRow.decided_on <= cutoff,
        DbsCheckRow.disclosure_note != "",
    )
    owners = {PswId(i) for i in s.scalars(select(DbsCheckRow.psw_id).where(*where))}
    if owners:
        s.execute(
            update(DbsCheckRow).where(*where).values(disclosure_note=""),
            execution_options={"synchronize_session": False},
        )
    return owners


def _write(row: DbsCheckRow, d: DbsDetails) -> None:
    row.scheme = d.scheme.value
    row.level = d.level.value
    row.certificate_number = d.certificate_number
    row.issued_on = d.issued_on
    row.update_service = d.update_service
    row.seen_by = d.seen_by
    row.seen_on = d.seen_on
    row.disclosure = d.disclosure
    row.disclosure_note = d.disclosure_note
    row.decision = None if d.decision is None else d.decision.value
    row.decided_on = d.decided_on
    row.decided_by = d.decided_by
