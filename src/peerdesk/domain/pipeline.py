"""The recruitment pipeline's rules: forward one stage at a time, targets per stage, "stalled"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.journey import PIPELINE, JourneyStatus

DEFAULT_TARGET_DAYS: dict[JourneyStatus, int] = {
    JourneyStatus.ENQUIRY: 14,
    JourneyStatus.APPLICATION: 21,
    JourneyStatus.INTERVIEW: 21,
    JourneyStatus.CHECKS: 42,
    JourneyStatus.INDUCTION: 56,
}
"""Days an applicant may spend at a stage before they count as stalled (editable in Settings)."""


@dataclass(frozen=True)
class Move:
    """A status change the coordinator may make from the current stage."""

    to: JourneyStatus
    needs_reason: bool
    label: str


def next_stage(current: JourneyStatus) -> JourneyStatus | None:
    """The one stage forward from ``current`` (None at active, paused or left)."""
    if current in PIPELINE[:-1]:
        return PIPELINE[PIPELINE.index(current) + 1]
    return None


def allowed_moves(current: JourneyStatus) -> list[Move]:
    """Forward one stage; back to any earlier stage, pause or leave from anywhere, with a reason.

    A paused PSW returns to active (through the readiness gate) or to an earlier stage.
    """
    moves: list[Move] = []
    forward = next_stage(current)
    if forward is not None:
        moves.append(Move(forward, False, f"Move on to {forward.label.lower()}"))
    if current is JourneyStatus.PAUSED:
        moves.append(Move(JourneyStatus.ACTIVE, False, "Return to active"))
    earlier = PIPELINE[: PIPELINE.index(current)] if current in PIPELINE else PIPELINE[:-1]
    if current is JourneyStatus.LEFT:
        earlier = PIPELINE[:-1]  # someone who left may come back and start again
    moves += [Move(s, True, f"Back to {s.label.lower()}") for s in reversed(earlier)]
    if current not in (JourneyStatus.PAUSED, JourneyStatus.LEFT):
        moves.append(Move(JourneyStatus.PAUSED, True, "Pause"))
    if current is not JourneyStatus.LEFT:
        moves.append(Move(JourneyStatus.LEFT, True, "Leave"))
    return moves


def move_problem(current: JourneyStatus, new: JourneyStatus, reason: str) -> str | None:
    """Why ``current`` → ``new`` cannot be recorded as given; None when it can."""
    allowed = {m.to: m for m in allowed_moves(current)}
    if new not in allowed:
        if (
            new in PIPELINE
            and current in PIPELINE
            and PIPELINE.index(new) > PIPELINE.index(current)
        ):
            step = next_stage(current)
            assert step is not None
            return (
                f"Stages are taken one at a time: from {current.label.lower()} the next is "
                f"{step.label.lower()}, not {new.label.lower()}."
            )
        return f"They cannot move from {current.label.lower()} to {new.label.lower()}."
    if allowed[new].needs_reason and not reason.strip():
        return (
            f"Say why they are moving to {new.label.lower()}: the reason is kept in their history."
        )
    return None


def days_at_stage(since: dt.date, today: dt.date) -> int:
    return max(0, (today - since).days)


def is_stalled(
    status: JourneyStatus,
    since: dt.date,
    today: dt.date,
    targets: dict[JourneyStatus, int] | None = None,
) -> bool:
    """Past the stage's target days (only stages before active have a target)."""
    target = (targets or DEFAULT_TARGET_DAYS).get(status)
    return target is not None and days_at_stage(since, today) > target


def stalled_since(
    status: JourneyStatus, since: dt.date, targets: dict[JourneyStatus, int] | None = None
) -> dt.date | None:
    """The first day the applicant counts as stalled at this stage (what a dashboard dates)."""
    target = (targets or DEFAULT_TARGET_DAYS).get(status)
    return None if target is None else since + dt.timedelta(days=target + 1)


def target_problems(targets: dict[JourneyStatus, int]) -> list[str]:
    """Target days must be whole days from 1 to 3650, only for stages before active."""
    problems = []
    for status, days in targets.items():
        if status not in DEFAULT_TARGET_DAYS:
            problems.append(f"{status.label} has no target: only stages before active do.")
        elif not 1 <= days <= 3650:
            problems.append(f"The target for {status.label.lower()} must be 1 to 3,650 days.")
    return problems
