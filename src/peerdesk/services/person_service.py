"""Supported people: find, read, refer, edit, change status and see the waiting list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person import (
    Person,
    PersonDetails,
    PersonQuery,
    PersonRow,
    PersonStatus,
)
from peerdesk.domain.person_rules import check_person, status_problems, tidied_person
from peerdesk.domain.roles import Action
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.domain.waiting import WaitingLine
from peerdesk.services.audit_service import record_view
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import person_queries, person_store, settings_store
from peerdesk.storage.person_mapping import read_person
from peerdesk.storage.workspace import Workspace


class PersonService:
    """Each method that writes is one transaction and returns the record and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._last_viewed: PersonId | None = None

    def find_ids(self, query: PersonQuery, *, viewer: Viewer | None = None) -> list[PersonId]:
        """Ids for a people table (those ``viewer`` may see), filtered and sorted (by wait as of
        today, or by name)."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            return person_queries.list_ids(s, query, today=self._clock.today(), viewer=viewer)

    def rows(self, ids: Sequence[PersonId]) -> list[PersonRow]:
        with self._ws.reading() as s:
            return person_queries.rows_for(s, ids)

    def get(self, person_id: PersonId) -> Person:
        """The record; opening one (a different one from the last) adds a "view" audit row."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            found = read_person(person_queries.load(s, person_id))
        if person_id != self._last_viewed:  # re-reads of the record on screen are not new views
            record_view(self._ws, "person", int(person_id))
            self._last_viewed = person_id
        return found

    def check(self, details: PersonDetails) -> list[Problem]:
        """Problems (blocking and warnings) the form shows as the user types."""
        return check_person(tidied_person(details), today=self._clock.today())

    def create(self, details: PersonDetails) -> tuple[Person, Changes]:
        """Add a referral: they start waiting from the date referred."""
        self._viewer.require(Action.SEE_PEOPLE)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            person = person_store.insert(
                s,
                clean,
                status=PersonStatus.WAITING,
                now=self._clock.now(),
                recorded_by=recorder_from(settings_store.read_all(s)),
            )
        return person, Changes(people=frozenset({person.id}))

    def update(
        self, person_id: PersonId, details: PersonDetails, *, version: int
    ) -> tuple[Person, Changes]:
        """Save edits made to ``version``; StaleEdit if the record moved on since."""
        self._viewer.require(Action.SEE_PEOPLE)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            person = person_store.save_details(
                s, person_id, clean, version=version, now=self._clock.now()
            )
            if person is None:
                return read_person(person_queries.load(s, person_id)), Changes()
        return person, Changes(people=frozenset({person_id}))

    def change_status(
        self,
        person_id: PersonId,
        new: PersonStatus,
        *,
        on: dt.date,
        reason: str,
        version: int,
        recorded_by: str | None = None,
    ) -> tuple[Person, Changes]:
        """Record one dated change of status; on hold and closed need a reason.

        The date may be neither in the future nor before their latest change, so time on hold
        (taken off their wait) is always a run of days between two changes.
        """
        self._viewer.require(Action.SEE_PEOPLE)
        reason = tidy(reason)
        recorder = tidy_line(recorded_by or "")
        with self._ws.transaction() as s:
            current = read_person(person_store.editable(s, person_id, version))
            found = status_problems(
                current.status,
                new,
                on,
                reason,
                last_change=current.history[-1].on if current.history else on,
                today=self._clock.today(),
            )
            if len(recorder) > SHORT_TEXT_MAX:
                found.append(Problem("recorded_by", f"Use at most {SHORT_TEXT_MAX} characters."))
            if found:
                raise ValidationFailed(found)
            person = person_store.set_status(
                s,
                person_id,
                new,
                on=on,
                reason=reason,
                version=version,
                now=self._clock.now(),
                recorded_by=recorder or recorder_from(settings_store.read_all(s)),
            )
        return person, Changes(people=frozenset({person_id}))

    def waiting_list(
        self,
        query: PersonQuery | None = None,
        *,
        today: dt.date | None = None,
        viewer: Viewer | None = None,
    ) -> list[WaitingLine]:
        """People waiting, longest wait (less time on hold) first, each with both figures.

        ``query`` narrows by area, language, team or typed text; its statuses default to
        waiting alone, and its sort is ignored (the list is always by wait).
        """
        viewer = viewer or self._viewer
        query = query or PersonQuery()
        if not query.statuses:
            query = replace(query, statuses=frozenset({PersonStatus.WAITING}))
        day = today or self._clock.today()
        with self._ws.reading() as s:
            waits = person_queries.waits_for(s, query, today=day, viewer=viewer)
            ids = person_queries.longest_wait_first(waits)
            rows = person_queries.rows_for(s, ids)
        return [WaitingLine(row, waits[row.id][1]) for row in rows]

    def _validated(self, details: PersonDetails) -> PersonDetails:
        clean = tidied_person(details)
        problems = check_person(clean, today=self._clock.today())
        if any(p.blocking for p in problems):
            raise ValidationFailed(problems)
        return clean
