"""Many PSWs' check histories at once (demo data, imports): one Core ``executemany`` per table.

Rows are written exactly as the check stores write them, so records inserted here read back
like ones added through the services. The caller recomputes ``requirement_due`` for the PSWs
in the same transaction (``evidence_queries.recompute_due``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from peerdesk.domain.check_records import (
    AdjustmentDetails,
    DbsDetails,
    OhDetails,
    ReferenceDetails,
    RiskAssessment,
)
from peerdesk.domain.evidence import StatusCheck
from peerdesk.domain.ids import PswId
from peerdesk.domain.training import CourseId
from peerdesk.storage.check_models import (
    AdjustmentRow,
    DbsCheckRow,
    DbsRiskAssessment,
    DbsStatusCheck,
    InductionItemRow,
    InductionRow,
    OhReferralRow,
    ReferenceChaser,
    ReferenceRow,
    TrainingRecordRow,
)

Row = dict[str, Any]


class NewReference(Protocol):
    @property
    def details(self) -> ReferenceDetails: ...
    @property
    def chased_on(self) -> Sequence[dt.date]: ...


class NewDbs(Protocol):
    @property
    def details(self) -> DbsDetails: ...
    @property
    def status_checks(self) -> Sequence[StatusCheck]: ...
    @property
    def risk_assessments(self) -> Sequence[RiskAssessment]: ...


class NewInductionItem(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def due_on(self) -> dt.date | None: ...
    @property
    def done_on(self) -> dt.date | None: ...
    @property
    def confirmed_by(self) -> str: ...


class NewInduction(Protocol):
    @property
    def mentor(self) -> str: ...
    @property
    def items(self) -> Sequence[NewInductionItem]: ...


class NewTraining(Protocol):
    @property
    def course_id(self) -> CourseId: ...
    @property
    def done_on(self) -> dt.date: ...


class NewChecks(Protocol):
    """One PSW's check records, validated (``services.demo_checks.DemoChecks`` is one)."""

    @property
    def references(self) -> Sequence[NewReference]: ...
    @property
    def dbs(self) -> Sequence[NewDbs]: ...
    @property
    def occupational_health(self) -> Sequence[OhDetails]: ...
    @property
    def adjustments(self) -> Sequence[AdjustmentDetails]: ...
    @property
    def induction(self) -> NewInduction | None: ...
    @property
    def training(self) -> Sequence[NewTraining]: ...


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _next_id(s: Session, model: Any) -> int:
    return int(s.scalar(select(func.max(model.id))) or 0) + 1


