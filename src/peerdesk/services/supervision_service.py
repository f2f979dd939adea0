"""Supervision: record a session with its carried-forward actions, read a PSW's history, lock.

One transaction per user action. A group's notes are shared; each attendee's check-in, learning
needs and actions show only in their own history. A session agreed by both is locked: later
changes are dated addenda.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import PeerDeskError, Problem, StaleEdit, ValidationFailed
from peerdesk.domain.goals import GoalUpdate, update_problems
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.roles import Action as Can
from peerdesk.domain.roles import Role
from peerdesk.domain.supervision import SupervisionPolicy, policy_problems
from peerdesk.domain.supervision_session import (
    NOTE_MAX,
    Action,
    LearningNeedId,
    SessionDraft,
    SessionId,
    SessionRow,
    SupervisionSession,
    agreement_problems,
    session_problems,
)
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.domain.taxonomy_defaults import supervision_topic_items
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.training import NeedStatus, TopicId
from peerdesk.domain.users import same_name
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services import supervision_due_refresh
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.role_guard import (
    Owned,
    require_sees_psw,
    require_sees_psws,
    require_sees_record,
)
from peerdesk.services.supervision_settings import POLICY_KEY, policy_from, policy_json
from peerdesk.storage import (
    list_items,
    review_store,
    search_documents,
    settings_store,
    supervision_store,
    training_store,
)
from peerdesk.storage.workspace import Tx, Workspace

TOPICS_SEEDED_KEY = "supervision.topics_seeded"
LOCKED = "This session was agreed by both and is locked: add a dated addendum instead."


def _tidied(draft: SessionDraft) -> SessionDraft:
    """User text tidied (notes keep their paragraphs); blank learning needs dropped."""
    return replace(
        draft,
        supervisor=tidy_line(draft.supervisor),
        starts_at=draft.starts_at.strip(),
        notes=tidy(draft.notes),
        attendees=tuple(
            replace(
                a,
                checkin_note=tidy(a.checkin_note),
                learning_needs=tuple(n for n in map(tidy_line, a.learning_needs) if n),
                actions=tuple(
                    replace(x, text=tidy(x.text), owner=tidy_line(x.owner)) for x in a.actions
                ),
            )
            for a in draft.attendees
        ),
    )


NOT_YOUR_SESSION = "Only the supervisor who ran this session, or a coordinator, can correct it."


class SupervisionService:
    """Sessions, their actions and addenda, and the frequency policy (kept in settings)."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._ws = workspace
        self._clock = clock
        self._viewer = viewer

    # --- topics -----------------------------------------------------------------------------

    def topics(self) -> list[ListItem]:
        """Supervision topics still offered (not retired), in list order.

        Vaults made before the list existed are seeded here, once: a settings flag records it,
        so a coordinator who later removes every topic does not see them come back.
        """
        with self._ws.transaction() as s:
            if TOPICS_SEEDED_KEY not in settings_store.read_all(s):
                if not any(i.kind is ListKind.SUPERVISION_TOPIC for i in list_items.all_items(s)):
                    list_items.add_items(s, supervision_topic_items())
                settings_store.write(s, TOPICS_SEEDED_KEY, "1")
            found = list_items.all_items(s)
        return [i for i in found if i.kind is ListKind.SUPERVISION_TOPIC and not i.retired]

    # --- sessions ---------------------------------------------------------------------------

    def open_actions(self, psw_id: PswId) -> list[Action]:
        """The PSW's open actions, oldest first, each with the date it was agreed."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return supervision_store.open_actions(s, [psw_id])

    def check(self, draft: SessionDraft, goals: tuple[GoalUpdate, ...] = ()) -> list[Problem]:
        """Problems with ``draft`` (and progress on goals) as the form shows them."""
        clean = _tidied(draft)
        updates = tuple(g.tidied() for g in goals)
        with self._ws.reading() as s:
            return self._problems(s, clean) + self._goal_problems(s, clean, updates)

    def record(
        self, draft: SessionDraft, goals: tuple[GoalUpdate, ...] = ()
    ) -> tuple[SessionId, Changes]:
        """Save a new session, decide its carried-forward actions and note progress on goals
        (dated the session's day), all in one transaction. A supervisor must see every
        attendee (NotFound otherwise, as for a record that is not there)."""
        require_sees_psws(self._ws, self._viewer, [a.psw_id for a in draft.attendees])
        clean = self._signed(_tidied(draft))
        updates = tuple(g.tidied() for g in goals)
        now = self._clock.now()
        with self._ws.transaction() as s:
            refuse(self._problems(s, clean) + self._goal_problems(s, clean, updates))
            session_id = supervision_store.insert_session(
                s, clean, now=now, recorded_by=DEFAULT_RECORDER
            )
            supervision_store.close_carried(
                s, clean.carried, session_id=session_id, held_on=clean.held_on
            )
            moved = review_store.apply_updates(
                s, updates, on=clean.held_on, session_id=session_id, now=now, by=DEFAULT_RECORDER
            )
            supervision_due_refresh.refresh(s, [a.psw_id for a in clean.attendees])
        psws = frozenset(a.psw_id for a in clean.attendees)
        return session_id, Changes(psws=psws, supervision=True, reviews=bool(moved))

    def _goal_problems(
        self, s: Tx, draft: SessionDraft, updates: tuple[GoalUpdate, ...]
    ) -> list[Problem]:
        problems = update_problems(updates, on=draft.held_on, today=self._clock.today())
        if review_store.unknown_goals(s, updates, [a.psw_id for a in draft.attendees]):
            problems.append(
                Problem(
                    "goal_progress",
                    "A goal is no longer open (perhaps changed elsewhere): "
                    "close this form and record the session again.",
                )
            )
        return problems

    def _problems(self, s: Tx, draft: SessionDraft) -> list[Problem]:
        ids = [a.psw_id for a in draft.attendees]
        found = supervision_store.names(s, ids)
        problems = session_problems(draft, today=self._clock.today(), names=found)
        if any(i not in found for i in ids):
            problems.append(Problem("attendees", "An attendee is no longer in the vault."))
        open_ids = {a.id for a in supervision_store.open_actions(s, ids)}
        if any(action_id not in open_ids for action_id in draft.carried):
            problems.append(
                Problem(
                    "carried",
                    "An earlier action is no longer open (perhaps decided in another session): "
                    "close this form and record the session again.",
                )
            )
        return problems

    def history(self, psw_id: PswId) -> list[SessionRow]:
        """Sessions the PSW attended, newest first; previews only of shared notes."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return supervision_store.history(s, psw_id, self._viewer)

    def session(
        self, session_id: SessionId, psw_id: PswId, *, private_revealed: bool = False
    ) -> SupervisionSession:
        """One session as ``psw_id`` sees it (their own check-in and actions only)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return supervision_store.read_session(
                s, session_id, psw_id, self._viewer, private_revealed=private_revealed
            )

    def agree(
        self,
        session_id: SessionId,
        *,
        psw_on: dt.date | None,
        supervisor_on: dt.date | None,
    ) -> Changes:
        """Record when the PSW and the supervisor agreed the notes; both dates lock it."""
        require_sees_record(self._ws, self._viewer, Owned.SESSION, session_id)
        today = self._clock.today()
        with self._ws.transaction() as s:
            row = supervision_store.session_row(s, session_id)
            if row.agreed_by_psw_on is not None and row.agreed_by_supervisor_on is not None:
                raise ValidationFailed([Problem("agreed", LOCKED)])
            refuse(
                agreement_problems(psw_on, held_on=row.held_on, today=today, who="the PSW")
                + agreement_problems(
                    supervisor_on, held_on=row.held_on, today=today, who="the supervisor"
                )
            )
            row.agreed_by_psw_on = psw_on or row.agreed_by_psw_on
            row.agreed_by_supervisor_on = supervisor_on or row.agreed_by_supervisor_on
            row.version += 1
            psws = frozenset(PswId(a.psw_id) for a in row.attendees)
        return Changes(psws=psws, supervision=True)

    def edit_notes(self, session_id: SessionId, notes: str) -> Changes:
        """Change the notes of a session not yet locked; a locked one is refused."""
        require_sees_record(self._ws, self._viewer, Owned.SESSION, session_id)
        notes = tidy(notes)
        if len(notes) > NOTE_MAX:
            raise ValidationFailed(
                [Problem("notes", f"Notes can be at most {NOTE_MAX:,} characters.")]
            )
        with self._ws.transaction() as s:
            row = supervision_store.session_row(s, session_id)
            if row.agreed_by_psw_on is not None and row.agreed_by_supervisor_on is not None:
                raise ValidationFailed([Problem("notes", LOCKED)])
            row.notes = notes
            row.version += 1
            search_documents.index_session(s, session_id)
            psws = frozenset(PswId(a.psw_id) for a in row.attendees)
        return Changes(psws=psws, supervision=True)

    def _signed(self, draft: SessionDraft) -> SessionDraft:
        """A supervisor records and corrects sessions in their own name only: the name decides
        who reads the confidential notes (``visibility.text_visible``), so it is not theirs to
        type."""
        if self._viewer.role is Role.SUPERVISOR:
            return replace(draft, supervisor=self._viewer.id)
        return draft

    def meeting(self, session_id: SessionId) -> tuple[SessionDraft, int]:
        """The meeting details and shared notes of a session, and its version, to correct."""
        require_sees_record(self._ws, self._viewer, Owned.SESSION, session_id)
        with self._ws.reading() as s:
            return supervision_store.meeting(s, session_id)

    def edit_meeting(self, session_id: SessionId, draft: SessionDraft, *, version: int) -> Changes:
        """Correct a session not yet agreed by both: kind, supervisor, date, time, minutes, mode,
        topics, notes, next date and confidentiality. Attendees and their own parts (check-ins,
        learning needs, actions) stay as recorded; ``draft``'s are not read. Refused when
        locked, or when the session changed since ``version`` was read."""
        require_sees_record(self._ws, self._viewer, Owned.SESSION, session_id)
        with self._ws.transaction() as s:
            row = supervision_store.session_row(s, session_id)
            if row.agreed_by_psw_on is not None and row.agreed_by_supervisor_on is not None:
                raise ValidationFailed([Problem("notes", LOCKED)])
            if row.version != version:
                raise StaleEdit("This session was changed elsewhere: close the form and reopen it.")
            stored, _ = supervision_store.meeting(s, session_id)
            if self._viewer.role is Role.SUPERVISOR and not same_name(
                stored.supervisor, self._viewer.id
            ):
                raise PeerDeskError(NOT_YOUR_SESSION)
            clean = self._signed(
                _tidied(replace(draft, attendees=stored.attendees, is_group=stored.is_group))
            )
            ids = [a.psw_id for a in stored.attendees]
            refuse(
                session_problems(
                    clean, today=self._clock.today(), names=supervision_store.names(s, ids)
                )
            )
            supervision_store.save_meeting(s, row, clean)
            supervision_due_refresh.refresh(s, ids)
        return Changes(psws=frozenset(ids), supervision=True)

    def add_addendum(self, session_id: SessionId, text: str) -> Changes:
        """A dated addition (today), the only change a locked session takes."""
        require_sees_record(self._ws, self._viewer, Owned.SESSION, session_id)
        text = tidy(text)
        if not text:
            raise ValidationFailed([Problem("addendum", "Type the addendum.")])
        if len(text) > NOTE_MAX:
            raise ValidationFailed(
                [Problem("addendum", f"An addendum can be at most {NOTE_MAX:,} characters.")]
            )
        with self._ws.transaction() as s:
            row = supervision_store.session_row(s, session_id)
            supervision_store.add_addendum(
                s,
                session_id,
                on=self._clock.today(),
                text=text,
                now=self._clock.now(),
                by=DEFAULT_RECORDER,
            )
            psws = frozenset(PswId(a.psw_id) for a in row.attendees)
        return Changes(psws=psws, supervision=True)

    def send_learning_need(self, need_id: LearningNeedId, topic_id: TopicId) -> Changes:
        """Add the learning need to the PSW's training-needs profile under ``topic_id``."""
        require_sees_record(self._ws, self._viewer, Owned.LEARNING_NEED, need_id)
        with self._ws.transaction() as s:
            need = supervision_store.learning_need(s, need_id)
            if need.training_need_id is not None:
                raise ValidationFailed(
                    [Problem("learning_needs", "This learning need is already in their profile.")]
                )
            training_store.require_topic(s, topic_id)
            held_on = supervision_store.session_row(s, SessionId(need.session_id)).held_on
            source = f"Supervision {format_date(held_on)}: {need.text}"[:200]
            saved = training_store.save_need(
                s,
                psw_id=PswId(need.psw_id),
                topic_id=topic_id,
                source=source,
                status=NeedStatus.OPEN,
            )
            need.training_need_id = saved.id
            s.flush()
        psw = frozenset({PswId(need.psw_id)})
        return Changes(checks=psw, psws=psw, supervision=True)

    # --- frequency policy -------------------------------------------------------------------

    def policy(self) -> SupervisionPolicy:
        with self._ws.reading() as s:
            return policy_from(settings_store.read_all(s))

    def save_policy(self, policy: SupervisionPolicy) -> Changes:
        """Save the frequency policy; refused (nothing saved) when a rule cannot be used."""
        self._viewer.require(Can.SETTINGS)
        refuse(policy_problems(policy))
        with self._ws.transaction() as s:
            settings_store.write(s, POLICY_KEY, policy_json(policy))
            supervision_due_refresh.refresh(s, None)
        return Changes(settings=True, supervision=True)
