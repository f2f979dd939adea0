"""Training: topics, a course catalogue, what each PSW has done and what they still need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.calendar import add_months
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.requirement_policy import MAX_VALIDITY_MONTHS
from peerdesk.domain.text import SHORT_TEXT_MAX

TopicId = NewType("TopicId", int)
CourseId = NewType("CourseId", int)
TrainingRecordId = NewType("TrainingRecordId", int)
TrainingNeedId = NewType("TrainingNeedId", int)

DEFAULT_TOPICS = (
    "Active listening",
    "Mutual problem solving",
    "Wellness and recovery planning",
    "Managing challenging situations",
    "Valuing difference",
    "Code of conduct and ethics",
    "Team working",
    "Telling your own story safely",
    "Safeguarding adults",
    "Safeguarding children",
    "Data protection",
    "Suicide and self-harm awareness",
    "Lone working",
)
"""Seeded by migration 0002: DOMAIN.md's core topics plus the usual mandatory ones."""


@dataclass(frozen=True)
class Topic:
    id: TopicId
    name: str
    position: int
    retired: bool = False


@dataclass(frozen=True)
class CourseDetails:
    name: str
    topic_id: TopicId
    provider: str = ""
    hours: float | None = None
    validity_months: int | None = None
    """None: it never needs refreshing."""


@dataclass(frozen=True)
class Course:
    id: CourseId
    details: CourseDetails
    topic: str


@dataclass(frozen=True)
class TrainingRecord:
    id: TrainingRecordId
    psw_id: PswId
    course_id: CourseId
    course: str
    topic: str
    done_on: dt.date
    expires_on: dt.date | None


class NeedStatus(Enum):
    OPEN = "open"
    PLANNED = "planned"
    MET = "met"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class TrainingNeed:
    """One line of a PSW's training-needs profile; met when a record on its topic arrives."""

    id: TrainingNeedId
    psw_id: PswId
    topic_id: TopicId
    topic: str
    source: str
    """Where the need came from, e.g. "Induction", "Supervision 3 May", "Annual review"."""
    status: NeedStatus


def expiry(done_on: dt.date, validity_months: int | None) -> dt.date | None:
    """When a course done on ``done_on`` needs refreshing (month ends clamped)."""
    if validity_months is None:
        return None
    try:
        return add_months(done_on, validity_months)
    except ValueError:
        return None


def course_problems(d: CourseDetails) -> list[Problem]:
    found = []
    if not d.name:
        found.append(Problem("name", "Enter the course name."))
    if len(d.name) > SHORT_TEXT_MAX or len(d.provider) > SHORT_TEXT_MAX:
        found.append(Problem("name", f"Names can be at most {SHORT_TEXT_MAX} characters."))
    months = d.validity_months
    if months is not None and not 1 <= months <= MAX_VALIDITY_MONTHS:
        found.append(
            Problem(
                "validity_months",
                f"Validity must be from 1 to {MAX_VALIDITY_MONTHS:,} months, or none for "
                "training that never needs refreshing.",
            )
        )
    if d.hours is not None and not 0 < d.hours <= 1000:
        found.append(Problem("hours", "Hours must be more than 0 and at most 1,000."))
    return found
