"""Calendar arithmetic and date wording: months clamped to month end, days said in words."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange  # absolute import: the standard library, not this module

# Spelled out rather than strftime("%B"): %B follows the process locale, and a coordinator's
# laptop set to Welsh or Polish must still print the same English dates on trustees' reports.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month.

    29 February 2024 + 12 months is 28 February 2025; 31 January + 1 month is the last day of
    February. ``months`` may be negative. Raises ``ValueError`` past the years 1 to 9999.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"{months} months from {day.isoformat()} is outside the calendar.")
    last = monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def describe_days(days: int) -> str:
    """Days until a due date, in words: "due today", "due in 12 days", "1 day overdue"."""
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 1:
        return f"due in {days:,} days"
    overdue = -days
    return f"{overdue:,} day{'' if overdue == 1 else 's'} overdue"


def format_date(day: dt.date) -> str:
    """A date as people write it in UK letters: "3 March 2026" (no leading zero)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
