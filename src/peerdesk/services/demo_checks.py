"""Made-up check histories for demo PSWs, true to each one's journey (deterministic per seed)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from peerdesk.domain.calendar import add_months
from peerdesk.domain.check_records import (
    AdjustmentDetails,
    AdjustmentStatus,
    OhDetails,
    ReferenceDetails,
    ReferenceKind,
)
from peerdesk.domain.evidence import OhOutcome
from peerdesk.domain.journey import PIPELINE, JourneyStatus, StatusChange
from peerdesk.domain.training import Course, CourseId
from peerdesk.services import demo_catalogue as cat
from peerdesk.services.demo_dbs import DbsPlan, DemoDbs, dbs_history

S = JourneyStatus
_DAY = dt.timedelta(days=1)


class Journeyed(Protocol):
    """What the generator needs of a PSW (``demo_data.DemoPsw`` is one)."""

    @property
    def status(self) -> JourneyStatus: ...
    @property
    def history(self) -> Sequence[StatusChange]: ...


@dataclass(frozen=True)
class DemoReference:
    details: ReferenceDetails
    chased_on: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class DemoInductionItem:
    name: str
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    confirmed_by: str = ""


@dataclass(frozen=True)
class DemoInduction:
    mentor: str
    items: tuple[DemoInductionItem, ...]


@dataclass(frozen=True)
class DemoTraining:
    course_id: CourseId
    done_on: dt.date


@dataclass(frozen=True)
class DemoChecks:
    """One PSW's check records, ready for ``storage.check_bulk.insert_checks``."""

    references: tuple[DemoReference, ...] = ()
    dbs: tuple[DemoDbs, ...] = ()
    occupational_health: tuple[OhDetails, ...] = ()
    adjustments: tuple[AdjustmentDetails, ...] = ()
    induction: DemoInduction | None = None
    training: tuple[DemoTraining, ...] = ()


@dataclass(frozen=True)
class _Stages:
    """When the PSW reached each stage, and the day their story stops (today, or leaving)."""

    reached: dict[JourneyStatus, dt.date]
    asof: dt.date
    current: bool
    """Still with the scheme (not left): only they get overdue and due-soon states."""

    def end_of(self, stage: JourneyStatus) -> dt.date | None:
        following = PIPELINE[PIPELINE.index(stage) + 1]
        return self.reached.get(following)


def _stages(psw: Journeyed, today: dt.date) -> _Stages:
    reached: dict[JourneyStatus, dt.date] = {}
    for change in psw.history:
        reached.setdefault(change.to_status, change.on)
    left = psw.status is S.LEFT
    asof = min(psw.history[-1].on, today) if left and psw.history else today
    return _Stages(reached, asof, not left)