class _Rows:
    """Parameter lists for every table; parents get their ids here so children need no trip."""

    def __init__(self, next_reference: int, next_dbs: int) -> None:
        self.next_reference = next_reference
        self.next_dbs = next_dbs
        self.references: list[Row] = []
        self.chasers: list[Row] = []
        self.dbs: list[Row] = []
        self.status_checks: list[Row] = []
        self.risk_assessments: list[Row] = []
        self.oh: list[Row] = []
        self.adjustments: list[Row] = []
        self.inductions: list[Row] = []
        self.induction_items: list[Row] = []
        self.training: list[Row] = []

    def by_table(self) -> list[tuple[Table, list[Row]]]:
        """Parents first, so foreign keys hold at every statement."""
        return [
            (_table(ReferenceRow), self.references),
            (_table(ReferenceChaser), self.chasers),
            (_table(DbsCheckRow), self.dbs),
            (_table(DbsStatusCheck), self.status_checks),
            (_table(DbsRiskAssessment), self.risk_assessments),
            (_table(OhReferralRow), self.oh),
            (_table(AdjustmentRow), self.adjustments),
            (_table(InductionRow), self.inductions),
            (_table(InductionItemRow), self.induction_items),
            (_table(TrainingRecordRow), self.training),
        ]

    def add(self, psw_id: PswId, checks: NewChecks) -> None:
        for position, ref in enumerate(checks.references, start=1):
            self._reference(psw_id, position, ref)
        for dbs in checks.dbs:
            self._dbs(psw_id, dbs)
        self.oh += (
            {
                "psw_id": psw_id,
                "referred_on": o.referred_on,
                "outcome": None if o.outcome is None else o.outcome.value,
                "outcome_on": o.outcome_on,
            }
            for o in checks.occupational_health
        )
        self.adjustments += (
            {
                "psw_id": psw_id,
                "category": a.category,
                "what": a.what,
                "agreed_on": a.agreed_on,
                "agreed_by": a.agreed_by,
                "status": a.status.value,
                "review_on": a.review_on,
            }
            for a in checks.adjustments
        )
        if checks.induction is not None:
            self.inductions.append({"psw_id": psw_id, "mentor": checks.induction.mentor})
            self.induction_items += (
                {
                    "psw_id": psw_id,
                    "name": item.name,
                    "position": position,
                    "due_on": item.due_on,
                    "done_on": item.done_on,
                    "confirmed_by": item.confirmed_by,
                }
                for position, item in enumerate(checks.induction.items, start=1)
            )
        self.training += (
            {"psw_id": psw_id, "course_id": t.course_id, "done_on": t.done_on}
            for t in checks.training
        )

    def _reference(self, psw_id: PswId, position: int, ref: NewReference) -> None:
        ref_id = self.next_reference
        self.next_reference += 1
        d = ref.details
        self.references.append(
            {
                "id": ref_id,
                "psw_id": psw_id,
                "position": position,
                "kind": d.kind.value,
                "referee": d.referee,
                "contact": d.contact,
                "requested_on": d.requested_on,
                "received_on": d.received_on,
                "satisfactory": d.satisfactory,
                "concerns_followed_up": d.concerns_followed_up,
                "outcome_on": d.outcome_on,
            }
        )
        self.chasers += ({"reference_id": ref_id, "chased_on": on} for on in ref.chased_on)

    def _dbs(self, psw_id: PswId, dbs: NewDbs) -> None:
        dbs_id = self.next_dbs
        self.next_dbs += 1
        d = dbs.details
        self.dbs.append(
            {
                "id": dbs_id,
                "psw_id": psw_id,
                "scheme": d.scheme.value,
                "level": d.level.value,
                "certificate_number": d.certificate_number,
                "issued_on": d.issued_on,
                "update_service": d.update_service,
                "seen_by": d.seen_by,
                "seen_on": d.seen_on,
                "disclosure": d.disclosure,
                "disclosure_note": d.disclosure_note,
                "decision": None if d.decision is None else d.decision.value,
                "decided_on": d.decided_on,
                "decided_by": d.decided_by,
            }
        )
        self.status_checks += (
            {"dbs_id": dbs_id, "checked_on": c.checked_on, "clean": c.clean}
            for c in dbs.status_checks
        )
        self.risk_assessments += (
            {"dbs_id": dbs_id, "assessed_on": r.assessed_on, "panel": r.panel, "outcome": r.outcome}
            for r in dbs.risk_assessments
        )


def insert_checks(s: Session, checks: Sequence[tuple[PswId, NewChecks]]) -> None:
    """Insert each PSW's ``checks`` (already validated and tidied) in the caller's transaction.

    Reference and DBS ids are assigned after the highest in the vault; as with
    ``psw_bulk.insert_many``, a concurrent writer makes SQLite refuse this transaction rather
    than let ids collide.
    """
    if not checks:
        return
    s.flush()  # anything the caller added through the ORM goes first
    rows = _Rows(_next_id(s, ReferenceRow), _next_id(s, DbsCheckRow))
    for psw_id, record in checks:
        rows.add(psw_id, record)
    connection = s.connection()
    for table, params in rows.by_table():
        if params:
            connection.execute(insert(table), params)
