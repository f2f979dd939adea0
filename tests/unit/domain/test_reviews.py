"""Reviews and goals: SMART, next review dates, refusals and deterministic JSON round trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.framework import (
    FrameworkItem,
    FrameworkItemId,
    FrameworkKind,
    framework_from_json,
    framework_json,
    in_order,
    name_problems,
)
from peerdesk.domain.goals import GoalDraft, goal_problems, is_smart, smart_marker
from peerdesk.domain.ids import PswId
from peerdesk.domain.reviews import (
    CareerPath,
    Rating,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    TrainingNeedDraft,
    content_from_json,
    content_json,
    first_review_on,
    next_review_on,
    review_problems,
)

D = dt.date
text = st.text(max_size=40)
ids = st.integers(min_value=1, max_value=10_000)


def test_a_goal_without_a_measure_or_date_is_not_yet_smart() -> None:
    assert is_smart("Two sessions", D(2027, 1, 1))
    assert not is_smart("  ", D(2027, 1, 1)) and not is_smart("Two", None)
    assert smart_marker("", None) == "not yet SMART: needs a measure and a target date"
    assert smart_marker("x", D(2027, 1, 1)) == ""
    [warning] = goal_problems(GoalDraft("Run a group", "", D(2027, 1, 1)))
    assert not warning.blocking and "not yet SMART: needs a measure" in warning.message
    assert goal_problems(GoalDraft("   "))[0].blocking


def test_next_review_is_twelve_months_on_clamped_at_month_end() -> None:
    assert next_review_on(D(2026, 3, 5)) == D(2027, 3, 5)
    assert next_review_on(D(2024, 2, 29)) == D(2025, 2, 28)
    assert first_review_on(D(2025, 12, 1)) == D(2026, 12, 1)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(9000, 1, 1)))
def test_next_review_is_always_about_a_year_later(day: dt.date) -> None:
    gap = (next_review_on(day) - day).days
    assert 365 <= gap <= 366


def _draft(on: dt.date, reviewer: str = "Sam") -> ReviewDraft:
    return ReviewDraft(PswId(1), ReviewForm.PAID, on, reviewer, ReviewContent()).tidied()


def test_a_review_before_the_last_or_in_the_future_is_refused() -> None:
    today = D(2026, 11, 23)
    assert review_problems(_draft(D(2026, 11, 1)), today=today, last_held_on=D(2026, 1, 1)) == []
    [before] = review_problems(_draft(D(2025, 1, 1)), today=today, last_held_on=D(2026, 1, 1))
    assert before.field == "held_on" and "1 January 2026" in before.message
    assert review_problems(_draft(D(2026, 12, 1)), today=today, last_held_on=None)[0].blocking
    [who] = review_problems(_draft(D(2026, 11, 1), "  "), today=today, last_held_on=None)
    assert who.field == "reviewer"


contents = st.builds(
    ReviewContent,
    ratings=st.dictionaries(ids, st.none() | st.sampled_from(Rating), max_size=4),
    evidence=st.dictionaries(ids, text, max_size=4),
    comments=st.dictionaries(ids, text, max_size=4),
    goals_progress=text,
    feedback=text,
    ethics=text,
    self_reflection=text,
    training_needs=st.lists(st.builds(TrainingNeedDraft, ids, text), max_size=3).map(tuple),
    career=st.lists(st.sampled_from(CareerPath), unique=True).map(tuple),
    career_note=text,
)


@given(contents)
def test_content_json_round_trips_and_is_deterministic(content: ReviewContent) -> None:
    saved = content_json(content)
    back = content_from_json(saved)
    assert back == content
    shuffled = ReviewContent(
        **{**back.__dict__, "ratings": dict(reversed(list(back.ratings.items())))}
    )
    assert content_json(shuffled) == saved


items = st.lists(
    st.builds(
        FrameworkItem,
        id=ids.map(FrameworkItemId),
        kind=st.sampled_from(FrameworkKind),
        name=text,
        parent_id=st.none() | ids.map(FrameworkItemId),
        position=st.integers(0, 50),
    ),
    unique_by=lambda i: i.id,
    max_size=8,
)


@given(items)
def test_framework_copy_round_trips_in_order(entries: list[FrameworkItem]) -> None:
    saved = framework_json(entries)
    back = framework_from_json(saved)
    assert [(i.id, i.kind, i.name, i.parent_id) for i in back] == [
        (i.id, i.kind, i.name, i.parent_id) for i in in_order(entries)
    ]
    assert framework_json(back) == saved


@given(text)
def test_framework_names_never_raise(name: str) -> None:
    existing = [FrameworkItem(FrameworkItemId(1), FrameworkKind.DOMAIN, "Knowledge")]
    problems = name_problems(name, FrameworkKind.DOMAIN, existing)
    assert all(p.field == "name" for p in problems)
    assert name_problems(" KNOWLEDGE ", FrameworkKind.DOMAIN, existing)
