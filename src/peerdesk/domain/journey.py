"""A PSW's journey: enquiry to active (and paused or left), with dated, explained changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

DEFAULT_RECORDER = "Coordinator"
"""Who recorded a change when no coordinator name is set in Settings."""


class JourneyStatus(Enum):
    """Where a peer support worker is on their journey with the scheme."""

    ENQUIRY = "enquiry"
    APPLICATION = "application"
    INTERVIEW = "interview"
    CHECKS = "checks"
    INDUCTION = "induction"
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def needs_reason(self) -> bool:
        """Pausing and leaving are always explained (trustees count the reasons)."""
        return self in (JourneyStatus.PAUSED, JourneyStatus.LEFT)


PIPELINE = (
    JourneyStatus.ENQUIRY,
    JourneyStatus.APPLICATION,
    JourneyStatus.INTERVIEW,
    JourneyStatus.CHECKS,
    JourneyStatus.INDUCTION,
    JourneyStatus.ACTIVE,
)


@dataclass(frozen=True)
class StatusChange:
    """One dated move on the journey. ``from_status`` is None for the first entry."""

    from_status: JourneyStatus | None
    to_status: JourneyStatus
    on: dt.date
    reason: str
    recorded_at: dt.datetime
    recorded_by: str = DEFAULT_RECORDER
    """Who recorded the move (free text; changes made before this was kept say "Coordinator")."""


def status_change_problems(
    current: JourneyStatus, new: JourneyStatus, on: dt.date, reason: str, *, today: dt.date
) -> list[str]:
    """Why a status change cannot be recorded as given (empty when it can)."""
    problems = []
    if new == current:
        problems.append(f"They are already at {current.label}.")
    if new.needs_reason and not reason.strip():
        problems.append(
            f"Say why they are {new.label.lower()}: the reason is kept in their history."
        )
    if on > today:
        problems.append("The date of a change cannot be in the future.")
    return problems
