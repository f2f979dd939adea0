"""Peer support workers: find, read, create, edit, archive and move along the journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.leaving import LeavingOutcome, LeavingRecord, leaving_problems, tidied_leaving
from peerdesk.domain.pipeline import days_at_stage, is_stalled
from peerdesk.domain.psw import Psw, PswDetails, PswQuery, PswRow
from peerdesk.domain.psw_rules import check_psw, tidied
from peerdesk.domain.roles import Action
from peerdesk.domain.status_moves import StalledPsw, leaves_before_active, status_move_problems
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services import supervision_due_refresh
from peerdesk.services.audit_service import record_view
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.consent_sync import sync_form_consents
from peerdesk.services.pipeline_settings import recorder_from, targets_from
from peerdesk.services.role_guard import require_sees_psw
from peerdesk.storage import (
    evidence_queries,
    import_queries,
    match_store,
    pipeline_store,
    psw_bulk,
    psw_queries,
    psw_store,
    settings_store,
)
from peerdesk.storage.psw_mapping import read_psw
from peerdesk.storage.workspace import Tx, Workspace

_LEAVING_ONLY_BEFORE_ACTIVE = (
    "The outcome and other routes offered are kept only for someone leaving before they "
    "become active."
)


def insert_new_psw(
    s: Tx,
    clean: PswDetails,
    *,
    status: JourneyStatus,
    since: dt.date | None,
    clock: Clock,
    recorded_by: str,
) -> Psw:
    """Create one PSW from validated ``clean`` details inside the caller's transaction."""
    psw = psw_store.insert(
        s,
        clean,
        status=status,
        since=since or clock.today(),
        now=clock.now(),
        recorded_by=recorded_by,
    )
    _after_insert(s, [(psw.id, clean)], clock)
    return psw


