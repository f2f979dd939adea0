"""Waits: days since referral less days on hold, never negative, flagged past six weeks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.person import PersonStatus
from peerdesk.domain.waiting import Wait, wait_on

W, H, M, C = (
    PersonStatus.WAITING,
    PersonStatus.ON_HOLD,
    PersonStatus.MATCHED,
    PersonStatus.CLOSED,
)
REFERRED = dt.date(2026, 1, 5)


def test_a_plain_wait_counts_days_since_referral() -> None:
    wait = wait_on(REFERRED, [(W, REFERRED)], dt.date(2026, 2, 16))
    assert wait == Wait(days_since_referral=42, days_on_hold=0)
    assert (wait.days, wait.weeks, wait.flagged) == (42, 6, False)
    assert wait_on(REFERRED, [(W, REFERRED)], dt.date(2026, 2, 17)).flagged


def test_days_on_hold_are_taken_off_and_both_figures_kept() -> None:
    moves = [(W, REFERRED), (H, dt.date(2026, 1, 15)), (W, dt.date(2026, 1, 29))]
    wait = wait_on(REFERRED, moves, dt.date(2026, 2, 20))
    assert (wait.days_since_referral, wait.days_on_hold, wait.days) == (46, 14, 32)
    assert (wait.weeks_since_referral, wait.weeks, wait.flagged) == (6, 4, False)


def test_a_hold_still_running_counts_up_to_today() -> None:
    moves = [(W, REFERRED), (H, dt.date(2026, 1, 10))]
    wait = wait_on(REFERRED, moves, dt.date(2026, 3, 1))
    assert (wait.days_on_hold, wait.days) == (50, 5)


def test_a_referral_in_the_future_waits_nothing() -> None:
    assert wait_on(dt.date(2026, 3, 1), [(W, dt.date(2026, 3, 1))], REFERRED).days == 0


dates = st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))
moves = st.lists(st.tuples(st.sampled_from([W, H, M, C]), dates), max_size=8).map(
    lambda xs: sorted(xs, key=lambda m: m[1])
)


@given(referred=dates, history=moves, today=dates)
def test_a_wait_is_never_negative_and_hold_never_exceeds_it(
    referred: dt.date, history: list[tuple[PersonStatus, dt.date]], today: dt.date
) -> None:
    wait = wait_on(referred, history, today)
    assert 0 <= wait.days_on_hold <= wait.days_since_referral
    assert 0 <= wait.days <= wait.days_since_referral


@given(referred=dates, history=moves, today=dates, later=st.integers(0, 400))
def test_a_wait_never_shrinks_as_days_pass(
    referred: dt.date, history: list[tuple[PersonStatus, dt.date]], today: dt.date, later: int
) -> None:
    before = wait_on(referred, history, today)
    after = wait_on(referred, history, today + dt.timedelta(days=later))
    assert after.days >= before.days
    assert after.days_since_referral >= before.days_since_referral
    assert after.days_on_hold >= before.days_on_hold


@given(
    referred=dates,
    hold_start=st.integers(0, 200),
    hold_days=st.integers(0, 200),
    after=st.integers(0, 200),
)
def test_hold_days_are_subtracted_exactly(
    referred: dt.date, hold_start: int, hold_days: int, after: int
) -> None:
    start = referred + dt.timedelta(days=hold_start)
    end = start + dt.timedelta(days=hold_days)
    today = end + dt.timedelta(days=after)
    wait = wait_on(referred, [(W, referred), (H, start), (W, end)], today)
    assert wait.days_on_hold == hold_days
    assert wait.days == (today - referred).days - hold_days
    assert wait.flagged == (wait.days > 42)
