"""A match's life: proposed, introduced, active, ended, or withdrawn (issue 5 part 7).

A match is kept as its history: one dated :class:`MatchStep` per stage reached, oldest first.
The rules here are pure (no clock, no storage): the service passes ``today`` and what it knows.

The paths a match may take::

    proposed ──> introduced ──> active ──> ended
        │             │                      ^
        │             └──────────────────────┘   (an introduction that did not go ahead)
        └──> withdrawn                            (before anyone was introduced)

Introduced → ended is allowed on purpose: once the person has met (or been put in touch with)
the PSW, a match that does not go ahead is *ended*, with a reason, so the reason is counted and
the person is offered a return to the waiting list. *Withdrawn* is kept for a proposal that never
reached the person (the coordinator changed their mind, the PSW said no), and needs no reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import format_date
from peerdesk.domain.contacts import MatchId
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.text import LONG_TEXT_MAX

STALE_PROPOSAL_DAYS = 14
"""A proposal more than this many days old needs attention (it is overdue from the next day)."""

QUIET_MATCH_DAYS = 30
"""An active match with no contact for this many days needs attention."""

CONSENT_MESSAGE = "Introducing needs the person's consent to share their details with the PSW."


class MatchStage(Enum):
    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    ACTIVE = "active"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def uses_place(self) -> bool:
        """Proposed, introduced and active matches each take one of the PSW's places."""
        return self in _PLACE_USING

    @property
    def is_final(self) -> bool:
        """Ended and withdrawn matches take no further steps."""
        return not _NEXT[self]


_PLACE_USING = frozenset({MatchStage.PROPOSED, MatchStage.INTRODUCED, MatchStage.ACTIVE})

_NEXT: dict[MatchStage, tuple[MatchStage, ...]] = {
    MatchStage.PROPOSED: (MatchStage.INTRODUCED, MatchStage.WITHDRAWN),
    MatchStage.INTRODUCED: (MatchStage.ACTIVE, MatchStage.ENDED),
    MatchStage.ACTIVE: (MatchStage.ENDED,),
    MatchStage.ENDED: (),
    MatchStage.WITHDRAWN: (),
}

_FIRST = (MatchStage.PROPOSED,)


class EndReason(Enum):
    """Why a match ended (trustees count these)."""

    GOALS_MET = "goals_met"
    PERSONS_CHOICE = "persons_choice"
    PSWS_CHOICE = "psws_choice"
    LOST_CONTACT = "lost_contact"
    MOVED_AWAY = "moved_away"
    SAFEGUARDING = "safeguarding"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _END_LABELS[self]

    @property
    def needs_note(self) -> bool:
        """The reason "other" is explained in the step's note."""
        return self is EndReason.OTHER


_END_LABELS = {
    EndReason.GOALS_MET: "Goals met",
    EndReason.PERSONS_CHOICE: "The person's choice",
    EndReason.PSWS_CHOICE: "The PSW's choice",
    EndReason.LOST_CONTACT: "Lost contact",
    EndReason.MOVED_AWAY: "Moved away",
    EndReason.SAFEGUARDING: "Safeguarding",
    EndReason.OTHER: "Other",
}


@dataclass(frozen=True)
class MatchStep:
    """One dated step of a match: the stage reached, when, who took it and a note.

    ``end_reason`` is given on an ended step and only there.
    """

    stage: MatchStage
    on: dt.date
    by: str
    note: str = ""
    end_reason: EndReason | None = None


@dataclass(frozen=True)
class Match:
    """A person matched with a PSW, and the steps the match has taken (oldest first)."""

    id: MatchId
    person_id: PersonId
    psw_id: PswId
    history: tuple[MatchStep, ...]

    @property
    def stage(self) -> MatchStage | None:
        return current_stage(self.history)


def allowed_next(current: MatchStage | None) -> tuple[MatchStage, ...]:
    """The stages a match may move to from ``current`` (None: no step yet, so only proposed)."""
    return _FIRST if current is None else _NEXT[current]


def current_stage(history: Sequence[MatchStep]) -> MatchStage | None:
    """The stage of the latest step (None for a match with no steps)."""
    return history[-1].stage if history else None


