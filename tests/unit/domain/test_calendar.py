"""Calendar months clamped to month end, and dates and day counts in words."""

from __future__ import annotations

import datetime as dt
import locale
from calendar import monthrange

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.calendar import add_months, describe_days, format_date

YEARS = st.dates(dt.date(1900, 1, 1), dt.date(2400, 12, 31))
MONTH_ENDS = st.builds(
    lambda y, m: dt.date(y, m, monthrange(y, m)[1]), st.integers(1900, 2400), st.integers(1, 12)
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 4, 30)),
        (dt.date(2023, 3, 3), 36, dt.date(2026, 3, 3)),
        (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),
        (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
        (dt.date(2025, 1, 15), -13, dt.date(2023, 12, 15)),
        (dt.date(1900, 1, 29), 1, dt.date(1900, 2, 28)),  # 1900 was not a leap year
        (dt.date(2000, 1, 29), 1, dt.date(2000, 2, 29)),  # 2000 was
    ],
)
def test_add_months_examples(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_add_months_outside_the_calendar_says_so() -> None:
    with pytest.raises(ValueError, match="outside the calendar"):
        add_months(dt.date(9999, 12, 1), 1)


@given(st.one_of(YEARS, MONTH_ENDS), st.integers(-1200, 1200))
def test_add_months_properties(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    # Month arithmetic is exact...
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    # ...the day never grows, and only moves when the target month is too short.
    assert result.day <= day.day
    last = monthrange(result.year, result.month)[1]
    if day.day <= last:
        assert result.day == day.day
    else:
        assert result.day == last


@given(YEARS)
def test_adding_no_months_changes_nothing(day: dt.date) -> None:
    assert add_months(day, 0) == day


@given(st.integers(1900, 2400), st.integers(-100, 100))
def test_leap_day_lands_on_the_last_day_of_february(year: int, years: int) -> None:
    leap = next(y for y in range(year, year + 8) if monthrange(y, 2)[1] == 29)
    result = add_months(dt.date(leap, 2, 29), years * 12)
    assert result.month == 2
    assert result.day == monthrange(result.year, 2)[1]


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "due today"),
        (1, "due tomorrow"),
        (12, "due in 12 days"),
        (1500, "due in 1,500 days"),
        (-1, "1 day overdue"),
        (-12, "12 days overdue"),
    ],
)
def test_describe_days(days: int, words: str) -> None:
    assert describe_days(days) == words


@given(st.integers(-100_000, 100_000))
def test_describe_days_always_says_due_or_overdue(days: int) -> None:
    words = describe_days(days)
    assert words.startswith("due") == (days >= 0)
    assert words.endswith("overdue") == (days < 0)


def test_format_date_has_no_leading_zero_and_english_months() -> None:
    assert format_date(dt.date(2026, 3, 3)) == "3 March 2026"
    assert format_date(dt.date(2025, 12, 25)) == "25 December 2025"
    assert format_date(dt.date(999, 1, 1)) == "1 January 999"


def test_format_date_ignores_the_locale() -> None:
    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "cy_GB.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert format_date(dt.date(2026, 5, 2)) == "2 May 2026"
    finally:
        locale.setlocale(locale.LC_TIME, before)
