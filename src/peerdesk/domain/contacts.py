"""The contact log of a match, and the volunteer hours that come from it (issue 5 part 8)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from typing import NamedTuple, NewType

from peerdesk.domain.calendar import format_date
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import LONG_TEXT_MAX, tidy

ContactId = NewType("ContactId", int)
MatchId = NewType("MatchId", int)

MAX_CONTACT_MINUTES = 12 * 60
"""A single contact longer than this is a typing slip (e.g. hours typed as minutes)."""


class ContactOutcome(Enum):
    ATTENDED = "attended"
    DID_NOT_ATTEND = "did_not_attend"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class ContactDetails:
    """One line of the contact log, as typed (or copied from a paper sheet)."""

    on: dt.date
    minutes: int
    mode: ContactMode
    outcome: ContactOutcome = ContactOutcome.ATTENDED
    note: str = ""


@dataclass(frozen=True)
class Contact:
    id: ContactId
    match_id: MatchId
    psw_id: PswId
    details: ContactDetails


class HoursKey(NamedTuple):
    """Volunteer hours are kept by PSW, match and calendar month ("2026-03")."""

    psw_id: PswId
    match_id: MatchId
    month: str


def tidied_contact(d: ContactDetails) -> ContactDetails:
    return replace(d, note=tidy(d.note))


def contact_problems(
    d: ContactDetails, *, introduced_on: dt.date | None, today: dt.date
) -> list[Problem]:
    """Why a contact cannot be saved, naming the field; empty when it can.

    ``introduced_on`` is the date the match was introduced (None if it has not been yet).
    """
    problems = []
    if d.minutes <= 0:
        problems.append(
            Problem("minutes", "Give how long the contact lasted, in minutes (more than 0).")
        )
    elif d.minutes > MAX_CONTACT_MINUTES:
        problems.append(
            Problem(
                "minutes",
                f"A contact cannot last more than 12 hours ({MAX_CONTACT_MINUTES} minutes): "
                "check the minutes.",
            )
        )
    if d.on > today:
        problems.append(Problem("on", "The contact date cannot be in the future."))
    if introduced_on is None:
        problems.append(
            Problem("on", "This match has not been introduced yet: record the introduction first.")
        )
    elif d.on < introduced_on:
        problems.append(
            Problem(
                "on",
                f"The contact date is before the introduction on {format_date(introduced_on)}.",
            )
        )
    if len(d.note) > LONG_TEXT_MAX:
        problems.append(Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters."))
    return problems


def month_of(day: dt.date) -> str:
    """The month a contact counts towards, like "2026-03" (sorts as text)."""
    return f"{day.year:04d}-{day.month:02d}"


def volunteer_hours(contacts: Iterable[Contact]) -> dict[HoursKey, float]:
    """Attended hours by PSW, match and month, in key order; only keys with hours appear.

    Contacts that did not take place (did not attend, cancelled) give no hours. Minutes are
    summed as whole numbers and divided once, so the hours are exact to the minute; a
    non-positive length (never saved, see :func:`contact_problems`) counts as nothing.
    """
    minutes: dict[HoursKey, int] = defaultdict(int)
    for c in contacts:
        d = c.details
        if d.outcome is ContactOutcome.ATTENDED and d.minutes > 0:
            minutes[HoursKey(c.psw_id, c.match_id, month_of(d.on))] += d.minutes
    return {key: minutes[key] / 60 for key in sorted(minutes)}
