"""Weekly availability maths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.availability import Availability, TimeRange, parse_time, slot_time

ranges = st.builds(
    lambda day, a, b: TimeRange(day, min(a, b), max(a, b) + 1),
    st.integers(0, 6),
    st.integers(0, 47),
    st.integers(0, 47),
)


def test_merges_touching_and_overlapping_ranges() -> None:
    week = Availability.of(
        [TimeRange(1, 20, 24), TimeRange(1, 24, 28), TimeRange(1, 26, 30), TimeRange(0, 2, 4)]
    )
    assert week.ranges == (TimeRange(0, 2, 4), TimeRange(1, 20, 30))
    assert week.hours_per_week == 6.0
    assert week.describe() == "Mon 01:00–02:00, Tue 10:00–15:00"


def test_shared_hours() -> None:
    a = Availability.of([TimeRange(1, 20, 28)])  # Tue 10:00–14:00
    b = Availability.of([TimeRange(1, 24, 32)])  # Tue 12:00–16:00
    assert a.shared_hours(b) == 2.0


@given(st.lists(ranges))
def test_slots_round_trip(rs: list[TimeRange]) -> None:
    week = Availability.of(rs)
    assert Availability.from_slots(week.slots()) == week
    assert week.hours_per_week == len(week.slots()) / 2


@given(st.lists(ranges), st.lists(ranges))
def test_shared_hours_symmetric_and_bounded(a: list[TimeRange], b: list[TimeRange]) -> None:
    wa, wb = Availability.of(a), Availability.of(b)
    assert wa.shared_hours(wb) == wb.shared_hours(wa)
    assert 0 <= wa.shared_hours(wb) <= min(wa.hours_per_week, wb.hours_per_week)


@pytest.mark.parametrize(("text", "slot"), [("09:30", 19), ("9.30", 19), ("24:00", 48), ("0", 0)])
def test_parse_time(text: str, slot: int) -> None:
    assert parse_time(text) == slot


@pytest.mark.parametrize("text", ["09:15", "25:00", "nine", "", "24:30"])
def test_parse_time_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


@given(st.integers(0, 48))
def test_slot_time_round_trip(slot: int) -> None:
    assert parse_time(slot_time(slot)) == slot


def test_time_range_must_run_forwards() -> None:
    with pytest.raises(ValueError):
        TimeRange(0, 10, 10)
