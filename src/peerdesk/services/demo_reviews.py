"""Made-up annual reviews for demo PSWs active over a year, with goals and dated progress notes."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import replace

from peerdesk.domain.calendar import add_months
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.framework import FrameworkItem, FrameworkKind
from peerdesk.domain.goals import GoalDraft, GoalStatus
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.reviews import (
    REVIEW_MONTHS,
    CareerPath,
    Rating,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
)
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_supervision import SUPERVISORS, ActivePsw
from peerdesk.services.review_service import ReviewService, used_by
from peerdesk.storage import review_bulk
from peerdesk.storage.review_bulk import PastGoal, PastReview
from peerdesk.storage.workspace import Workspace

MISSED_SHARE = 0.12
"""PSWs whose latest review is a year old or more (overdue on Needs attention)."""
EVIDENCE = (
    "Feedback from two people supported; observed in a group session.",
    "Described a contact where they held a boundary well.",
    "Reflective log entries over the year.",
)
COMMENTS = ("Warm and reliable.", "Growing in confidence.", "Brings real care to contacts.")
GOALS = (
    ("Co-facilitate a peer support group", "Co-facilitates two sessions"),
    ("Complete the boundaries course", "Certificate received"),
    ("Use my story more safely", "Reviewed 'telling my story safely' plan in supervision"),
    ("Build confidence with endings", ""),
    ("Learn more about local benefits advice", ""),
    ("Shadow an experienced colleague", "Three shadow shifts"),
)
PROGRESS = (
    "Talked it through in supervision; a first step taken.",
    "Booked onto the next course date.",
    "Did one session; the second is planned.",
    "Slowed down after a busy month; still keen.",
)
SECTIONS = ReviewContent(
    goals_progress="Most of last year's goals moved on; one was dropped by agreement.",
    feedback="People supported say they feel listened to and less alone.",
    ethics="Thought about confidentiality when meeting a supported person in town.",
    self_reflection="More confident this year; still learning to say no.",
)


def _content(rng: random.Random, form: ReviewForm, asked: Sequence[FrameworkItem]) -> ReviewContent:
    if form is ReviewForm.PAID:
        domains = [int(i.id) for i in asked if i.kind is FrameworkKind.DOMAIN]
        ratings: dict[int, Rating | None] = {
            d: rng.choices(list(Rating), (1, 4, 6, 2))[0] for d in domains
        }
        evidence = {d: rng.choice(EVIDENCE) for d in domains if rng.random() < 0.4}
        return replace(SECTIONS, ratings=ratings, evidence=evidence)
    comments = {int(i.id): rng.choice(COMMENTS) for i in asked if rng.random() < 0.7}
    career = tuple(c for c in CareerPath if rng.random() < 0.15)
    return replace(SECTIONS, comments=comments, career=career)


def _goal(rng: random.Random, held_on: dt.date, latest: bool, today: dt.date) -> PastGoal:
    what, measure = rng.choice(GOALS)
    smart = bool(measure) and rng.random() < 0.85
    target = add_months(held_on, rng.choice((6, 9, 12))) if smart else None
    draft = GoalDraft(what, measure if smart else "", target)
    if latest:
        status = rng.choices((GoalStatus.ON_TRACK, GoalStatus.AT_RISK), (4, 1))[0]
    else:
        status = rng.choices((GoalStatus.ACHIEVED, GoalStatus.DROPPED), (4, 1))[0]
    until = min(today, add_months(held_on, REVIEW_MONTHS))
    span = (until - held_on).days
    days = sorted(rng.sample(range(1, span), max(0, min(span - 1, rng.choice((0, 1, 2, 3))))))
    notes = tuple((held_on + dt.timedelta(days=d), rng.choice(PROGRESS)) for d in days)
    return PastGoal(draft, status, notes)


def _held_on(psw: ActivePsw, years: int, rng: random.Random) -> dt.date:
    return add_months(psw.active_since, REVIEW_MONTHS * years) + dt.timedelta(
        days=rng.randrange(-10, 20)
    )


def _reviews(
    rng: random.Random, psw: ActivePsw, asked: Sequence[FrameworkItem], today: dt.date
) -> Iterator[PastReview]:
    form = ReviewForm.for_role(psw.role)
    days = []
    years = 1
    while (day := _held_on(psw, years, rng)) <= today:
        days.append(max(day, psw.active_since + dt.timedelta(days=1)))
        years += 1
    if days and rng.random() < MISSED_SHARE:
        days.pop()  # the latest review was missed: overdue now
    for number, held_on in enumerate(days, 1):
        latest = number == len(days)
        agreed = held_on + dt.timedelta(days=rng.randrange(0, 10))
        locked = agreed <= today and (not latest or rng.random() < 0.6)
        draft = ReviewDraft(
            psw_id=psw.psw_id,
            form=form,
            held_on=held_on,
            reviewer=rng.choice(SUPERVISORS),
            content=_content(rng, form, asked),
            confidentiality=Confidentiality.PRIVATE
            if rng.random() < 0.1
            else Confidentiality.CONFIDENTIAL,
            agreed_by_psw_on=agreed if locked else None,
            agreed_by_reviewer_on=agreed if locked else None,
        )
        goals = tuple(_goal(rng, held_on, latest, today) for _ in range(rng.randint(1, 3)))
        yield PastReview(draft, dt.datetime.combine(held_on, dt.time(15, 0)), goals)


def demo_reviews(
    active: Sequence[ActivePsw],
    used: dict[ReviewForm, list[FrameworkItem]],
    *,
    seed: int,
    today: dt.date,
) -> list[PastReview]:
    """A review about every 12 months after a PSW (last) became active, up to ``today``; the
    same for a seed. Only PSWs active over a year have one."""
    rng = random.Random(seed * 31 + 7)
    found: list[PastReview] = []
    for psw in active:
        found += _reviews(rng, psw, used[ReviewForm.for_role(psw.role)], today)
    return found


def add_demo_reviews(
    workspace: Workspace, active: Sequence[ActivePsw], *, seed: int, now: dt.datetime
) -> int:
    """Seed the framework as the review service does, then add the reviews in one transaction;
    the review count."""
    items = ReviewService(workspace, FixedClock(now)).framework()
    used = {form: used_by(form, items) for form in ReviewForm}
    reviews = demo_reviews(active, used, seed=seed, today=now.date())
    with workspace.transaction() as s:
        review_bulk.insert_reviews(s, reviews, used, recorded_by=DEFAULT_RECORDER)
    return len(reviews)
