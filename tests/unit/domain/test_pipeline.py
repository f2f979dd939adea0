"""Pipeline rules: one stage forward at a time, reasons for going back, pausing and leaving."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.journey import PIPELINE, JourneyStatus
from peerdesk.domain.pipeline import (
    DEFAULT_TARGET_DAYS,
    allowed_moves,
    is_stalled,
    move_problem,
    next_stage,
    stalled_since,
    target_problems,
)

S = JourneyStatus
statuses = st.sampled_from(list(JourneyStatus))


def test_forward_one_stage_at_a_time() -> None:
    assert move_problem(S.ENQUIRY, S.APPLICATION, "") is None
    assert move_problem(S.ENQUIRY, S.INTERVIEW, "") == (
        "Stages are taken one at a time: from enquiry the next is application, not interview."
    )
    assert next_stage(S.INDUCTION) is S.ACTIVE and next_stage(S.ACTIVE) is None


def test_back_pause_and_leave_need_a_reason() -> None:
    assert move_problem(S.CHECKS, S.APPLICATION, " ") is not None
    assert move_problem(S.CHECKS, S.APPLICATION, "References to redo") is None
    assert move_problem(S.INTERVIEW, S.LEFT, "") is not None
    assert move_problem(S.ACTIVE, S.PAUSED, "Time off") is None
    assert move_problem(S.PAUSED, S.ACTIVE, "") is None


@given(statuses, statuses, st.text())
def test_allowed_moves_and_move_problem_agree(a: S, b: S, reason: str) -> None:
    allowed = {m.to: m for m in allowed_moves(a)}
    assert a not in allowed
    assert (move_problem(a, b, "because") is None) == (b in allowed)
    if b in allowed and not reason.strip():
        assert (move_problem(a, b, reason) is None) == (not allowed[b].needs_reason)


@given(statuses)
def test_leaving_and_pausing_are_open_from_everywhere_they_make_sense(a: S) -> None:
    targets = {m.to for m in allowed_moves(a)}
    assert (S.LEFT in targets) == (a is not S.LEFT)
    assert (S.PAUSED in targets) == (a not in (S.PAUSED, S.LEFT))


def test_stalled_after_the_target() -> None:
    since = dt.date(2026, 1, 1)
    assert not is_stalled(S.ENQUIRY, since, dt.date(2026, 1, 15))
    assert is_stalled(S.ENQUIRY, since, dt.date(2026, 1, 16))
    assert stalled_since(S.ENQUIRY, since) == dt.date(2026, 1, 16)
    assert not is_stalled(S.ACTIVE, since, dt.date(2030, 1, 1))
    assert stalled_since(S.ACTIVE, since) is None


@given(st.sampled_from(PIPELINE[:-1]), st.dates(), st.integers(0, 400))
def test_stalled_from_its_date_on(status: S, since: dt.date, later: int) -> None:
    start = stalled_since(status, since)
    assert start is not None
    try:
        today = since + dt.timedelta(days=later)
    except OverflowError:
        return
    assert is_stalled(status, since, today) == (today >= start)


def test_target_settings_are_checked() -> None:
    assert target_problems(DEFAULT_TARGET_DAYS) == []
    assert target_problems({S.ENQUIRY: 0}) == ["The target for enquiry must be 1 to 3,650 days."]
    assert target_problems({S.ACTIVE: 10}) == [
        "Active has no target: only stages before active do."
    ]
