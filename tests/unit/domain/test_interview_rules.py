"""Interview rules: short notice and no lived experience warn; bad input is refused by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.interview import (
    InterviewDetails,
    PanelMember,
    SupportDetails,
    hours_notice,
    interview_problems,
    interview_warnings,
    support_problems,
)

HELD = dt.datetime(2026, 11, 23, 10, 0)
PEER = PanelMember("Sam Okafor", "Peer trainer", lived_experience=True, interview_trained=True)


def details(**changes: Any) -> InterviewDetails:
    return replace(InterviewDetails(held_at=HELD, panel=(PEER,)), **changes)


def messages(d: InterviewDetails) -> list[str]:
    return [p.message for p in interview_problems(d)]


def test_nine_hours_notice_is_warned_in_words() -> None:
    found = interview_problems(details(questions_shared_at=HELD - dt.timedelta(hours=9)))
    assert [(p.field, p.message, p.blocking) for p in found] == [
        (
            "questions_shared_at",
            "Questions were shared 9 hours before the interview; at least 24 hours is expected.",
            False,
        )
    ]


def test_one_hour_is_singular() -> None:
    assert messages(details(questions_shared_at=HELD - dt.timedelta(minutes=61))) == [
        "Questions were shared 1 hour before the interview; at least 24 hours is expected."
    ]


def test_no_lived_experience_on_the_panel_warns() -> None:
    panel = (PanelMember("Jo Bell", "Coordinator", interview_trained=True),)
    found = interview_problems(details(panel=panel))
    assert [(p.field, p.message, p.blocking) for p in found] == [
        ("panel", "No panel member with lived experience.", False)
    ]


def test_questions_shared_after_the_interview_are_refused() -> None:
    found = interview_problems(details(questions_shared_at=HELD + dt.timedelta(minutes=5)))
    assert [(p.field, p.blocking) for p in found] == [("questions_shared_at", True)]
    assert "after the interview" in found[0].message


def test_a_panel_member_without_a_name_is_refused() -> None:
    found = interview_problems(details(panel=(PEER, PanelMember("", "Manager"))))
    assert [(p.field, p.message, p.blocking) for p in found] == [
        ("panel", "Panel member 2 has no name.", True)
    ]


def test_support_needs_a_kind_and_a_past_date() -> None:
    today = HELD.date()
    found = support_problems(SupportDetails(on=today + dt.timedelta(days=1), kind=""), today=today)
    assert [p.field for p in found] == ["on", "kind"]
    assert support_problems(SupportDetails(on=today, kind="Practice interview"), today=today) == []


@given(st.integers(min_value=0, max_value=24 * 60 * 60 * 30))
def test_notice_warning_follows_the_whole_hours(seconds: int) -> None:
    d = details(questions_shared_at=HELD - dt.timedelta(seconds=seconds))
    hours = seconds // 3600
    assert hours_notice(d) == hours
    warned = [p for p in interview_warnings(d) if p.field == "questions_shared_at"]
    if hours >= 24:
        assert warned == []
    else:
        unit = "hour" if hours == 1 else "hours"
        assert [w.message for w in warned] == [
            f"Questions were shared {hours} {unit} before the interview; "
            "at least 24 hours is expected."
        ]
    assert all(not p.blocking for p in interview_problems(d))


@given(st.integers(min_value=1, max_value=24 * 60 * 60 * 30))
def test_sharing_after_the_interview_always_blocks(seconds: int) -> None:
    d = details(questions_shared_at=HELD + dt.timedelta(seconds=seconds))
    found = interview_problems(d)
    assert [p.field for p in found if p.blocking] == ["questions_shared_at"]
    assert not any(p.field == "questions_shared_at" and not p.blocking for p in found)
