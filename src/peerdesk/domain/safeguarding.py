"""Safeguarding concerns: where one was raised, its dated follow-up, and the rules for closing."""

# A closed concern is not edited: steps and the follow-up fields are refused until it is
# reopened. Reopening needs a date and a reason and is recorded as a dated step that also keeps
# what the closing said, so the history is never lost when the closing fields are cleared.

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId

ConcernId = NewType("ConcernId", int)

TEXT_MAX = 20_000
"""Longest summary, step, follow-up or note (issue 6: up to 20,000 characters a field)."""

OPEN_LINE = "Safeguarding concern open since"
"""Needs attention's words: never the summary, which is sensitive."""


class SourceKind(Enum):
    """Where the concern was raised from."""

    SUPERVISION = "supervision"
    CONTACT = "contact"
    PSW = "psw"
    PERSON = "person"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    SourceKind.SUPERVISION: "Supervision session",
    SourceKind.CONTACT: "Contact",
    SourceKind.PSW: "Peer support worker's record",
    SourceKind.PERSON: "Supported person's record",
}


class ConcernStatus(Enum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ConcernStep:
    on: dt.date
    text: str
    recorded_by: str


@dataclass(frozen=True)
class Closing:
    """What closing a concern needs: a date, a note, and whether it was an incident (yes/no)."""

    on: dt.date
    note: str
    was_incident: bool | None


@dataclass(frozen=True)
class Concern:
    """One concern and its follow-up, with the names of the PSW and person it concerns."""

    id: ConcernId
    raised_on: dt.date
    source: SourceKind
    source_id: int | None
    psw_id: PswId | None
    person_id: PersonId | None
    psw_name: str
    person_name: str
    summary: str
    who_told: str
    referral: str
    status: ConcernStatus
    closing: Closing | None
    steps: tuple[ConcernStep, ...]
    recorded_by: str

    @property
    def is_open(self) -> bool:
        return self.status is ConcernStatus.OPEN

    @property
    def about(self) -> str:
        """ "Jo Bell and Sam Lee", "Jo Bell": whom the concern names (never its summary)."""
        return " and ".join(n for n in (self.person_name, self.psw_name) if n)

    def last_dated(self) -> dt.date:
        """The raising date or the latest step's date, whichever is later."""
        return max([self.raised_on, *(step.on for step in self.steps)])


def _text_problems(field: str, what: str, text: str, *, required: bool) -> list[Problem]:
    if required and not text.strip():
        return [Problem(field, f"Write {what}.")]
    if len(text) > TEXT_MAX:
        return [Problem(field, f"Keep {what} to {TEXT_MAX:,} characters (it has {len(text):,}).")]
    return []


def _date_problems(
    field: str, what: str, day: dt.date, today: dt.date, *, not_before: dt.date, why: str
) -> list[Problem]:
    if day > today:
        return [Problem(field, f"The {what} date cannot be in the future.")]
    if day < not_before:
        return [
            Problem(field, f"The {what} date cannot be before {why} ({format_date(not_before)}).")
        ]
    return []


def raise_problems(
    *,
    summary: str,
    raised_on: dt.date,
    today: dt.date,
    psw_id: PswId | None,
    person_id: PersonId | None,
) -> list[Problem]:
    """Why a concern cannot be raised: a summary is needed, the date not in the future."""
    found = _text_problems("summary", "a summary of the concern", summary, required=True)
    if raised_on > today:
        found.append(Problem("raised_on", "The date raised cannot be in the future."))
    if psw_id is None and person_id is None:
        found.append(Problem("", "Say which peer support worker or person the concern is about."))
    return found


def follow_up_limits(*, who_told: str, referral: str) -> list[Problem]:
    """Who was told and the referral are optional, within the length limit."""
    found = _text_problems("who_told", "who was told", who_told, required=False)
    return found + _text_problems("referral", "the referral", referral, required=False)


def follow_up_problems(concern: Concern, *, who_told: str, referral: str) -> list[Problem]:
    found = _closed_problems(concern, "change who was told or the referral")
    return found + follow_up_limits(who_told=who_told, referral=referral)


def step_problems(concern: Concern, *, on: dt.date, text: str, today: dt.date) -> list[Problem]:
    """A step needs its text; its date not in the future nor before the concern was raised."""
    found = _closed_problems(concern, "add a step")
    found += _text_problems("text", "what was done", text, required=True)
    found += _date_problems(
        "on", "step", on, today, not_before=concern.raised_on, why="the concern was raised"
    )
    return found


def closing_problems(concern: Concern, closing: Closing, *, today: dt.date) -> list[Problem]:
    """Closing needs a date (not before the last step, not future), a note, and yes or no."""
    if not concern.is_open:
        return [Problem("", "This concern is already closed.")]
    last = concern.last_dated()
    why = "the concern was raised" if last == concern.raised_on else "the last step"
    found = _date_problems("on", "closing", closing.on, today, not_before=last, why=why)
    found += _text_problems("note", "a closing note", closing.note, required=True)
    if closing.was_incident is None:
        found.append(
            Problem("was_incident", "Say whether it was a safeguarding incident (yes or no).")
        )
    return found


def reopen_problems(concern: Concern, *, on: dt.date, reason: str, today: dt.date) -> list[Problem]:
    """Reopening needs a reason and a date not in the future nor before the closing."""
    if concern.is_open or concern.closing is None:
        return [Problem("", "This concern is open already.")]
    found = _text_problems("reason", "why it is being reopened", reason, required=True)
    found += _date_problems(
        "on", "reopening", on, today, not_before=concern.closing.on, why="it was closed"
    )
    return found


def reopen_step_text(closing: Closing, reason: str) -> str:
    """The step that records a reopening, keeping what the closing said."""
    incident = "yes" if closing.was_incident else "no"
    return (
        f"Reopened: {reason}\n(It had been closed on {format_date(closing.on)}; "
        f"safeguarding incident: {incident}; closing note: {closing.note})"
    )


def _closed_problems(concern: Concern, doing: str) -> list[Problem]:
    if concern.is_open:
        return []
    return [Problem("", f"This concern is closed: reopen it to {doing}.")]


def open_concern_line(
    *, subject_kind: str, subject_id: int, name: str, raised_on: dt.date
) -> AttentionItem:
    """Needs attention's line for an open concern: the date raised and whom it is about only."""
    return AttentionItem(
        subject_kind,
        subject_id,
        name,
        f"{OPEN_LINE} {format_date(raised_on)}",
        ConcernStatus.OPEN.label,
        raised_on,
    )
