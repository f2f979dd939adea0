"""A supported person's consent to share their details with a PSW: a ledger and its one rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.calendar import format_date
from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId
from peerdesk.domain.text import LONG_TEXT_MAX

ShareConsentId = NewType("ShareConsentId", int)


@dataclass(frozen=True)
class ShareConsent:
    """One ledger entry: consent given on a date, and perhaps later withdrawn. Never edited."""

    id: ShareConsentId
    person_id: PersonId
    given_on: dt.date
    how: ConsentHow
    note: str
    withdrawn_on: dt.date | None
    recorded_by: str

    def in_force_on(self, day: dt.date) -> bool:
        """Given on or before ``day`` and not withdrawn by then."""
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


def consent_on(history: Sequence[ShareConsent], day: dt.date) -> bool:
    """True when some entry is in force on ``day`` (the ledger's one rule)."""
    return any(entry.in_force_on(day) for entry in history)


def give_problems(
    history: Sequence[ShareConsent], given_on: dt.date, note: str, *, today: dt.date
) -> list[Problem]:
    """Why consent cannot be recorded as given on ``given_on``; empty when it can."""
    problems: list[Problem] = []
    open_entry = next((e for e in history if e.withdrawn_on is None), None)
    if open_entry is not None:
        problems.append(
            Problem(
                "given_on",
                f"Consent is already recorded as given on {format_date(open_entry.given_on)}.",
            )
        )
    elif given_on > today:
        problems.append(Problem("given_on", "The date cannot be in the future."))
    else:
        last = max((e.withdrawn_on for e in history if e.withdrawn_on is not None), default=None)
        if last is not None and given_on < last:
            problems.append(
                Problem(
                    "given_on",
                    f"The date is before the last withdrawal ({format_date(last)}).",
                )
            )
    if len(note) > LONG_TEXT_MAX:
        problems.append(Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters."))
    return problems


def withdraw_problems(
    history: Sequence[ShareConsent], withdrawn_on: dt.date, *, today: dt.date
) -> list[Problem]:
    """Why consent cannot be recorded as withdrawn on ``withdrawn_on``; empty when it can."""
    open_entry = next((e for e in history if e.withdrawn_on is None), None)
    if open_entry is None:
        return [Problem("withdrawn_on", "There is no consent in force to withdraw.")]
    if withdrawn_on > today:
        return [Problem("withdrawn_on", "The date cannot be in the future.")]
    if withdrawn_on < open_entry.given_on:
        return [
            Problem(
                "withdrawn_on",
                f"The date is before consent was given ({format_date(open_entry.given_on)}).",
            )
        ]
    return []
