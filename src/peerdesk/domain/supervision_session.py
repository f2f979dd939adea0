"""A supervision session as typed and as kept: drafts, records, and the rules a save must pass."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import NewType

from peerdesk.domain.confidentiality import DEFAULT_CONFIDENTIALITY, Confidentiality
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import Problem
from peerdesk.domain.goals import GoalUpdate
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.text import SHORT_TEXT_MAX, fold

SessionId = NewType("SessionId", int)
ActionId = NewType("ActionId", int)
LearningNeedId = NewType("LearningNeedId", int)

NOTE_MAX = 20_000
"""Longest notes, check-in note or addendum (characters)."""
MAX_MINUTES = 480
CHECKIN_WORDS = ("Struggling", "Low", "Okay", "Good", "Thriving")
"""The five-point wellbeing check-in, 1 to 5, in words."""
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class ActionStatus(Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class CarryChoice(Enum):
    """What a new session decides about an open action from an earlier one."""

    DONE = "done"
    KEPT = "kept"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def checkin_word(score: int | None) -> str:
    """ "Okay" for 3; "Not asked" for None."""
    return "Not asked" if score is None else CHECKIN_WORDS[score - 1]


@dataclass(frozen=True)
class ActionDraft:
    text: str
    owner: str = ""
    due_on: dt.date | None = None


@dataclass(frozen=True)
class AttendeeDraft:
    """One attendee's own part: seen only in their history, never by other attendees."""

    psw_id: PswId
    checkin: int | None = None
    checkin_note: str = ""
    learning_needs: tuple[str, ...] = ()
    actions: tuple[ActionDraft, ...] = ()


@dataclass(frozen=True)
class SessionDraft:
    """What the "Record a session" form holds. ``carried`` decides earlier open actions."""

    kind: SupervisionKind
    supervisor: str
    held_on: dt.date
    minutes: int
    attendees: tuple[AttendeeDraft, ...]
    is_group: bool = False
    starts_at: str = ""
    mode: ContactMode = ContactMode.FACE_TO_FACE
    topics: tuple[TaxonomyItemId, ...] = ()
    notes: str = ""
    next_on: dt.date | None = None
    confidentiality: Confidentiality = DEFAULT_CONFIDENTIALITY
    carried: Mapping[ActionId, CarryChoice] = field(default_factory=dict)


@dataclass(frozen=True)
class KeptSession:
    """The supervision form as it stood when PeerDesk locked, kept to offer back on unlocking."""

    psw_id: PswId
    """Whose record the form was opened from."""
    draft: SessionDraft
    goals: tuple[GoalUpdate, ...] = ()
    session_id: SessionId | None = None
    """The session being corrected; None when recording a new one."""
    version: int | None = None
    """The corrected session's version when the form opened, so a change saved elsewhere since
    is still caught on Save ("changed elsewhere") rather than overwritten."""


@dataclass(frozen=True)
class Action:
    id: ActionId
    psw_id: PswId
    text: str
    owner: str
    due_on: dt.date | None
    status: ActionStatus
    origin_on: dt.date
    """The date of the session that agreed it."""
    closed_on: dt.date | None = None


@dataclass(frozen=True)
class LearningNeed:
    id: LearningNeedId
    psw_id: PswId
    text: str
    sent: bool
    """True once sent to the PSW's training-needs profile."""


@dataclass(frozen=True)
class Addendum:
    added_on: dt.date
    text: str
    recorded_by: str