class CheckGenerator:
    """Check histories for PSWs in turn; the same seed, courses and PSWs give the same records."""

    def __init__(
        self, *, seed: int, today: dt.date, courses: Sequence[Course], template: Sequence[str]
    ) -> None:
        self._rng = random.Random(f"peerdesk-demo-checks:{seed}")
        self._today = today
        self._template = tuple(template)
        ordered = sorted(courses, key=lambda c: c.id)
        self._safeguarding = [c.id for c in ordered if c.topic == cat.SAFEGUARDING_ADULTS]
        self._others = [c.id for c in ordered if c.topic != cat.SAFEGUARDING_ADULTS]

    def for_psw(self, psw: Journeyed) -> DemoChecks:
        stages = _stages(psw, self._today)
        checks_on = stages.reached.get(S.CHECKS)
        if checks_on is None or checks_on > stages.asof:
            return DemoChecks()  # enquirers, applicants and interviewees have no checks yet
        rng = self._rng
        done_by = stages.end_of(S.CHECKS)
        if done_by is not None and done_by > stages.asof:
            done_by = None
        staff = rng.choice(cat.STAFF)
        references = self._references(checks_on, done_by, stages.asof)
        plan = DbsPlan(
            checks_on,
            done_by,
            stages.asof,
            stages.current,
            stages.end_of(S.INDUCTION),
            self._today,
        )
        dbs = dbs_history(rng, plan, staff)
        oh = self._oh(checks_on, done_by, stages.asof)
        adjustments = self._adjustments(checks_on, stages.asof, staff, oh)
        induction: DemoInduction | None = None
        training: tuple[DemoTraining, ...] = ()
        induction_on = stages.reached.get(S.INDUCTION)
        if induction_on is not None and induction_on <= stages.asof:
            active_on = stages.end_of(S.INDUCTION)
            if active_on is not None and active_on > stages.asof:
                active_on = None
            induction = self._induction(induction_on, active_on, stages.asof, staff)
            training = self._training(induction_on, active_on, stages)
        return DemoChecks(references, dbs, oh, adjustments, induction, training)

    def _day(self, low: dt.date, high: dt.date) -> dt.date:
        """A day from ``low`` to ``high`` (``low`` when the range is empty)."""
        span = (high - low).days
        return low if span <= 0 else low + self._rng.randint(0, span) * _DAY

    def _references(
        self, checks_on: dt.date, done_by: dt.date | None, asof: dt.date
    ) -> tuple[DemoReference, ...]:
        rng = self._rng
        made = []
        for position in (1, 2):
            character = rng.random() < (0.15 if position == 1 else 0.4)
            role = rng.choice(cat.CHARACTER_ROLES if character else cat.EMPLOYER_ROLES)
            first, last = rng.choice(cat.REFEREE_FIRST), rng.choice(cat.REFEREE_LAST)
            base = ReferenceDetails(
                requested_on=self._day(checks_on, min(checks_on + 3 * _DAY, asof)),
                kind=ReferenceKind.CHARACTER if character else ReferenceKind.EMPLOYER,
                referee=f"{first} {last} ({role})",
                contact=f"{first.lower()}.{last.lower()}@example.org",
            )
            made.append(self._reference(base, done_by, asof))
        return tuple(made)

    def _reference(
        self, base: ReferenceDetails, done_by: dt.date | None, asof: dt.date
    ) -> DemoReference:
        rng = self._rng
        requested = base.requested_on
        if done_by is not None:  # checks finished: both came back satisfactory by then
            received = self._day(
                min(requested + 3 * _DAY, done_by), min(requested + 25 * _DAY, done_by)
            )
        else:
            age = (asof - requested).days
            chance = 0.0 if age < 4 else 0.4 if age < 14 else 0.75 if age < 30 else 0.9
            received = None
            if rng.random() < chance:
                received = self._day(requested + 3 * _DAY, min(requested + 30 * _DAY, asof))
        chasers = []
        if rng.random() < (0.4 if done_by is not None else 0.75):
            last = received - _DAY if received is not None else asof
            on = requested + rng.randint(9, 12) * _DAY
            while on <= last:
                chasers.append(on)
                on += rng.randint(7, 10) * _DAY
        if received is None:
            return DemoReference(base, tuple(chasers))
        decided = done_by is not None or rng.random() < 0.8
        details = ReferenceDetails(
            requested_on=requested,
            kind=base.kind,
            referee=base.referee,
            contact=base.contact,
            received_on=received,
            satisfactory=True if decided else None,
            outcome_on=received if decided else None,
        )
        return DemoReference(details, tuple(chasers))

    def _oh(
        self, checks_on: dt.date, done_by: dt.date | None, asof: dt.date
    ) -> tuple[OhDetails, ...]:
        rng = self._rng
        end = done_by or asof
        if done_by is None and (asof - checks_on).days < 3:
            return ()
        referred = self._day(checks_on, min(checks_on + 5 * _DAY, end))
        if done_by is None and rng.random() < 0.4:
            return (OhDetails(referred),)
        roll = rng.random()
        outcome = (
            OhOutcome.FIT
            if roll < 0.75
            else OhOutcome.FIT_WITH_ADJUSTMENTS
            if roll < 0.85
            else OhOutcome.NOT_REQUIRED
        )
        return (OhDetails(referred, outcome, self._day(referred, min(referred + 21 * _DAY, end))),)

    def _adjustments(
        self, checks_on: dt.date, asof: dt.date, staff: str, oh: tuple[OhDetails, ...]
    ) -> tuple[AdjustmentDetails, ...]:
        rng = self._rng
        needed = any(o.outcome is OhOutcome.FIT_WITH_ADJUSTMENTS for o in oh)
        if not needed and rng.random() > 0.05:
            return ()
        made = []
        for category, what in rng.sample(cat.ADJUSTMENTS, 1 if rng.random() < 0.7 else 2):
            agreed = self._day(checks_on, asof)
            roll = rng.random()
            if roll < 0.12:  # still being talked about
                review = asof + rng.randint(5, 90) * _DAY
                made.append(AdjustmentDetails(category, what, review_on=review))
                continue
            status = AdjustmentStatus.ENDED if roll < 0.25 else AdjustmentStatus.IN_PLACE
            review = agreed + rng.randint(60, 365) * _DAY
            if review < asof - 10 * _DAY and rng.random() < 0.95:  # reviewed and rolled on
                review = max(agreed, asof + rng.randint(-10, 365) * _DAY)
            made.append(AdjustmentDetails(category, what, agreed, staff, status, review))
        return tuple(made)

    def _induction(
        self, start: dt.date, active_on: dt.date | None, asof: dt.date, staff: str
    ) -> DemoInduction:
        rng = self._rng
        mentor = rng.choice(cat.MENTORS)
        items = []
        for n, name in enumerate(self._template, start=1):
            due = start + 7 * n * _DAY
            done: dt.date | None
            if active_on is not None:
                done = self._day(start, active_on)
            elif due - 5 * _DAY <= asof and rng.random() < 0.8:
                done = self._day(max(start, due - 5 * _DAY), min(due + 5 * _DAY, asof))
            else:
                done = None
            by = "" if done is None else rng.choice((mentor, staff))
            items.append(DemoInductionItem(name, due, done, by))
        return DemoInduction(mentor, tuple(items))

    def _training(
        self, start: dt.date, active_on: dt.date | None, stages: _Stages
    ) -> tuple[DemoTraining, ...]:
        rng = self._rng
        asof = stages.asof
        records: list[DemoTraining] = []
        if self._safeguarding and (active_on is not None or rng.random() < 0.6):
            for on in self._safeguarding_dates(start, active_on or asof, stages):
                records.append(DemoTraining(rng.choice(self._safeguarding), on))
        wanted = rng.randint(8, 12) if active_on is not None else rng.randint(2, 6)
        others = rng.sample(self._others, min(len(self._others), max(0, wanted - len(records))))
        for course in others:
            if active_on is not None and rng.random() < 0.4:
                on = self._day(active_on, asof)  # taken since
            else:
                on = self._day(start, active_on or asof)  # during induction
            records.append(DemoTraining(course, on))
        return tuple(records)

    def _safeguarding_dates(
        self, start: dt.date, finished: dt.date, stages: _Stages
    ) -> list[dt.date]:
        """The latest refresher dated for a chosen state today; earlier ones every ~2 years."""
        rng = self._rng
        first = self._day(start, finished)
        if not stages.current:
            offset = rng.randint(31, 700)
        else:
            roll = rng.random()
            if roll < 0.015:
                offset = -rng.randint(31, 200)  # expired: active, not cleared
            elif roll < 0.05:
                offset = -rng.randint(0, 29)  # in its 30-day grace period
            elif roll < 0.11:
                offset = rng.randint(1, 30)  # due soon
            else:
                offset = rng.randint(31, 700)
        latest = add_months(stages.asof + offset * _DAY, -24)
        if latest <= first or latest > stages.asof:
            return [first]
        dates = [latest]
        while True:
            earlier = add_months(dates[0], -24) + rng.randint(0, 40) * _DAY
            if earlier <= first + 60 * _DAY:
                break
            dates.insert(0, earlier)
        return [first, *dates]


__all__ = [
    "CheckGenerator",
    "DemoChecks",
    "DemoDbs",
    "DemoInduction",
    "DemoInductionItem",
    "DemoReference",
    "DemoTraining",
]
