"""Annual reviews: the paid form (a rating and evidence per domain) and the lighter volunteer form.

A review keeps a copy of the framework entries it used, its content as deterministic JSON, and the
next review date (12 months on). Agreed by both, it is locked.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import NewType

from peerdesk.domain.calendar import add_months, format_date
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import Problem
from peerdesk.domain.framework import FrameworkItem
from peerdesk.domain.goals import GoalDraft, goal_problems
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import Role
from peerdesk.domain.text import tidy, tidy_line

ReviewId = NewType("ReviewId", int)
REVIEW_MONTHS = 12
TEXT_MAX = 20_000
REVIEWER_MAX = 200
LOCKED = "This review was agreed by both and is locked: it cannot be changed."


class ReviewForm(Enum):
    PAID = "paid"
    VOLUNTEER = "volunteer"

    @property
    def label(self) -> str:
        return "Paid (a rating per domain)" if self is ReviewForm.PAID else "Volunteer (lighter)"

    @staticmethod
    def for_role(role: Role) -> ReviewForm:
        return ReviewForm.PAID if role is Role.PAID else ReviewForm.VOLUNTEER


class Rating(Enum):
    NOT_YET = "not_yet"
    DEVELOPING = "developing"
    CONFIDENT = "confident"
    COULD_SUPPORT = "could_support"

    @property
    def label(self) -> str:
        return (
            "Could support others"
            if self is Rating.COULD_SUPPORT
            else (self.value.replace("_", " ").capitalize())
        )


class CareerPath(Enum):
    PEER_SUPERVISION = "peer_supervision"
    MANAGEMENT = "management"
    TRAINING = "training"
    RESEARCH = "research"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class TrainingNeedDraft:
    """A training need named in the review, sent to the PSW's profile under ``topic_id``."""

    topic_id: int
    note: str = ""


@dataclass(frozen=True)
class ReviewContent:
    """What was said: per entry (rating and evidence, or a comment) and the shared sections."""

    ratings: dict[int, Rating | None] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)
    comments: dict[int, str] = field(default_factory=dict)
    goals_progress: str = ""
    feedback: str = ""
    ethics: str = ""
    self_reflection: str = ""
    training_needs: tuple[TrainingNeedDraft, ...] = ()
    career: tuple[CareerPath, ...] = ()
    career_note: str = ""

    def tidied(self) -> ReviewContent:
        return ReviewContent(
            ratings=dict(self.ratings),
            evidence={k: tidy(v) for k, v in self.evidence.items() if tidy(v)},
            comments={k: tidy(v) for k, v in self.comments.items() if tidy(v)},
            goals_progress=tidy(self.goals_progress),
            feedback=tidy(self.feedback),
            ethics=tidy(self.ethics),
            self_reflection=tidy(self.self_reflection),
            training_needs=tuple(
                TrainingNeedDraft(n.topic_id, tidy_line(n.note)) for n in self.training_needs
            ),
            career=tuple(c for c in CareerPath if c in self.career),
            career_note=tidy(self.career_note),
        )

    def texts(self) -> list[str]:
        return [
            *self.evidence.values(),
            *self.comments.values(),
            self.goals_progress,
            self.feedback,
            self.ethics,
            self.self_reflection,
            self.career_note,
            *(n.note for n in self.training_needs),
        ]


