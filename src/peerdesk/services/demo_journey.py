"""Made-up journeys for demo PSWs: a spread of statuses with dated, explained histories."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from peerdesk.domain.journey import PIPELINE, JourneyStatus, StatusChange

S = JourneyStatus

STATUS_WEIGHTS: tuple[tuple[JourneyStatus, int], ...] = (
    (S.ENQUIRY, 7),
    (S.APPLICATION, 5),
    (S.INTERVIEW, 4),
    (S.CHECKS, 6),
    (S.INDUCTION, 5),
    (S.ACTIVE, 52),
    (S.PAUSED, 8),
    (S.LEFT, 13),
)
_STATUSES = tuple(s for s, _ in STATUS_WEIGHTS)
_STATUS_CUMULATIVE = [sum(w for _, w in STATUS_WEIGHTS[: i + 1]) for i in range(len(_STATUSES))]

# Days spent at each pipeline stage before moving on (low, high).
_STAGE_DAYS = {
    S.ENQUIRY: (3, 30),
    S.APPLICATION: (7, 35),
    S.INTERVIEW: (1, 14),
    S.CHECKS: (14, 75),
    S.INDUCTION: (14, 45),
}
_MOVE_NOTES = {
    S.APPLICATION: (
        "Application form received.",
        "Filled in the application with support from the coordinator.",
    ),
    S.INTERVIEW: (
        "Interview booked; questions sent three days in advance.",
        "Asked for an afternoon interview as an adjustment; agreed.",
    ),
    S.CHECKS: ("Offered a place at interview; references and enhanced DBS requested.",),
    S.INDUCTION: ("DBS clear and both references satisfactory.", "Checks complete."),
    S.ACTIVE: ("Induction completed with their buddy.", "Finished induction; first shift booked."),
}
_RETURN_NOTES = ("Back after a break.", "Ready to return; phased return agreed.", "")
PAUSE_REASONS = (
    "Taking a break to look after their own wellbeing.",
    "Caring responsibilities at home for a few months.",
    "Exams at college this term.",
    "Recovering from an operation.",
    "Visiting family abroad for two months.",
    "Started a new full-time job; reviewing in three months.",
    "Asked for a pause after a difficult bereavement.",
)
LEAVE_REASONS = (
    "Moved away for work.",
    "Started a paid peer support role with the NHS trust.",
    "Returning to full-time study.",
    "Retired from volunteering after years of support to others.",
    "Health reasons; welcome to come back when ready.",
    "Decided peer support is not right for them at the moment.",
)
EARLY_LEAVE_REASONS = (
    "Not successful at interview; offered befriending volunteering and Recovery College courses "
    "instead, and accepted the courses.",
    "Withdrew during checks: a new job leaves no time for now.",
    "No reply after two offers of application support; closed.",
    "Decided the role was not right for them yet; signposted to Recovery College courses.",
)


@dataclass(frozen=True)
class Journey:
    status: JourneyStatus
    since: dt.date
    history: tuple[StatusChange, ...]
    archived: bool


def choose_status(rng: random.Random) -> JourneyStatus:
    return rng.choices(_STATUSES, cum_weights=_STATUS_CUMULATIVE)[0]


def make_journey(rng: random.Random, target: JourneyStatus, *, now: dt.datetime) -> Journey:
    """A history ending at ``target`` today or earlier; pauses and leaving always give a reason."""
    moves = _moves(rng, target)
    gaps = [_gap(rng, moves[i - 1][0]) for i in range(1, len(moves))]
    today = now.date()
    dwell = _dwell(rng, target)
    start = today - dt.timedelta(days=sum(gaps) + dwell)
    history: list[StatusChange] = []
    on = start
    previous: JourneyStatus | None = None
    for index, (status, reason) in enumerate(moves):
        if index:
            on += dt.timedelta(days=gaps[index - 1])
        history.append(StatusChange(previous, status, on, reason, _recorded(rng, on, now)))
        previous = status
    archived = target is S.LEFT and (today - on).days > 365 and rng.random() < 0.5
    return Journey(target, on, tuple(history), archived)


def _moves(rng: random.Random, target: JourneyStatus) -> list[tuple[JourneyStatus, str]]:
    if target in PIPELINE[:-1]:
        stages = PIPELINE[: PIPELINE.index(target) + 1]
        return [(s, _note(rng, s)) for s in stages]
    if target is S.LEFT and rng.random() < 0.25:  # left before ever being active
        stop = rng.choice((S.APPLICATION, S.INTERVIEW, S.CHECKS))
        stages = PIPELINE[: PIPELINE.index(stop) + 1]
        return [(s, _note(rng, s)) for s in stages] + [(S.LEFT, rng.choice(EARLY_LEAVE_REASONS))]
    moves = [(s, _note(rng, s)) for s in PIPELINE]
    if rng.random() < 0.2:  # an earlier break they came back from
        moves += [(S.PAUSED, rng.choice(PAUSE_REASONS)), (S.ACTIVE, rng.choice(_RETURN_NOTES))]
    if target is S.PAUSED or (target is S.LEFT and rng.random() < 0.2):
        moves.append((S.PAUSED, rng.choice(PAUSE_REASONS)))
    if target is S.LEFT:
        moves.append((S.LEFT, rng.choice(LEAVE_REASONS)))
    return moves


def _note(rng: random.Random, status: JourneyStatus) -> str:
    notes = _MOVE_NOTES.get(status)
    return rng.choice(notes) if notes and rng.random() < 0.35 else ""


def _gap(rng: random.Random, leaving: JourneyStatus) -> int:
    low, high = _STAGE_DAYS.get(leaving, (30, 500))  # time active or paused before the next move
    return rng.randint(low, high)


def _dwell(rng: random.Random, target: JourneyStatus) -> int:
    """Days since the latest change."""
    if target in _STAGE_DAYS:
        return rng.randint(0, _STAGE_DAYS[target][1])
    if target is S.PAUSED:
        return rng.randint(0, 180)
    return rng.randint(0, 1500)


def _recorded(rng: random.Random, on: dt.date, now: dt.datetime) -> dt.datetime:
    at = dt.datetime.combine(on, dt.time(rng.randint(9, 16), rng.randrange(0, 60, 5)))
    return min(at, now)
