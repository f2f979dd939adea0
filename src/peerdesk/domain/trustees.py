"""Trustees' report figures for a period, from :mod:`trustees_inputs` only (a pure function).

Definitions (both period days included):

* a PSW's status on a day is the last status entered on or before it; "active" means
  ``JourneyStatus.ACTIVE`` (paused is not active). Joined: first became active in the period.
  Left: entered "left" in the period. Equality figures cover PSWs active at any time in it.
* referrals: referral dates in the period. People supported: matched at any time in the period.
* waiting list: waiting or on hold at the period end; waits are days since referral less days
  on hold (``waiting.wait_on``). Percentiles interpolate linearly between the nearest ranks, so
  the median of an even count is the mean of the middle two.
* volunteer hours: attended minutes / 60, per calendar month (clipped to the period); referrals
  and matches started and ended are counted per calendar month the same way.
* shares cleared and in date: of PSWs active at the period end, from the standings recorded
  for that day (``None`` when none were recorded).
* outcomes, per measure: people whose latest score on or before the period end was taken in the
  period after their first score; change is latest minus first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import floor
from typing import TypeVar

from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, QUESTIONS
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import EndReason
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.trustees_inputs import (
    ANOTHER_ANSWER,
    NOT_RECORDED,
    EqualityAnswer,
    OutcomeScores,
    Period,
    PersonFacts,
    PswFacts,
    PswStanding,
    TrusteesInputs,
)
from peerdesk.domain.trustees_suppression import DEFAULT_THRESHOLD, suppress
from peerdesk.domain.waiting import wait_on


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def fraction(self) -> float | None:
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class WaitFigures:
    waiting: int
    median_days: float | None
    p90_days: float | None
    longest_days: int | None


@dataclass(frozen=True)
class OutcomeFigures:
    people: int
    mean_change: float
    improved: Share


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    active_psws: int
    joined: int
    left: int
    referrals: int
    people_supported: int
    waits: WaitFigures
    matches_started: int
    matches_ended: Mapping[str, int]
    hours_by_month: tuple[tuple[dt.date, float], ...]
    cleared: Share | None
    in_date_for_supervision: Share | None
    training_done: int
    psw_equality: Mapping[str, Mapping[str, int]]
    people_equality: Mapping[str, Mapping[str, int]]
    outcomes: Mapping[str, OutcomeFigures]
    referrals_by_month: tuple[tuple[dt.date, int], ...] = ()
    started_by_month: tuple[tuple[dt.date, int], ...] = ()
    ended_by_month: tuple[tuple[dt.date, int], ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing happened: no one active, referred, waiting, matched, trained or logged."""
        return not (
            self.active_psws
            or self.joined
            or self.left
            or self.referrals
            or self.people_supported
            or self.waits.waiting
            or self.matches_started
            or sum(self.matches_ended.values())
            or any(hours for _, hours in self.hours_by_month)
            or self.training_done
        )


@dataclass(frozen=True)
class TrusteesFigures:
    current: PeriodFigures
    previous: PeriodFigures | None
    threshold: int = DEFAULT_THRESHOLD

    def shown(self, breakdown: Mapping[str, int]) -> dict[str, str]:
        """A breakdown as it may be printed (small numbers suppressed)."""
        return suppress(breakdown, self.threshold)


def trustees_figures(
    inputs: TrusteesInputs,
    period_start: dt.date,
    period_end: dt.date,
    *,
    previous: bool = True,
    threshold: int = DEFAULT_THRESHOLD,
) -> TrusteesFigures:
    """The figures for the period and, unless ``previous`` is False, the one before it."""
    if threshold < 1:
        raise ValueError(f"The suppression threshold must be at least 1 (not {threshold}).")
    period = Period(period_start, period_end)
    before = period_figures(inputs, period.previous()) if previous else None
    return TrusteesFigures(period_figures(inputs, period), before, threshold)


def period_figures(inputs: TrusteesInputs, period: Period) -> PeriodFigures:
    active_at_end = [p for p in inputs.psws if _psw_status(p, period.end) is JourneyStatus.ACTIVE]
    active_ids = {p.id for p in active_at_end}
    active_during = [p for p in inputs.psws if _active_during(p, period)]
    supported = [p for p in inputs.people if _matched_during(p, period)]
    standings = [s for s in inputs.standings if s.on == period.end]
    return PeriodFigures(
        period=period,
        active_psws=len(active_at_end),
        joined=sum(1 for p in inputs.psws if _first_active(p) in period),
        left=sum(1 for p in inputs.psws for s, on in p.statuses if _left_in(s, on, period)),
        referrals=sum(1 for p in inputs.people if p.referred_on in period),
        people_supported=len(supported),
        waits=_waits(inputs.people, period.end),
        matches_started=sum(1 for m in inputs.matches if m.started_on in period),
        matches_ended=_ended(inputs, period),
        hours_by_month=_hours(inputs, period),
        cleared=_share(standings, active_ids, lambda s: s.cleared),
        in_date_for_supervision=_share(standings, active_ids, lambda s: s.in_date_for_supervision),
        training_done=sum(1 for p in inputs.psws for on in p.training_completed if on in period),
        psw_equality=_equality(p.equality for p in active_during),
        people_equality=_equality(p.equality for p in supported),
        outcomes=_outcomes(inputs.people, period),
        referrals_by_month=_per_month(period, ((p.referred_on, 1) for p in inputs.people)),
        started_by_month=_per_month(period, ((m.started_on, 1) for m in inputs.matches)),
        ended_by_month=_per_month(period, ((m.ended_on, 1) for m in inputs.matches)),
    )


