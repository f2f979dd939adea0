"""References for a PSW: request, chase, receive and record the outcome."""

from __future__ import annotations

from peerdesk.domain.check_records import Reference, ReferenceDetails, ReferenceId
from peerdesk.domain.check_rules import reference_problems, tidied_reference
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import recomputed, refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import reference_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Workspace


class ReferenceService:
    """Each write is one transaction that also recomputes the PSW's due dates."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def references(self, psw_id: PswId) -> list[Reference]:
        """The PSW's references numbered in request order."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return reference_store.list_for(s, psw_id)

    def check(self, details: ReferenceDetails) -> list[Problem]:
        """Problems (blocking and warnings) the form shows as the user types."""
        return reference_problems(tidied_reference(details), today=self._clock.today())

    def add(self, psw_id: PswId, details: ReferenceDetails) -> tuple[Reference, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            ref = reference_store.insert(s, psw_id, clean)
            changes = recomputed(s, [psw_id], self._clock)
        return ref, changes

    def update(
        self, reference_id: ReferenceId, details: ReferenceDetails
    ) -> tuple[Reference, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.REFERENCE, reference_id)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            ref = reference_store.update(s, reference_id, clean)
            changes = recomputed(s, [ref.psw_id], self._clock)
        return ref, changes

    def chase(self, reference_id: ReferenceId) -> tuple[Reference, Changes]:
        """Record that the referee was chased today (once a day is enough)."""
        require_sees_record(self._ws, self._viewer, Owned.REFERENCE, reference_id)
        today = self._clock.today()
        with self._ws.transaction() as s:
            ref = reference_store.read(reference_store.load(s, reference_id))
            if ref.details.received_on is not None:
                refuse([Problem("received_on", "This reference has arrived: no need to chase.")])
            if today in ref.chased_on:
                return ref, Changes()
            ref = reference_store.add_chaser(s, reference_id, today)
        return ref, Changes(checks=frozenset({ref.psw_id}))

    def remove(self, reference_id: ReferenceId) -> Changes:
        """Delete a reference; the rest are renumbered."""
        require_sees_record(self._ws, self._viewer, Owned.REFERENCE, reference_id)
        with self._ws.transaction() as s:
            psw_id = reference_store.delete(s, reference_id)
            return recomputed(s, [psw_id], self._clock)

    def _validated(self, details: ReferenceDetails) -> ReferenceDetails:
        clean = tidied_reference(details)
        refuse(reference_problems(clean, today=self._clock.today()))
        return clean
