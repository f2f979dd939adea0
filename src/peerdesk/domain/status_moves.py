"""A status move checked as a whole (pipeline order, reasons, dates) and "stalled" in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import PIPELINE, JourneyStatus, status_change_problems
from peerdesk.domain.pipeline import (
    DEFAULT_TARGET_DAYS,
    days_at_stage,
    is_stalled,
    move_problem,
)


def status_move_problems(
    current: JourneyStatus, new: JourneyStatus, on: dt.date, reason: str, *, today: dt.date
) -> list[str]:
    """Why ``current`` → ``new`` on ``on`` cannot be recorded (empty when it can).

    Combines the journey's own checks (same status, pausing or leaving unexplained, a future
    date) with the pipeline's: forward one stage at a time, any move back explained.
    """
    found = status_change_problems(current, new, on, reason, today=today)
    if new is current:
        return found
    # Asked with a stand-in reason first, so an illegal move is reported as such, not as
    # a missing reason.
    illegal = move_problem(current, new, "given")
    if illegal is not None:
        return [illegal, *found]
    missing_reason = move_problem(current, new, reason)
    if missing_reason is not None and not new.needs_reason:  # journey already said it
        found.insert(0, missing_reason)
    return found


def leaves_before_active(current: JourneyStatus, new: JourneyStatus) -> bool:
    """Leaving from a stage before active: the outcome and other routes offered are kept."""
    return new is JourneyStatus.LEFT and current in PIPELINE[:-1]


@dataclass(frozen=True)
class StalledPsw:
    """An applicant past their stage's target days (what the dashboard lists)."""

    psw_id: PswId
    name: str
    status: JourneyStatus
    since: dt.date
    days: int
    target: int

    @property
    def stalled_on(self) -> dt.date:
        """The first day they counted as stalled."""
        return self.since + dt.timedelta(days=self.target + 1)

    def words(self) -> str:
        return stalled_words(self.status, self.days, self.target)


def stalled_words(status: JourneyStatus, days: int, target: int) -> str:
    """E.g. "stalled: 30 days at interview (target 21)"."""
    unit = "day" if days == 1 else "days"
    return f"stalled: {days} {unit} at {status.label.lower()} (target {target})"


def stalled_note(
    status: JourneyStatus,
    since: dt.date,
    today: dt.date,
    targets: dict[JourneyStatus, int] | None = None,
) -> str | None:
    """The words for a stalled applicant, or None when they are within target (or past it all)."""
    chosen = targets or DEFAULT_TARGET_DAYS
    if not is_stalled(status, since, today, chosen):
        return None
    return stalled_words(status, days_at_stage(since, today), chosen[status])
