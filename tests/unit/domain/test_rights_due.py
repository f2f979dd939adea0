"""The one due-date rule for data subjects' requests: table cases and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.calendar import add_months
from peerdesk.domain.rights_due import (
    WAITING_FOR_CLARIFICATION,
    WAITING_FOR_IDENTITY,
    RequestDates,
    due,
    is_working_day,
    kind_label,
    step_problems,
)

D = dt.date
# England and Wales, late summer 2026 and early 2028 (as seeded, plus one for the leap year).
HOLIDAYS = frozenset({D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28), D(2028, 1, 3)})


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (D(2026, 3, 10), D(2026, 4, 10)),  # a Friday: the same date
        (D(2026, 1, 31), D(2026, 3, 2)),  # 28 February 2026 is a Saturday: Monday 2 March
        (D(2028, 1, 31), D(2028, 2, 29)),  # leap year: the last day of February, a Tuesday
        (D(2026, 7, 31), D(2026, 9, 1)),  # lands on bank holiday Monday 31 August: Tuesday
        (D(2026, 7, 29), D(2026, 9, 1)),  # Saturday, Sunday, then the bank holiday Monday
        (D(2026, 7, 28), D(2026, 8, 28)),  # the Friday before the bank holiday: stays Friday
        (D(2026, 11, 25), D(2026, 12, 29)),  # Christmas Day Friday, weekend, Boxing Day moved
    ],
)
def test_one_calendar_month_then_the_next_working_day(received: dt.date, expected: dt.date) -> None:
    assert due(RequestDates(received), HOLIDAYS).due_on == expected


def test_identity_arriving_later_starts_the_clock() -> None:
    dates = RequestDates(D(2026, 3, 2), identity_asked_on=D(2026, 3, 3))
    waiting = due(dates, HOLIDAYS)
    assert waiting.due_on is None
    assert waiting.label == WAITING_FOR_IDENTITY
    arrived = due(RequestDates(D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 20)), HOLIDAYS)
    assert arrived.starts_on == D(2026, 3, 20)
    assert arrived.due_on == D(2026, 4, 20)
    assert arrived.label == "Due 20 April 2026"


def test_clarification_waits_too_and_the_later_arrival_wins() -> None:
    asked = RequestDates(D(2026, 3, 2), clarification_asked_on=D(2026, 3, 4))
    assert due(asked, HOLIDAYS).label == WAITING_FOR_CLARIFICATION
    both = RequestDates(D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 6), D(2026, 3, 9))
    assert due(both, HOLIDAYS).due_on == D(2026, 4, 9)


def test_an_extension_adds_further_months_then_the_working_day_rule() -> None:
    assert due(RequestDates(D(2026, 5, 31), extension_months=1), HOLIDAYS).due_on == D(2026, 7, 31)
    # 31 May + 3 months = 31 August 2026, the bank holiday: Tuesday 1 September.
    assert due(RequestDates(D(2026, 5, 31), extension_months=2), HOLIDAYS).due_on == D(2026, 9, 1)
    with pytest.raises(ValueError):
        due(RequestDates(D(2026, 5, 31), extension_months=3), HOLIDAYS)


def test_steps_out_of_order_are_refused_in_words() -> None:
    dates = RequestDates(D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 4))
    problems = step_problems(dates, sent_on=D(2026, 12, 1), today=D(2026, 11, 23))
    assert "Identity cannot arrive before it was asked for." in problems
    assert "Sent on 1 December 2026 is in the future." in problems
    early = step_problems(RequestDates(D(2026, 3, 2)), sent_on=D(2026, 3, 1), today=D(2026, 4, 1))
    assert early == ["Sent cannot be before the request was received."]


def test_kinds_are_plain_values() -> None:
    assert kind_label("access") == "Subject access request"
    assert kind_label("erasure") == "Erasure request"
    assert kind_label("data-portability") == "Data portability request"


days = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))
holiday_sets = st.frozensets(days, max_size=40)


@given(days, st.integers(0, 2), holiday_sets)
def test_never_early_and_never_on_a_day_off(
    received: dt.date, months: int, holidays: frozenset[dt.date]
) -> None:
    found = due(RequestDates(received, extension_months=months), holidays).due_on
    assert found is not None
    assert found >= add_months(received, 1 + months)
    assert is_working_day(found, holidays)
    assert (found - add_months(received, 1 + months)).days <= 2 + len(holidays)


@given(days, days, holiday_sets)
def test_monotone_in_the_day_received(a: dt.date, b: dt.date, holidays: frozenset[dt.date]) -> None:
    first, second = sorted((a, b))
    assert due(RequestDates(first), holidays).due_on <= due(RequestDates(second), holidays).due_on  # type: ignore[operator]


@given(days, st.integers(1, 2), holiday_sets)
def test_an_extension_is_never_earlier(
    received: dt.date, months: int, holidays: frozenset[dt.date]
) -> None:
    plain = due(RequestDates(received), holidays).due_on
    extended = due(RequestDates(received, extension_months=months), holidays).due_on
    assert plain is not None and extended is not None
    assert extended > plain
