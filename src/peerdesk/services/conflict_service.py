"""Declared conflicts of interest: declare, remove and list them; matching excludes the pairs."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.conflicts import Conflict, ConflictId, ConflictKind, conflict_problems
from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import conflict_store, person_queries, psw_queries, settings_store
from peerdesk.storage.workspace import Workspace


class ConflictService:
    """Each method that writes is one transaction and returns the record and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def check(
        self, kind: ConflictKind | None, note: str, declared_on: dt.date | None = None
    ) -> list[Problem]:
        """Problems the declare dialog shows as the user types."""
        return conflict_problems(
            kind, tidy(note), declared_on or self._clock.today(), today=self._clock.today()
        )

    def declare(
        self,
        person_id: PersonId,
        psw_id: PswId,
        kind: ConflictKind,
        note: str = "",
        *,
        on: dt.date | None = None,
        by: str = "",
    ) -> tuple[Conflict, Changes]:
        """Declare that the person and the PSW must never be matched (once per pair)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        note = tidy(note)
        declared_on = on or self._clock.today()
        with self._ws.transaction() as s:
            person_queries.load(s, person_id)  # NotFound if gone
            psw_queries.load(s, psw_id)
            problems = self.check(kind, note, declared_on)
            if conflict_store.exists(s, person_id, psw_id):
                problems.append(
                    Problem("psw_id", "A conflict with this peer worker is already declared.")
                )
            if problems:
                raise ValidationFailed(problems)
            conflict = conflict_store.insert(
                s,
                person_id,
                psw_id,
                kind=kind,
                note=note,
                declared_on=declared_on,
                now=self._clock.now(),
                recorded_by=tidy_line(by) or recorder_from(settings_store.read_all(s)),
            )
        return conflict, _changes(conflict)

    def remove(self, conflict_id: ConflictId) -> Changes:
        """Remove a conflict declared in error (the UI asks for confirmation first)."""
        require_sees_record(self._ws, self._viewer, Owned.CONFLICT, conflict_id)
        with self._ws.transaction() as s:
            conflict = conflict_store.load(s, conflict_id)
            conflict_store.remove(s, conflict_id)
        return _changes(conflict)

    def for_person(self, person_id: PersonId) -> list[Conflict]:
        with self._ws.reading() as s:
            return conflict_store.for_person(s, person_id)

    def for_psw(self, psw_id: PswId) -> list[Conflict]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return conflict_store.for_psw(s, psw_id)

    def conflicted_psws(self, person_id: PersonId) -> set[PswId]:
        """PSWs never to be matched with the person."""
        with self._ws.reading() as s:
            return conflict_store.conflicted_psws(s, person_id)


def _changes(conflict: Conflict) -> Changes:
    return Changes(people=frozenset({conflict.person_id}), psws=frozenset({conflict.psw_id}))