@dataclass(frozen=True)
class NewPswRecord:
    """A validated new record for :func:`insert_new_psws` (a ``psw_bulk.NewPsw``)."""

    details: PswDetails
    status: JourneyStatus
    status_since: dt.date
    history: tuple[StatusChange, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    archived: bool = False


def insert_new_psws(
    s: Tx,
    items: Sequence[tuple[PswDetails, JourneyStatus, dt.date | None]],
    *,
    clock: Clock,
    recorded_by: str,
) -> list[PswId]:
    """Create many PSWs (validated details, status, since) at once: imports.

    Rows are written by ``psw_bulk`` exactly as the form's create writes them, then the same
    follow-up as :func:`insert_new_psw` runs once for them all.
    """
    now, today = clock.now(), clock.today()
    records = [
        NewPswRecord(
            details=clean,
            status=status,
            status_since=since or today,
            history=(StatusChange(None, status, since or today, "", now, recorded_by=recorded_by),),
            created_at=now,
            updated_at=now,
        )
        for clean, status, since in items
    ]
    ids = psw_bulk.insert_many(s, records)
    import_queries.set_first_recorder(s, ids, recorded_by)
    _after_insert(s, [(i, r.details) for i, r in zip(ids, records, strict=True)], clock)
    return ids


def _after_insert(s: Tx, created: Sequence[tuple[PswId, PswDetails]], clock: Clock) -> None:
    # What every new record needs besides its rows: requirements due, the next supervision
    # date, and the consent ledger entries for the boxes ticked on it.
    ids = [psw_id for psw_id, _ in created]
    evidence_queries.recompute_due(s, ids, clock.today())
    supervision_due_refresh.refresh(s, ids)
    for psw_id, clean in created:
        if clean.lived_experience:  # only consent boxes write the ledger
            sync_form_consents(s, psw_id, clean, today=clock.today(), now=clock.now())


class PswService:
    """Each method that writes is one transaction and returns the record and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._last_viewed: PswId | None = None

    def find_ids(self, query: PswQuery, *, viewer: Viewer | None = None) -> list[PswId]:
        """Ids for the table (those ``viewer`` may see), sorted and filtered in SQL."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            return psw_queries.list_ids(s, query, viewer=viewer)

    def rows(self, ids: Sequence[PswId]) -> list[PswRow]:
        with self._ws.reading() as s:
            return psw_queries.rows_for(s, ids)

    def count(self, query: PswQuery, *, viewer: Viewer | None = None) -> int:
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            return psw_queries.count(s, query, viewer=viewer)

    def get(self, psw_id: PswId) -> Psw:
        """The record; opening one (a different one from the last) adds a "view" audit row."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            found = read_psw(psw_queries.load(s, psw_id))
        if psw_id != self._last_viewed:  # re-reads of the record on screen are not new views
            record_view(self._ws, "psw", int(psw_id))
            self._last_viewed = psw_id
        return found

    def check(self, details: PswDetails, psw_id: PswId | None = None) -> list[Problem]:
        """Problems (blocking and warnings) the form shows as the user types.

        For a saved PSW, places cut below the matches in progress only warn: nothing is ended,
        and they are offered no one new until a place frees up.
        """
        problems = check_psw(tidied(details), today=self._clock.today())
        if psw_id is not None and not any(p.field == "capacity" for p in problems):
            with self._ws.reading() as s:
                used = match_store.places_used(s, [psw_id])[psw_id]
            if details.capacity < used:
                problems.append(
                    Problem(
                        "capacity",
                        f"{used} matches are in progress, more than {details.capacity} "
                        "places: none is ended, and no one new is offered until a place "
                        "frees up.",
                        blocking=False,
                    )
                )
        return problems

    def create(
        self,
        details: PswDetails,
        *,
        status: JourneyStatus = JourneyStatus.ENQUIRY,
        since: dt.date | None = None,
    ) -> tuple[Psw, Changes]:
        self._viewer.require(Action.ADD_PSWS)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            recorder = recorder_from(settings_store.read_all(s))
            psw = insert_new_psw(
                s, clean, status=status, since=since, clock=self._clock, recorded_by=recorder
            )
        return psw, Changes(psws=frozenset({psw.id}), psw_membership=True)

    def update(self, psw_id: PswId, details: PswDetails, *, version: int) -> tuple[Psw, Changes]:
        """Save edits made to ``version``; StaleEdit if the record moved on since."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = self._validated(details)
        with self._ws.transaction() as s:
            psw = psw_store.save_details(s, psw_id, clean, version=version, now=self._clock.now())
            if psw is None:
                return read_psw(psw_queries.load(s, psw_id)), Changes()
            # Paid or volunteer decides which requirements apply.
            evidence_queries.recompute_due(s, [psw_id], self._clock.today())
            supervision_due_refresh.refresh(s, [psw_id])
            sync_form_consents(s, psw_id, clean, today=self._clock.today(), now=self._clock.now())
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def set_archived(self, psw_id: PswId, archived: bool) -> tuple[Psw, Changes]:
        """Archive (hide from everyday lists, keep everything) or bring back."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.transaction() as s:
            psw = psw_store.set_archived(s, psw_id, archived, now=self._clock.now())
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def change_status(
        self,
        psw_id: PswId,
        new: JourneyStatus,
        *,
        on: dt.date,
        reason: str,
        version: int,
        leaving: LeavingOutcome | None = None,
        recorded_by: str | None = None,
    ) -> tuple[Psw, Changes]:
        """Record one move along the journey, dated, explained and signed.

        Forward one stage at a time; back, pause or leave with a reason; becoming active (from
        any stage, paused included) only through the readiness gate. ``leaving`` keeps the
        outcome and other routes offered when someone leaves before becoming active, in the
        same transaction. ``recorded_by`` defaults to the coordinator's name from Settings.
        """
        require_sees_psw(self._ws, self._viewer, psw_id)
        reason = tidy(reason)
        clean_leaving = None if leaving is None else tidied_leaving(leaving)
        recorder = tidy_line(recorded_by or "")
        today = self._clock.today()
        with self._ws.transaction() as s:
            current = read_psw(psw_queries.load(s, psw_id))
            found = [
                Problem("status", m)
                for m in status_move_problems(current.status, new, on, reason, today=today)
            ]
            if len(reason) > LONG_TEXT_MAX:
                found.append(
                    Problem("status", f"The reason can be at most {LONG_TEXT_MAX:,} characters.")
                )
            if len(recorder) > SHORT_TEXT_MAX:
                found.append(Problem("recorded_by", f"Use at most {SHORT_TEXT_MAX} characters."))
            if clean_leaving is not None:
                if leaves_before_active(current.status, new):
                    found += leaving_problems(clean_leaving, today=today)
                else:
                    found.append(Problem("leaving_outcome", _LEAVING_ONLY_BEFORE_ACTIVE))
            if new is JourneyStatus.ACTIVE and not found:
                # The one gate for becoming active, from any stage (paused included).
                name, ready = evidence_queries.readiness_for(s, psw_id, today)
                if not ready.ready:
                    found.append(Problem("status", ready.refusal(name)))
            if found:
                raise ValidationFailed(found)
            psw = psw_store.set_status(
                s,
                psw_id,
                new,
                on=on,
                reason=reason,
                version=version,
                now=self._clock.now(),
                recorded_by=recorder or recorder_from(settings_store.read_all(s)),
            )
            if clean_leaving is not None:
                change_id = psw_store.latest_change_id(s, psw_id)
                pipeline_store.record_leaving(s, psw_id, change_id, clean_leaving)
            supervision_due_refresh.refresh(s, [psw_id])
        return psw, Changes(
            psws=frozenset({psw_id}),
            psw_membership=True,
            recruitment=frozenset({psw_id}) if clean_leaving else frozenset(),
        )

    def leaving_outcomes(self, psw_id: PswId) -> list[LeavingRecord]:
        """Outcomes and routes offered each time they left before becoming active."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return pipeline_store.leaving_for(s, psw_id)

    def stalled(self, psw: Psw) -> StalledPsw | None:
        """``psw`` as a stalled applicant (days at stage, target), or None if within target."""
        today = self._clock.today()
        with self._ws.reading() as s:
            targets = targets_from(settings_store.read_all(s))
        target = targets.get(psw.status)
        if (
            psw.archived
            or target is None
            or not is_stalled(psw.status, psw.status_since, today, targets)
        ):
            return None
        return StalledPsw(
            psw_id=psw.id,
            name=psw.details.display_name(),
            status=psw.status,
            since=psw.status_since,
            days=days_at_stage(psw.status_since, today),
            target=target,
        )

    def stalled_psws(self, today: dt.date | None = None) -> list[StalledPsw]:
        """Unarchived applicants past their stage's target days, most overdue first."""
        with self._ws.reading() as s:
            targets = targets_from(settings_store.read_all(s))
            return pipeline_store.stalled_psws(s, today or self._clock.today(), targets)

    def undo_status_change(self, psw_id: PswId, *, version: int) -> tuple[Psw, Changes]:
        """Take back the latest status change (the undo of :meth:`change_status`)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.transaction() as s:
            psw = psw_store.drop_last_status(s, psw_id, version=version, now=self._clock.now())
            supervision_due_refresh.refresh(s, [psw_id])
        return psw, Changes(psws=frozenset({psw_id}), psw_membership=True)

    def remove_new(self, psw_id: PswId, *, version: int) -> Changes:
        """Delete a record created moments ago: the undo of :meth:`create`, nothing else."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.transaction() as s:
            psw_store.delete(s, psw_id, version=version)
        return Changes(psws=frozenset({psw_id}), psw_membership=True)

    def _validated(self, details: PswDetails) -> PswDetails:
        clean = tidied(details)
        problems = check_psw(clean, today=self._clock.today())
        if any(p.blocking for p in problems):
            raise ValidationFailed(problems)
        return clean
