"""Application support and interviews: each write one transaction, warnings never block."""

from __future__ import annotations

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import (
    Interview,
    InterviewDetails,
    InterviewId,
    SupportDetails,
    SupportEntry,
    SupportEntryId,
    interview_problems,
    support_problems,
    tidied_interview,
    tidied_support,
)
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import interview_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Workspace


def _changed(psw_id: PswId) -> Changes:
    return Changes(recruitment=frozenset({psw_id}))


class InterviewService:
    """Support given with an application, and interviews with their panels and outcomes."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def support(self, psw_id: PswId) -> list[SupportEntry]:
        """Support entries, oldest first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return interview_store.support_for(s, psw_id)

    def check_support(self, details: SupportDetails) -> list[Problem]:
        return support_problems(tidied_support(details), today=self._clock.today())

    def add_support(self, psw_id: PswId, details: SupportDetails) -> tuple[SupportEntry, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidied_support(details)
        refuse(support_problems(clean, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            entry = interview_store.insert_support(s, psw_id, clean)
        return entry, _changed(psw_id)

    def remove_support(self, entry_id: SupportEntryId) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.SUPPORT, entry_id)
        with self._ws.transaction() as s:
            psw_id = interview_store.delete_support(s, entry_id)
        return _changed(psw_id)

    def interviews(self, psw_id: PswId) -> list[Interview]:
        """Interviews in date order."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return interview_store.interviews_for(s, psw_id)

    def check(self, details: InterviewDetails) -> list[Problem]:
        """Problems and warnings (short notice, no lived experience) as the form is filled in."""
        return interview_problems(tidied_interview(details))

    def add_interview(self, psw_id: PswId, details: InterviewDetails) -> tuple[Interview, Changes]:
        """Save an interview; warnings are for :meth:`check` to show and never refuse a save."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidied_interview(details)
        refuse(interview_problems(clean))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            interview = interview_store.insert_interview(s, psw_id, clean)
        return interview, _changed(psw_id)

    def update_interview(
        self, interview_id: InterviewId, details: InterviewDetails
    ) -> tuple[Interview, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.INTERVIEW, interview_id)
        clean = tidied_interview(details)
        refuse(interview_problems(clean))
        with self._ws.transaction() as s:
            interview = interview_store.update_interview(s, interview_id, clean)
        return interview, _changed(interview.psw_id)

    def remove_interview(self, interview_id: InterviewId) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.INTERVIEW, interview_id)
        with self._ws.transaction() as s:
            psw_id = interview_store.delete_interview(s, interview_id)
        return _changed(psw_id)
