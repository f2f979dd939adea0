"""The one due-date rule for every data subject's right: access, erasure, restriction, …"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from peerdesk.domain.calendar import add_months, format_date

ACCESS = "access"
ERASURE = "erasure"
RESTRICTION = "restriction"
RECTIFICATION = "rectification"
OBJECTION = "objection"
"""A kind is a plain value (``rights_request.kind``); every kind's due date is the one rule."""

KIND_LABELS = {
    ACCESS: "Subject access request",
    ERASURE: "Erasure request",
    RESTRICTION: "Restriction request",
    RECTIFICATION: "Rectification request",
    OBJECTION: "Objection",
}

NATIONS = {
    "england-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
"""Bank holidays differ by nation; the organisation's nation is a setting."""
DEFAULT_NATION = "england-wales"
MAX_EXTENSION_MONTHS = 2
WAITING_FOR_IDENTITY = "Waiting for identity"
WAITING_FOR_CLARIFICATION = "Waiting for clarification"


def kind_label(kind: str) -> str:
    """Words for a kind; an unknown kind reads as itself rather than failing."""
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize() + " request")


@dataclass(frozen=True)
class RequestDates:
    """The dated steps a due date depends on."""

    received_on: dt.date
    identity_asked_on: dt.date | None = None
    identity_received_on: dt.date | None = None
    clarification_asked_on: dt.date | None = None
    clarification_received_on: dt.date | None = None
    extension_months: int = 0


@dataclass(frozen=True)
class Due:
    """When a request must be answered, or what it is waiting for (the clock has not started)."""

    starts_on: dt.date | None
    due_on: dt.date | None
    waiting: str = ""

    @property
    def label(self) -> str:
        """ "Due 2 March 2026" or "Waiting for identity": words a list can show."""
        if self.due_on is None:
            return self.waiting
        return f"Due {format_date(self.due_on)}"


def is_working_day(day: dt.date, holidays: Collection[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: dt.date, holidays: Collection[dt.date]) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays):
        day += dt.timedelta(days=1)
    return day


def waiting_for(dates: RequestDates) -> str:
    """What the clock waits for: identity or clarification asked for and not yet received."""
    if dates.identity_asked_on is not None and dates.identity_received_on is None:
        return WAITING_FOR_IDENTITY
    if dates.clarification_asked_on is not None and dates.clarification_received_on is None:
        return WAITING_FOR_CLARIFICATION
    return ""


def clock_start(dates: RequestDates) -> dt.date | None:
    """Receipt, or the later arrival of identity or clarification; None while waiting."""
    if waiting_for(dates):
        return None
    arrivals = [dates.identity_received_on, dates.clarification_received_on]
    return max([dates.received_on, *(d for d in arrivals if d is not None)])


def due(dates: RequestDates, holidays: Collection[dt.date]) -> Due:
    """The one rule: a calendar month from the start (month end when the date is missing),
    plus any extension (up to two further months), moved past weekends and bank holidays."""
    if not 0 <= dates.extension_months <= MAX_EXTENSION_MONTHS:
        raise ValueError(f"An extension is 0 to {MAX_EXTENSION_MONTHS} months.")
    start = clock_start(dates)
    if start is None:
        return Due(None, None, waiting_for(dates))
    month_on = add_months(start, 1 + dates.extension_months)
    return Due(start, next_working_day(month_on, holidays))


def step_problems(dates: RequestDates, *, sent_on: dt.date | None, today: dt.date) -> list[str]:
    """Plain refusals for steps out of order or in the future (none when the dates fit)."""
    problems = []
    named = [
        ("Received", dates.received_on),
        ("Identity asked for", dates.identity_asked_on),
        ("Identity received", dates.identity_received_on),
        ("Clarification asked for", dates.clarification_asked_on),
        ("Clarification received", dates.clarification_received_on),
        ("Sent", sent_on),
    ]
    for what, day in named:
        if day is not None and day > today:
            problems.append(f"{what} on {format_date(day)} is in the future.")
        if day is not None and day < dates.received_on:
            problems.append(f"{what} cannot be before the request was received.")
    pairs = [
        ("Identity", dates.identity_asked_on, dates.identity_received_on),
        ("Clarification", dates.clarification_asked_on, dates.clarification_received_on),
    ]
    for what, asked, received in pairs:
        if received is not None and asked is not None and received < asked:
            problems.append(f"{what} cannot arrive before it was asked for.")
    return problems
