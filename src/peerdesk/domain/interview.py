"""Application support and interviews: records, and the rules that refuse or warn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import NewType

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line

InterviewId = NewType("InterviewId", int)
SupportEntryId = NewType("SupportEntryId", int)

NOTICE_HOURS = 24
"""Questions are shared at least this long before the interview."""

SUGGESTED_SUPPORT = (
    "Help with the application form",
    "Practice interview",
    "Information session",
    "Accessible format of the form",
)


class InterviewFormat(Enum):
    INDIVIDUAL = "individual"
    GROUP = "group"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class InterviewOutcome(Enum):
    PENDING = "pending"
    OFFERED = "offered"
    NOT_OFFERED = "not_offered"
    WITHDREW = "withdrew"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class SupportDetails:
    """Help given with an application: when, what kind, by whom."""

    on: dt.date
    kind: str
    given_by: str = ""


@dataclass(frozen=True)
class SupportEntry:
    id: SupportEntryId
    psw_id: PswId
    details: SupportDetails


@dataclass(frozen=True)
class PanelMember:
    name: str
    role: str = ""
    lived_experience: bool = False
    interview_trained: bool = False


@dataclass(frozen=True)
class InterviewDetails:
    held_at: dt.datetime
    format: InterviewFormat = InterviewFormat.INDIVIDUAL
    adjustments: str = ""
    """Adjustments offered (e.g. a quiet room, questions in large print, a break)."""
    questions_shared_at: dt.datetime | None = None
    panel: tuple[PanelMember, ...] = ()
    outcome: InterviewOutcome = InterviewOutcome.PENDING
    notes: str = ""


@dataclass(frozen=True)
class Interview:
    id: InterviewId
    psw_id: PswId
    details: InterviewDetails


def tidied_support(d: SupportDetails) -> SupportDetails:
    return replace(d, kind=tidy_line(d.kind), given_by=tidy_line(d.given_by))


def support_problems(d: SupportDetails, *, today: dt.date) -> list[Problem]:
    problems = []
    if d.on > today:
        problems.append(Problem("on", "The date support was given cannot be in the future."))
    if not d.kind:
        problems.append(Problem("kind", "Say what kind of support was given."))
    for name, text in (("kind", d.kind), ("given_by", d.given_by)):
        if len(text) > SHORT_TEXT_MAX:
            problems.append(Problem(name, f"Use at most {SHORT_TEXT_MAX} characters."))
    return problems


def tidied_interview(d: InterviewDetails) -> InterviewDetails:
    return replace(
        d,
        adjustments=tidy(d.adjustments),
        notes=tidy(d.notes),
        panel=tuple(replace(m, name=tidy_line(m.name), role=tidy_line(m.role)) for m in d.panel),
    )


def hours_notice(d: InterviewDetails) -> int | None:
    """Whole hours between sharing the questions and the interview (None if not shared)."""
    if d.questions_shared_at is None:
        return None
    return int((d.held_at - d.questions_shared_at).total_seconds() // 3600)


def interview_problems(d: InterviewDetails) -> list[Problem]:
    """Bad input blocks (naming the field); short notice and no lived experience only warn."""
    problems = []
    shared = d.questions_shared_at
    if shared is not None and shared > d.held_at:
        problems.append(
            Problem(
                "questions_shared_at",
                "The questions were shared after the interview: check both dates and times.",
            )
        )
    for n, member in enumerate(d.panel, start=1):
        if not member.name:
            problems.append(Problem("panel", f"Panel member {n} has no name."))
        if len(member.name) > SHORT_TEXT_MAX or len(member.role) > SHORT_TEXT_MAX:
            problems.append(
                Problem("panel", f"Panel member {n}: use at most {SHORT_TEXT_MAX} characters.")
            )
    for name, text in (("adjustments", d.adjustments), ("notes", d.notes)):
        if len(text) > LONG_TEXT_MAX:
            problems.append(Problem(name, f"Use at most {LONG_TEXT_MAX:,} characters."))
    return problems + interview_warnings(d)


def interview_warnings(d: InterviewDetails) -> list[Problem]:
    """What is worth knowing but never blocks a save."""
    warnings = []
    hours = hours_notice(d)
    # Negative hours mean shared after the interview: refused elsewhere, not warned about.
    if hours is not None and 0 <= hours < NOTICE_HOURS:
        unit = "hour" if hours == 1 else "hours"
        warnings.append(
            Problem(
                "questions_shared_at",
                f"Questions were shared {hours} {unit} before the interview; "
                f"at least {NOTICE_HOURS} hours is expected.",
                blocking=False,
            )
        )
    if not any(m.lived_experience for m in d.panel):
        warnings.append(Problem("panel", "No panel member with lived experience.", blocking=False))
    return warnings
