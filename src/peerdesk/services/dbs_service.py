"""DBS, PVG and AccessNI checks: metadata only, with status checks and risk assessments."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.calendar import add_months
from peerdesk.domain.check_records import (
    DISCLOSURE_NOTE_MONTHS,
    DbsCheck,
    DbsCheckId,
    DbsDetails,
    RiskAssessment,
)
from peerdesk.domain.check_rules import (
    dbs_problems,
    risk_assessment_problems,
    status_check_problems,
    tidied_dbs,
)
from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import StatusCheck
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import recomputed, refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import dbs_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Workspace


class DbsService:
    """Each write is one transaction that also recomputes the PSW's due dates."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def checks(self, psw_id: PswId) -> list[DbsCheck]:
        """The PSW's checks, newest issue date first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return dbs_store.list_for(s, psw_id)

    def check(
        self, details: DbsDetails, *, risk_assessments: tuple[RiskAssessment, ...] = ()
    ) -> list[Problem]:
        """Problems the form shows as the user types."""
        return dbs_problems(
            tidied_dbs(details), today=self._clock.today(), risk_assessments=risk_assessments
        )

    def add(self, psw_id: PswId, details: DbsDetails) -> tuple[DbsCheck, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidied_dbs(details)
        refuse(dbs_problems(clean, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            made = dbs_store.insert(s, psw_id, clean)
            changes = recomputed(s, [psw_id], self._clock)
        return made, changes

    def update(self, dbs_id: DbsCheckId, details: DbsDetails) -> tuple[DbsCheck, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.DBS, dbs_id)
        clean = tidied_dbs(details)
        with self._ws.transaction() as s:
            current = dbs_store.read(dbs_store.load(s, dbs_id))
            refuse(
                dbs_problems(
                    clean, today=self._clock.today(), risk_assessments=current.risk_assessments
                )
            )
            saved = dbs_store.update_details(s, dbs_id, clean)
            changes = recomputed(s, [saved.psw_id], self._clock)
        return saved, changes

    def add_status_check(
        self, dbs_id: DbsCheckId, *, checked_on: dt.date, clean: bool
    ) -> tuple[DbsCheck, Changes]:
        """An Update Service status check; a clean one renews validity from its date."""
        require_sees_record(self._ws, self._viewer, Owned.DBS, dbs_id)
        with self._ws.transaction() as s:
            current = dbs_store.read(dbs_store.load(s, dbs_id))
            refuse(
                status_check_problems(
                    checked_on,
                    issued_on=current.details.issued_on,
                    subscribed=current.details.update_service,
                    today=self._clock.today(),
                )
            )
            saved = dbs_store.add_status_check(s, dbs_id, StatusCheck(checked_on, clean))
            changes = recomputed(s, [saved.psw_id], self._clock)
        return saved, changes

    def add_risk_assessment(
        self, dbs_id: DbsCheckId, assessment: RiskAssessment
    ) -> tuple[DbsCheck, Changes]:
        """Record the risk assessment a disclosure needs before the check can be cleared."""
        require_sees_record(self._ws, self._viewer, Owned.DBS, dbs_id)
        clean = replace(
            assessment, panel=tidy_line(assessment.panel), outcome=tidy(assessment.outcome)
        )
        with self._ws.transaction() as s:
            current = dbs_store.read(dbs_store.load(s, dbs_id))
            refuse(
                risk_assessment_problems(
                    clean, issued_on=current.details.issued_on, today=self._clock.today()
                )
            )
            saved = dbs_store.add_risk_assessment(s, dbs_id, clean)
        return saved, Changes(checks=frozenset({saved.psw_id}))

    def remove(self, dbs_id: DbsCheckId) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.DBS, dbs_id)
        with self._ws.transaction() as s:
            psw_id = dbs_store.delete(s, dbs_id)
            return recomputed(s, [psw_id], self._clock)

    def clear_expired_disclosure_notes(self, today: dt.date | None = None) -> Changes:
        """Blank what-was-disclosed notes six months after their decision (run on unlock)."""
        cutoff = add_months(today or self._clock.today(), -DISCLOSURE_NOTE_MONTHS)
        with self._ws.transaction() as s:
            owners = dbs_store.clear_notes_decided_on_or_before(s, cutoff)
        return Changes(checks=frozenset(owners))
