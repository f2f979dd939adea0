"""Peer support workers: find, read, create, edit, archive and move along the journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, status_change_problems
from peerdesk.domain.psw import Psw, PswDetails, PswQuery, PswRow
from peerdesk.domain.psw_rules import check_psw, tidied
from peerdesk.domain.text import LONG_TEXT_MAX, tidy
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.storage import evidence_queries, psw_queries, psw_store
from peerdesk.storage.psw_mapping import read_psw
from peerdesk.storage.workspace import Workspace


class PswService:
    """Each method that writes is one transaction and returns the record and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._ws = workspace
        self._clock = clock

    def find_ids(self, query: PswQuery) -> list[PswId]:
        """Ids for the table, sorted and filtered in SQL."""
        with self._ws.reading() as s:
            return psw_queries.list_ids(s, query)

    def rows(self, ids: Sequence[PswId]) -> list[PswRow]:
        with self._ws.reading() as s:
            return psw_queries.rows_for(s, ids)

    def count(self, query: PswQuery) -> int:
        with self._ws.reading() as s:
            return psw_queries.count(s, query)

    def get(self, psw_id: PswId) -> Psw:
        with self._ws.reading() as s:
            return read_psw(psw_queries.load(s, psw_id))

    def check(self, details: PswDetails) -> list[Problem]:
        """Problems (blocking and warnings) the form shows as the user types."""
        return check_psw(tidied(details), today=self._clock.today())

    def create(
        self,
        details: PswDetails,
        *,
        status: JourneyStatus = JourneyStatus.ENQUIRY,
        since: dt.date | None = None,
    ) -> tuple[Psw, Changes]:
        clean = self._validated(details)
        with self._ws.transaction() as s:
            psw = psw_store.insert(
                s, clean, status=status, since=since or self._clock.today(), now=self._clock.now()
            )
            evidence_queries.recompute_due(s, [psw.id], self._clock.today())
        return psw, Changes(psws=frozenset({psw.id}), psw_membership=True)

    def update(self, psw_id: PswId, details: PswDetails, *, version: int) -> tuple[Psw, Changes]:
        """Save edits made to ``version``; StaleEdit if the record moved on since."""
        clean = self._validated(details)
        with self._ws.transaction() as s:
            psw = psw_store.save_details(s, psw_id, clean, version=version, now=self._clock.now())
            if psw is None:
                return read_psw(psw_queries.load(s, psw_id)), Changes()
            # Paid or volunteer decides which requirements apply.
            evidence_queries.recompute_due(s, [psw_id], self._clock.today())
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def set_archived(self, psw_id: PswId, archived: bool) -> tuple[Psw, Changes]:
        """Archive (hide from everyday lists, keep everything) or bring back."""
        with self._ws.transaction() as s:
            psw = psw_store.set_archived(s, psw_id, archived, now=self._clock.now())
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def change_status(
        self, psw_id: PswId, new: JourneyStatus, *, on: dt.date, reason: str, version: int
    ) -> tuple[Psw, Changes]:
        reason = tidy(reason)
        with self._ws.transaction() as s:
            current = read_psw(psw_queries.load(s, psw_id))
            found = status_change_problems(
                current.status, new, on, reason, today=self._clock.today()
            )
            if len(reason) > LONG_TEXT_MAX:
                found.append(f"The reason can be at most {LONG_TEXT_MAX:,} characters.")
            if new is JourneyStatus.ACTIVE and not found:
                # The one gate for becoming active, from any stage (paused included).
                name, ready = evidence_queries.readiness_for(s, psw_id, self._clock.today())
                if not ready.ready:
                    found.append(ready.refusal(name))
            if found:
                raise ValidationFailed([Problem("status", m) for m in found])
            psw = psw_store.set_status(
                s, psw_id, new, on=on, reason=reason, version=version, now=self._clock.now()
            )
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def undo_status_change(self, psw_id: PswId, *, version: int) -> tuple[Psw, Changes]:
        """Take back the latest status change (the undo of :meth:`change_status`)."""
        with self._ws.transaction() as s:
            psw = psw_store.drop_last_status(s, psw_id, version=version, now=self._clock.now())
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def remove_new(self, psw_id: PswId, *, version: int) -> Changes:
        """Delete a record created moments ago: the undo of :meth:`create`, nothing else."""
        with self._ws.transaction() as s:
            psw_store.delete(s, psw_id, version=version)
        return Changes(psws=frozenset({psw_id}), psw_membership=True)

    def _validated(self, details: PswDetails) -> PswDetails:
        clean = tidied(details)
        problems = check_psw(clean, today=self._clock.today())
        if any(p.blocking for p in problems):
            raise ValidationFailed(problems)
        return clean
