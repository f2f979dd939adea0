"""Safeguarding concerns: raise, follow up with dated steps, close with a note, reopen."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.safeguarding import (
    Closing,
    Concern,
    ConcernId,
    SourceKind,
    closing_problems,
    follow_up_limits,
    follow_up_problems,
    raise_problems,
    reopen_problems,
    reopen_step_text,
    step_problems,
)
from peerdesk.domain.text import tidy
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import concern_store, settings_store
from peerdesk.storage.workspace import Tx, Workspace

CHANGED = Changes(concerns=True)


class ConcernService:
    """Each write is one transaction and returns the saved concern and ``Changes(concerns=True)``.

    A closed concern takes no steps or follow-up edits until it is reopened (with a reason,
    kept as a step). To raise a concern from a flagged supervision session in that session's
    own transaction, the supervision service calls ``concern_store.raise_from_session(s, …)``.
    """

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    # --- reading ------------------------------------------------------------------------------

    def concern(self, concern_id: ConcernId) -> Concern:
        require_sees_record(self._ws, self._viewer, Owned.CONCERN, concern_id)
        with self._ws.reading() as s:
            return concern_store.read(s, concern_id)

    def for_psw(self, psw_id: PswId) -> list[Concern]:
        """The PSW's concerns, newest first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return concern_store.for_psw(s, psw_id)

    def for_person(self, person_id: PersonId) -> list[Concern]:
        with self._ws.reading() as s:
            return concern_store.for_person(s, person_id)

    def open_concerns(self, viewer: Viewer | None = None) -> list[Concern]:
        """Every open concern about records ``viewer`` may see, newest first."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            found = concern_store.open_concerns(s, viewer)
            return concern_store.by_ids(s, [c.id for c in found])

    # --- checking as the coordinator types ----------------------------------------------------

    def check_raise(
        self,
        *,
        summary: str,
        raised_on: dt.date,
        psw_id: PswId | None = None,
        person_id: PersonId | None = None,
    ) -> list[Problem]:
        if psw_id is not None:
            require_sees_psw(self._ws, self._viewer, psw_id)
        return raise_problems(
            summary=tidy(summary),
            raised_on=raised_on,
            today=self._clock.today(),
            psw_id=psw_id,
            person_id=person_id,
        )

    def check_step(self, concern: Concern, *, on: dt.date, text: str) -> list[Problem]:
        return step_problems(concern, on=on, text=tidy(text), today=self._clock.today())

    def check_close(self, concern: Concern, closing: Closing) -> list[Problem]:
        return closing_problems(concern, _tidied(closing), today=self._clock.today())

    def check_reopen(self, concern: Concern, *, on: dt.date, reason: str) -> list[Problem]:
        return reopen_problems(concern, on=on, reason=tidy(reason), today=self._clock.today())

    # --- writing ------------------------------------------------------------------------------

    def raise_concern(
        self,
        *,
        source: SourceKind,
        raised_on: dt.date,
        summary: str,
        psw_id: PswId | None = None,
        person_id: PersonId | None = None,
        source_id: int | None = None,
        who_told: str = "",
        referral: str = "",
    ) -> tuple[Concern, Changes]:
        """Raise a concern about a PSW and/or a person; ``source_id`` names the session or
        contact it came from, if any."""
        if psw_id is not None:
            require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidy(summary)
        with self._ws.transaction() as s:
            problems = raise_problems(
                summary=clean,
                raised_on=raised_on,
                today=self._clock.today(),
                psw_id=psw_id,
                person_id=person_id,
            )
            told, referred = tidy(who_told), tidy(referral)
            problems += follow_up_limits(who_told=told, referral=referred)
            refuse(problems)
            saved = concern_store.insert(
                s,
                source=source,
                source_id=source_id,
                psw_id=psw_id,
                person_id=person_id,
                raised_on=raised_on,
                summary=clean,
                who_told=told,
                referral=referred,
                now=self._clock.now(),
                recorded_by=_recorder(s),
            )
        return saved, CHANGED

    def add_step(self, concern_id: ConcernId, *, on: dt.date, text: str) -> tuple[Concern, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.CONCERN, concern_id)
        clean = tidy(text)
        with self._ws.transaction() as s:
            concern = concern_store.read(s, concern_id)
            refuse(step_problems(concern, on=on, text=clean, today=self._clock.today()))
            saved = concern_store.add_step(
                s, concern_id, on=on, text=clean, now=self._clock.now(), by=_recorder(s)
            )
        return saved, CHANGED

    def update_follow_up(
        self, concern_id: ConcernId, *, who_told: str, referral: str
    ) -> tuple[Concern, Changes]:
        """Who was told and the referral made (refused once closed)."""
        require_sees_record(self._ws, self._viewer, Owned.CONCERN, concern_id)
        told, referred = tidy(who_told), tidy(referral)
        with self._ws.transaction() as s:
            concern = concern_store.read(s, concern_id)
            refuse(follow_up_problems(concern, who_told=told, referral=referred))
            saved = concern_store.set_follow_up(s, concern_id, who_told=told, referral=referred)
        return saved, CHANGED

    def close(self, concern_id: ConcernId, closing: Closing) -> tuple[Concern, Changes]:
        """Close with a date, a note and whether it was a safeguarding incident."""
        require_sees_record(self._ws, self._viewer, Owned.CONCERN, concern_id)
        clean = _tidied(closing)
        with self._ws.transaction() as s:
            concern = concern_store.read(s, concern_id)
            refuse(closing_problems(concern, clean, today=self._clock.today()))
            saved = concern_store.close(s, concern_id, clean)
        return saved, CHANGED

    def reopen(self, concern_id: ConcernId, *, on: dt.date, reason: str) -> tuple[Concern, Changes]:
        """Open a closed concern again; the reason and the old closing are kept as a step."""
        require_sees_record(self._ws, self._viewer, Owned.CONCERN, concern_id)
        clean = tidy(reason)
        with self._ws.transaction() as s:
            concern = concern_store.read(s, concern_id)
            refuse(reopen_problems(concern, on=on, reason=clean, today=self._clock.today()))
            assert concern.closing is not None  # reopen_problems refuses an open concern
            saved = concern_store.reopen(
                s,
                concern_id,
                on=on,
                step=reopen_step_text(concern.closing, clean),
                now=self._clock.now(),
                by=_recorder(s),
            )
        return saved, CHANGED


def _recorder(s: Tx) -> str:
    return recorder_from(settings_store.read_all(s))


def _tidied(closing: Closing) -> Closing:
    return Closing(closing.on, tidy(closing.note), closing.was_incident)
