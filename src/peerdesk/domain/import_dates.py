"""Dates in imported spreadsheets: day first, ISO or Excel serial numbers, with plain reasons."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable

from peerdesk.domain.errors import PeerDeskError

EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Excel's 1900 date system counts from here (serial 60 is its phantom 29 February 1900)."""
_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name
}
_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})\s*$")
_WORDS = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{1,4})\s*$")
_SERIAL = re.compile(r"^\s*\d{5,7}(\.\d+)?\s*$")


class DateProblem(PeerDeskError):
    """A cell that is not a date PeerDesk can be sure of; ``str()`` says why."""


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    if year < 100:
        raise DateProblem(f"“{text}”: write the year in full (for example 2005, not 05)")
    if not 1 <= month <= 12:
        raise DateProblem(f"“{text}”: there is no month {month} (dates are day first)")
    if year < 1900 or year > 2100:
        raise DateProblem(f"“{text}”: the year {year} cannot be right")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateProblem(
            f"“{text}”: not a real date: {calendar.month_name[month]} {year} has {last} days"
        )
    return dt.date(year, month, day)


def from_excel_serial(serial: float) -> dt.date:
    """The date an Excel (1900 system) serial number stands for."""
    if not math.isfinite(serial):  # a damaged workbook's "NaN" or "INF" cell
        raise DateProblem(f"{serial} is not an Excel date")
    whole = int(serial)
    if whole == 60:
        raise DateProblem("Excel's day 60 is 29 February 1900, which never existed")
    if not 1 <= whole <= 2_958_465:
        raise DateProblem(f"{serial} is not an Excel date")
    if whole < 60:
        whole += 1  # Excel counts the phantom 29 February 1900 after this point only
    return EXCEL_EPOCH + dt.timedelta(days=whole)


def parse_date(value: object) -> dt.date | None:
    """``value`` (text, an Excel serial number or a date) as a date; None for an empty cell.

    Text is day first: 31/12/2024, 31-12-2024, 31.12.2024, 31 December 2024, or ISO 2024-12-31.
    Raises DateProblem with the reason otherwise.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise DateProblem(f"“{value}” is not a date")
    if isinstance(value, int | float):
        return from_excel_serial(value)
    text = str(value).strip()
    if not text:
        return None
    if _SERIAL.match(text):
        return from_excel_serial(float(text))
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, third = numeric.groups()
        if len(first) == 4:  # ISO: year first, then month and day
            return _make(int(first), int(second), int(third), text)
        return _make(int(third), int(second), int(first), text)
    words = _WORDS.match(text)
    if words:
        day, month_name, year = words.groups()
        month = _MONTHS.get(month_name.casefold())
        if month is None:
            raise DateProblem(f"“{text}”: “{month_name}” is not a month")
        return _make(int(year), month, int(day), text)
    raise DateProblem(f"“{text}” is not a date: write it day first, like 31/12/2024")


def looks_month_first(values: Iterable[object]) -> bool:
    """True when a column's dates read month first (04/13/2024) and none reads day first only.

    The import then asks which order the column uses instead of reporting every row.
    """
    month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.match(value)
        if not match or len(match.group(1)) == 4:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 and second <= 12:
            return False  # 31/12/2024: this column is day first
        if second > 12 and first <= 12:
            month_first = True
    return month_first