@dataclass(frozen=True)
class OwnPart:
    """One attendee's check-in, learning needs and actions at a session."""

    psw_id: PswId
    checkin: int | None
    checkin_note: str
    learning_needs: tuple[LearningNeed, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class SupervisionSession:
    """A session as one attendee sees it: shared notes, and only their own part."""

    id: SessionId
    kind: SupervisionKind
    is_group: bool
    supervisor: str
    held_on: dt.date
    starts_at: str
    minutes: int
    mode: ContactMode
    topics: tuple[str, ...]
    notes: str
    text_hidden: bool
    """True when the notes (and check-in note) are private and not revealed."""
    confidentiality: Confidentiality
    next_on: dt.date | None
    agreed_by_psw_on: dt.date | None
    agreed_by_supervisor_on: dt.date | None
    attendee_names: tuple[str, ...]
    own: OwnPart
    addenda: tuple[Addendum, ...]

    @property
    def locked(self) -> bool:
        return self.agreed_by_psw_on is not None and self.agreed_by_supervisor_on is not None


@dataclass(frozen=True)
class SessionRow:
    """A line of a PSW's supervision history. ``preview`` is empty unless the notes are shared."""

    id: SessionId
    held_on: dt.date
    kind: SupervisionKind
    is_group: bool
    supervisor: str
    minutes: int
    confidentiality: Confidentiality
    locked: bool
    preview: str


def _text_problems(name: str, label: str, text: str, limit: int) -> list[Problem]:
    if len(text) > limit:
        return [Problem(name, f"{label} can be at most {limit:,} characters.")]
    return []


def session_problems(
    draft: SessionDraft, *, today: dt.date, names: Mapping[PswId, tuple[str, ...]]
) -> list[Problem]:
    """Why ``draft`` cannot be saved. ``names`` gives each attendee's names (full, known as)."""
    problems: list[Problem] = []
    if not draft.supervisor:
        problems.append(Problem("supervisor", "Enter the supervisor's name."))
    problems += _text_problems("supervisor", "The supervisor's name", draft.supervisor, 200)
    if draft.held_on > today:
        problems.append(
            Problem(
                "held_on",
                "This date is in the future. Record it as the next date instead.",
            )
        )
    if not 1 <= draft.minutes <= MAX_MINUTES:
        problems.append(
            Problem(
                "minutes",
                "A session lasts 1 to 480 minutes: 0 minutes or over 8 hours cannot be saved.",
            )
        )
    if draft.starts_at and not _TIME.fullmatch(draft.starts_at):
        problems.append(Problem("starts_at", "Enter the start time as HH:MM, e.g. 14:30."))
    problems += _attendee_problems(draft, names)
    problems += _text_problems("notes", "Notes", draft.notes, NOTE_MAX)
    if draft.next_on is not None and draft.next_on <= draft.held_on:
        problems.append(Problem("next_on", "The next date must be after this session."))
    for part in draft.attendees:
        problems += _own_problems(part, draft.held_on)
    return problems


def _attendee_problems(
    draft: SessionDraft, names: Mapping[PswId, tuple[str, ...]]
) -> list[Problem]:
    problems = []
    ids = [a.psw_id for a in draft.attendees]
    if len(set(ids)) != len(ids):
        problems.append(Problem("attendees", "Each peer worker can attend only once."))
    if draft.is_group and len(set(ids)) < 2:
        problems.append(
            Problem(
                "attendees",
                "A group session needs at least two attendees: add another, or make it individual.",
            )
        )
    if not draft.is_group and len(set(ids)) != 1:
        problems.append(Problem("attendees", "An individual session has one attendee."))
    supervisor = fold(draft.supervisor)
    for psw_id in ids:
        if supervisor and any(fold(n) == supervisor for n in names.get(psw_id, ()) if n):
            problems.append(
                Problem(
                    "supervisor",
                    f"{draft.supervisor} is an attendee: the supervisor cannot be their own "
                    "supervisee.",
                )
            )
            break
    return problems


def _own_problems(part: AttendeeDraft, held_on: dt.date) -> list[Problem]:
    problems = []
    if part.checkin is not None and not 1 <= part.checkin <= len(CHECKIN_WORDS):
        problems.append(Problem("checkin", "Choose a check-in word from the scale."))
    problems += _text_problems("checkin_note", "The check-in note", part.checkin_note, NOTE_MAX)
    for need in part.learning_needs:
        problems += _text_problems("learning_needs", "A learning need", need, SHORT_TEXT_MAX)
    for action in part.actions:
        if not action.text:
            problems.append(Problem("actions", "Say what each action is, or remove its row."))
        problems += _text_problems("actions", "An action", action.text, 2_000)
        problems += _text_problems("actions", "An action's owner", action.owner, SHORT_TEXT_MAX)
        if action.due_on is not None and action.due_on < held_on:
            problems.append(
                Problem("actions", "An action cannot be due before the session that agreed it.")
            )
    return problems


def agreement_problems(
    on: dt.date | None, *, held_on: dt.date, today: dt.date, who: str
) -> list[Problem]:
    """Why an agreement date cannot be recorded."""
    if on is None:
        return []
    if on > today:
        return [Problem("agreed", f"The date {who} agreed cannot be in the future.")]
    if on < held_on:
        return [Problem("agreed", f"The date {who} agreed cannot be before the session.")]
    return []
