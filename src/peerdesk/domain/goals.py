"""Development goals: what, how it is measured, by when, status, and dated progress notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import tidy, tidy_line

GoalId = NewType("GoalId", int)
NOT_SMART = "not yet SMART"
GOAL_MAX = 2000
PROGRESS_MAX = 20_000


class GoalStatus(Enum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def open(self) -> bool:
        return self in (GoalStatus.ON_TRACK, GoalStatus.AT_RISK)


@dataclass(frozen=True)
class GoalDraft:
    """A new goal as typed; blank measure or date are allowed but leave it not yet SMART."""

    what: str
    measure: str = ""
    target_on: dt.date | None = None

    def tidied(self) -> GoalDraft:
        return GoalDraft(tidy(self.what), tidy(self.measure), self.target_on)


@dataclass(frozen=True)
class GoalProgress:
    on: dt.date
    note: str
    session_id: int | None = None


@dataclass(frozen=True)
class Goal:
    id: GoalId
    psw_id: PswId
    review_id: int | None
    what: str
    measure: str
    target_on: dt.date | None
    status: GoalStatus
    progress: tuple[GoalProgress, ...] = ()

    @property
    def smart(self) -> bool:
        return is_smart(self.measure, self.target_on)


def is_smart(measure: str, target_on: dt.date | None) -> bool:
    """SMART enough to track: it says how success is measured and by when."""
    return bool(measure.strip()) and target_on is not None


def smart_marker(measure: str, target_on: dt.date | None) -> str:
    """ "not yet SMART" with what is missing, or "" (words, not colour)."""
    missing = [
        part
        for part, absent in (
            ("a measure", not measure.strip()),
            ("a target date", target_on is None),
        )
        if absent
    ]
    return f"{NOT_SMART}: needs {' and '.join(missing)}" if missing else ""


def goal_problems(draft: GoalDraft, field: str = "goals") -> list[Problem]:
    """Why a goal cannot be saved (an empty ``what`` or too much text); SMART-ness only warns."""
    what = tidy_line(draft.what)
    if not what:
        return [Problem(field, "Say what the goal is.")]
    if len(draft.what) > GOAL_MAX or len(draft.measure) > GOAL_MAX:
        return [Problem(field, f"A goal and its measure can be at most {GOAL_MAX:,} characters.")]
    marker = smart_marker(draft.measure, draft.target_on)
    return [Problem(field, f"{what}: {marker}.", blocking=False)] if marker else []


def progress_problems(on: dt.date, note: str, *, today: dt.date) -> list[Problem]:
    if not tidy(note):
        return [Problem("progress", "Type the progress note.")]
    if len(note) > PROGRESS_MAX:
        return [Problem("progress", f"A note can be at most {PROGRESS_MAX:,} characters.")]
    if on > today:
        return [Problem("progress_on", "A progress note cannot be dated in the future.")]
    return []


@dataclass(frozen=True)
class GoalUpdate:
    """Progress on one open goal, typed in a supervision session: a note (dated the session's
    day) and the goal's status from now on. A blank note with the status unchanged does nothing."""

    goal_id: GoalId
    note: str = ""
    status: GoalStatus | None = None
    """None: leave the status as it is."""

    def tidied(self) -> GoalUpdate:
        return GoalUpdate(self.goal_id, tidy(self.note), self.status)


def update_problems(
    updates: tuple[GoalUpdate, ...], *, on: dt.date, today: dt.date
) -> list[Problem]:
    """Why the goals' progress (tidied) cannot be saved with a session held ``on``."""
    if any(len(u.note) > PROGRESS_MAX for u in updates):
        return [Problem("goal_progress", f"A note can be at most {PROGRESS_MAX:,} characters.")]
    if on > today and any(u.note for u in updates):
        return [Problem("goal_progress", "A progress note cannot be dated in the future.")]
    return []