def _order_problem(current: MatchStage | None, new: MatchStage) -> str | None:
    allowed = allowed_next(current)
    if new in allowed:
        return None
    if current is None:
        return f"A match starts as proposed, not {new.value}."
    if new is current:
        return f"The match is already {current.value}: a step is not recorded twice."
    if not allowed:
        return f"The match is {current.value}: it takes no further steps."
    choices = " or ".join(s.value for s in allowed)
    return f"From {current.value}, a match can next be {choices}, not {new.value}."


def step_problems(
    history: Sequence[MatchStep],
    new: MatchStep,
    *,
    today: dt.date,
    consent_to_share: bool,
) -> list[Problem]:
    """Why ``new`` cannot be added after ``history``, naming the field; empty when it can.

    ``history`` is the match's steps so far, oldest first (each once accepted here).
    ``consent_to_share`` is whether the person's consent to share their details with a PSW is
    in force today (the consent ledger's answer); only an introduction needs it.
    """
    problems: list[Problem] = []
    order = _order_problem(current_stage(history), new.stage)
    if order is not None:
        problems.append(Problem("stage", order))
    elif new.stage is MatchStage.INTRODUCED and not consent_to_share:
        problems.append(Problem("stage", CONSENT_MESSAGE))
    if new.on > today:
        problems.append(Problem("on", "The date of a step cannot be in the future."))
    if history and new.on < history[-1].on:
        last = history[-1]
        problems.append(
            Problem(
                "on",
                f"The date is before the last step ({last.stage.value} on {format_date(last.on)}).",
            )
        )
    if not new.by.strip():
        problems.append(Problem("by", "Say who took this step."))
    if new.stage is MatchStage.ENDED:
        if new.end_reason is None:
            problems.append(
                Problem("end_reason", "Say why the match ended: the reason is kept for reports.")
            )
        elif new.end_reason.needs_note and not new.note.strip():
            problems.append(Problem("note", 'The reason is "other": say what it was in the note.'))
    elif new.end_reason is not None:
        problems.append(Problem("end_reason", "Only an ended match has an end reason."))
    if len(new.note) > LONG_TEXT_MAX:
        problems.append(Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters."))
    return problems


def places_used(stages: Iterable[MatchStage]) -> int:
    """How many of a PSW's places these matches (their current stages) take."""
    return sum(1 for s in stages if s.uses_place)


def _since(history: Sequence[MatchStep], stage: MatchStage) -> dt.date | None:
    """The date of the latest step when the match is at ``stage`` now; None otherwise."""
    if not history or history[-1].stage is not stage:
        return None
    return history[-1].on


def stale_proposal(history: Sequence[MatchStep], today: dt.date) -> dt.date | None:
    """The date a still-proposed match became overdue, once it has (None otherwise).

    "Over 14 days old": proposed on 1 March, it is 14 days old on 15 March and overdue from
    16 March.
    """
    proposed_on = _since(history, MatchStage.PROPOSED)
    if proposed_on is None:
        return None
    due = proposed_on + dt.timedelta(days=STALE_PROPOSAL_DAYS + 1)
    return due if today >= due else None


def quiet_match(
    history: Sequence[MatchStep], last_contact_on: dt.date | None, today: dt.date
) -> dt.date | None:
    """The date an active match with no contact in 30 days became due, once it has.

    The quiet spell runs from the later of the day it became active and the last contact
    logged (contacts may start at the introduction). Last contact on 1 March: 2 to 31 March are
    30 days with none, so it is due on 31 March. None when not active or not yet due.
    """
    active_on = _since(history, MatchStage.ACTIVE)
    if active_on is None:
        return None
    since = active_on if last_contact_on is None else max(active_on, last_contact_on)
    due = since + dt.timedelta(days=QUIET_MATCH_DAYS)
    return due if today >= due else None


def return_to_list_date(first_referred_on: dt.date) -> dt.date:
    """The referral date a person keeps when an ended match returns them to the waiting list.

    Their wait counts from their first referral, not from the day the match ended.
    """
    return first_referred_on
