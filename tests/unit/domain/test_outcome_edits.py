"""Editing a measure that already has scores, the review interval and the next-due date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.calendar import add_months
from peerdesk.domain.outcomes import (
    MAX_EVERY_MONTHS,
    MeasureItem,
    edit_problems,
    every_months_problems,
    format_score,
    next_due,
)

items = st.lists(
    st.tuples(st.integers(-5, 5), st.integers(1, 10)).map(
        lambda t: MeasureItem("wording", t[0], t[0] + t[1])
    ),
    min_size=1,
    max_size=6,
)


@given(items, st.data())
def test_rewording_and_reordering_are_always_allowed(
    old: list[MeasureItem], data: st.DataObject
) -> None:
    ids = list(range(1, len(old) + 1))
    order = data.draw(st.permutations(ids))
    new = [(i, MeasureItem(f"new {i}", old[i - 1].low, old[i - 1].high)) for i in order]
    answered = {i: data.draw(st.integers(0, 9)) for i in ids}
    assert edit_problems(list(zip(ids, old, strict=True)), new, answered, scored=9) == []


@given(items, st.data())
def test_each_changed_or_removed_answered_item_is_named(
    old: list[MeasureItem], data: st.DataObject
) -> None:
    ids = list(range(1, len(old) + 1))
    answered = {i: data.draw(st.integers(0, 3)) for i in ids}
    removed = set(data.draw(st.lists(st.sampled_from(ids), unique=True)))
    widened = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) - removed
    new = [
        (i, MeasureItem("x", item.low, item.high + (1 if i in widened else 0)))
        for i, item in zip(ids, old, strict=True)
        if i not in removed
    ]
    problems = edit_problems(list(zip(ids, old, strict=True)), new, answered, scored=1)
    expected = sum(1 for i in removed | widened if answered[i])
    assert len(problems) == expected
    assert all(p.field == "items" for p in problems)


@given(items, st.integers(0, 5))
def test_adding_items_is_refused_once_scored(old: list[MeasureItem], scored: int) -> None:
    ids = list(range(1, len(old) + 1))
    new = [*zip(ids, old, strict=True), (None, MeasureItem("extra", 0, 1))]
    problems = edit_problems(list(zip(ids, old, strict=True)), new, {}, scored=scored)
    assert bool(problems) == bool(scored)


@given(st.integers(-100, 200))
def test_interval_is_one_to_sixty_months(months: int) -> None:
    assert (every_months_problems(months) == []) == (1 <= months <= MAX_EVERY_MONTHS)
    assert every_months_problems(None) == []


@given(st.dates(min_value=dt.date(1900, 1, 1)), st.integers(1, MAX_EVERY_MONTHS))
def test_next_due_is_after_the_latest_and_within_the_month(day: dt.date, months: int) -> None:
    due = next_due(day, months)
    assert due == add_months(day, months) and due is not None and due > day
    assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == months
    assert next_due(day, None) is None


def test_next_due_at_the_end_of_the_calendar_is_none() -> None:
    assert next_due(dt.date(9999, 12, 1), 1) is None


@given(st.floats(-1000, 1000, allow_nan=False))
def test_formatted_scores_read_back_within_half_a_hundredth(value: float) -> None:
    assert abs(float(format_score(value)) - value) <= 0.005 + 1e-9