def content_json(content: ReviewContent) -> str:
    """Deterministic JSON: keys sorted, entry ids as strings in numeric order."""
    return json.dumps(
        {
            "ratings": {
                str(k): (None if v is None else v.value) for k, v in sorted(content.ratings.items())
            },
            "evidence": {str(k): v for k, v in sorted(content.evidence.items())},
            "comments": {str(k): v for k, v in sorted(content.comments.items())},
            "goals_progress": content.goals_progress,
            "feedback": content.feedback,
            "ethics": content.ethics,
            "self_reflection": content.self_reflection,
            "training_needs": [[n.topic_id, n.note] for n in content.training_needs],
            "career": [c.value for c in content.career],
            "career_note": content.career_note,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def content_from_json(text: str) -> ReviewContent:
    d = json.loads(text)
    return ReviewContent(
        ratings={int(k): None if v is None else Rating(v) for k, v in d["ratings"].items()},
        evidence={int(k): str(v) for k, v in d["evidence"].items()},
        comments={int(k): str(v) for k, v in d["comments"].items()},
        goals_progress=d["goals_progress"],
        feedback=d["feedback"],
        ethics=d["ethics"],
        self_reflection=d["self_reflection"],
        training_needs=tuple(TrainingNeedDraft(int(t), str(n)) for t, n in d["training_needs"]),
        career=tuple(CareerPath(c) for c in d["career"]),
        career_note=d["career_note"],
    )


def next_review_on(held_on: dt.date) -> dt.date:
    """Twelve calendar months after the review (29 February falls back to 28 February)."""
    return add_months(held_on, REVIEW_MONTHS)


def first_review_on(active_since: dt.date) -> dt.date:
    """With no review yet, the first is due 12 months after the PSW (last) became active."""
    return add_months(active_since, REVIEW_MONTHS)


@dataclass(frozen=True)
class ReviewDraft:
    psw_id: PswId
    form: ReviewForm
    held_on: dt.date
    reviewer: str
    content: ReviewContent
    new_goals: tuple[GoalDraft, ...] = ()
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    agreed_by_psw_on: dt.date | None = None
    agreed_by_reviewer_on: dt.date | None = None

    def tidied(self) -> ReviewDraft:
        return ReviewDraft(
            self.psw_id,
            self.form,
            self.held_on,
            tidy_line(self.reviewer),
            self.content.tidied(),
            tuple(g.tidied() for g in self.new_goals if tidy(g.what)),
            self.confidentiality,
            self.agreed_by_psw_on,
            self.agreed_by_reviewer_on,
        )


def _agreed(on: dt.date | None, held_on: dt.date, today: dt.date, who: str) -> list[Problem]:
    if on is None:
        return []
    if on > today:
        return [Problem("agreed", f"The date {who} agreed cannot be in the future.")]
    if on < held_on:
        return [Problem("agreed", f"The date {who} agreed cannot be before the review.")]
    return []


def agreement_problems(
    psw_on: dt.date | None, reviewer_on: dt.date | None, *, held_on: dt.date, today: dt.date
) -> list[Problem]:
    return _agreed(psw_on, held_on, today, "the PSW") + _agreed(
        reviewer_on, held_on, today, "the reviewer"
    )


def review_problems(
    draft: ReviewDraft, *, today: dt.date, last_held_on: dt.date | None
) -> list[Problem]:
    """Why ``draft`` (tidied) cannot be saved; goals that are not yet SMART only warn."""
    problems: list[Problem] = []
    if draft.held_on > today:
        problems.append(Problem("held_on", "A review cannot be dated in the future."))
    elif last_held_on is not None and draft.held_on < last_held_on:
        problems.append(
            Problem(
                "held_on",
                f"The last review was on {format_date(last_held_on)}: "
                "a new one cannot be dated before it.",
            )
        )
    if not draft.reviewer:
        problems.append(Problem("reviewer", "Type who held the review."))
    elif len(draft.reviewer) > REVIEWER_MAX:
        problems.append(Problem("reviewer", f"At most {REVIEWER_MAX} characters."))
    if any(len(t) > TEXT_MAX for t in draft.content.texts()):
        problems.append(Problem("", f"Each part can be at most {TEXT_MAX:,} characters."))
    for goal in draft.new_goals:
        problems += goal_problems(goal)
    problems += agreement_problems(
        draft.agreed_by_psw_on, draft.agreed_by_reviewer_on, held_on=draft.held_on, today=today
    )
    return problems


@dataclass(frozen=True)
class ReviewRow:
    """One line of a PSW's review history."""

    id: ReviewId
    form: ReviewForm
    held_on: dt.date
    reviewer: str
    next_on: dt.date | None
    locked: bool


@dataclass(frozen=True)
class AnnualReview:
    id: ReviewId
    psw_id: PswId
    form: ReviewForm
    held_on: dt.date
    reviewer: str
    framework: tuple[FrameworkItem, ...]
    content: ReviewContent
    confidentiality: Confidentiality
    next_on: dt.date | None
    agreed_by_psw_on: dt.date | None
    agreed_by_reviewer_on: dt.date | None
    text_hidden: bool = False
    """Private and not revealed: ``content`` is left empty."""

    @property
    def locked(self) -> bool:
        return self.agreed_by_psw_on is not None and self.agreed_by_reviewer_on is not None