S = TypeVar("S")


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100), interpolating linearly between the nearest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _sorted_moves(moves: Iterable[tuple[S, dt.date]]) -> list[tuple[S, dt.date]]:
    return sorted(moves, key=lambda move: move[1])


def _status_on(moves: Iterable[tuple[S, dt.date]], day: dt.date) -> S | None:
    current = None
    for status, on in _sorted_moves(moves):
        if on > day:
            break
        current = status
    return current


def _psw_status(psw: PswFacts, day: dt.date) -> JourneyStatus | None:
    return _status_on(psw.statuses, day)


def _first_active(psw: PswFacts) -> dt.date | None:
    dates = [on for status, on in psw.statuses if status is JourneyStatus.ACTIVE]
    return min(dates) if dates else None


def _left_in(status: JourneyStatus, on: dt.date, period: Period) -> bool:
    return status is JourneyStatus.LEFT and on in period


def _active_during(psw: PswFacts, period: Period) -> bool:
    if _psw_status(psw, period.start) is JourneyStatus.ACTIVE:
        return True
    return any(s is JourneyStatus.ACTIVE and on in period for s, on in psw.statuses)


def _matched_during(person: PersonFacts, period: Period) -> bool:
    if _status_on(person.statuses, period.start) is PersonStatus.MATCHED:
        return True
    return any(s is PersonStatus.MATCHED and on in period for s, on in person.statuses)


def _waits(people: Sequence[PersonFacts], end: dt.date) -> WaitFigures:
    waiting = (PersonStatus.WAITING, PersonStatus.ON_HOLD)
    days = []
    for person in people:
        moves = [move for move in _sorted_moves(person.statuses) if move[1] <= end]
        if person.referred_on > end or not moves or moves[-1][0] not in waiting:
            continue
        days.append(wait_on(person.referred_on, moves, end).days)
    return WaitFigures(
        waiting=len(days),
        median_days=percentile(days, 50),
        p90_days=percentile(days, 90),
        longest_days=max(days) if days else None,
    )


def _ended(inputs: TrusteesInputs, period: Period) -> dict[str, int]:
    counts = Counter(
        m.end_reason.label if m.end_reason is not None else NOT_RECORDED
        for m in inputs.matches
        if m.ended_on in period
    )
    ended = {reason.label: counts[reason.label] for reason in EndReason}
    if counts[NOT_RECORDED]:
        ended[NOT_RECORDED] = counts[NOT_RECORDED]
    return ended


def months_of(period: Period) -> tuple[dt.date, ...]:
    """The first day of each calendar month the period touches, in order."""
    months = []
    month = period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + dt.timedelta(days=31)).replace(day=1)
    return tuple(months)


def _per_month(
    period: Period, dated: Iterable[tuple[dt.date | None, int]]
) -> tuple[tuple[dt.date, int], ...]:
    totals: Counter[dt.date] = Counter(dict.fromkeys(months_of(period), 0))
    for on, amount in dated:
        if on in period:
            assert on is not None
            totals[on.replace(day=1)] += amount
    return tuple((month, totals[month]) for month in sorted(totals))


def _hours(inputs: TrusteesInputs, period: Period) -> tuple[tuple[dt.date, float], ...]:
    minutes = _per_month(period, ((c.on, c.attended_minutes) for c in inputs.contacts))
    return tuple((month, total / 60) for month, total in minutes)


def _share(
    standings: Sequence[PswStanding],
    active: set[PswId],
    test: Callable[[PswStanding], bool],
) -> Share | None:
    if not standings:
        return None
    yes = {s.psw_id for s in standings if test(s)} & active
    return Share(len(yes), len(active))


def _equality(answers: Iterable[tuple[EqualityAnswer, ...]]) -> dict[str, dict[str, int]]:
    tables: dict[str, dict[str, int]] = {}
    for question in QUESTIONS:
        labels = (*question.options, ANOTHER_ANSWER, PREFER_NOT_TO_SAY, NOT_RECORDED)
        tables[question.key] = dict.fromkeys(labels, 0)
    for given in answers:
        bands = {answer.question: answer.band for answer in given}
        for key, table in tables.items():
            band = bands.get(key, NOT_RECORDED)
            table[band if band in table else ANOTHER_ANSWER] += 1
    return tables


def _outcomes(people: Sequence[PersonFacts], period: Period) -> dict[str, OutcomeFigures]:
    changes: dict[str, list[tuple[float, bool]]] = {}
    for person in people:
        for measure in person.outcomes:
            found = _change(measure, period)
            if found is not None:
                changes.setdefault(measure.measure, []).append(found)
    return {
        measure: OutcomeFigures(
            people=len(found),
            mean_change=sum(diff for diff, _ in found) / len(found),
            improved=Share(sum(1 for _, better in found if better), len(found)),
        )
        for measure, found in sorted(changes.items())
    }


def _change(measure: OutcomeScores, period: Period) -> tuple[float, bool] | None:
    """(latest - first, improved) when the latest score up to the period end is in it."""
    scores = sorted(score for score in measure.scores if score[0] <= period.end)
    if len(scores) < 2 or scores[-1][0] not in period or scores[-1][0] == scores[0][0]:
        return None
    diff = scores[-1][1] - scores[0][1]
    return diff, (diff > 0) == measure.higher_is_better and diff != 0
