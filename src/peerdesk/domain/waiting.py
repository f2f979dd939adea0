"""How long someone has waited: days since referral less days on hold, both kept for trustees."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.domain.person import Person, PersonRow, PersonStatus, PersonStatusChange

FLAG_AFTER_DAYS = 42
"""Waits over six weeks go to Needs attention."""


@dataclass(frozen=True)
class Wait:
    """A person's wait on one day. ``days`` is what the waiting list sorts by."""

    days_since_referral: int
    days_on_hold: int

    @property
    def days(self) -> int:
        return self.days_since_referral - self.days_on_hold

    @property
    def weeks(self) -> int:
        """Whole weeks waited, for display."""
        return self.days // 7

    @property
    def weeks_since_referral(self) -> int:
        return self.days_since_referral // 7

    @property
    def flagged(self) -> bool:
        """Over six weeks (on-hold time not counted)."""
        return self.days > FLAG_AFTER_DAYS


@dataclass(frozen=True)
class WaitingLine:
    """One line of the waiting list: the person's table row and their wait today."""

    row: PersonRow
    wait: Wait


def wait_on(
    referred_on: dt.date, moves: Sequence[tuple[PersonStatus, dt.date]], today: dt.date
) -> Wait:
    """The wait on ``today``. Hold periods count only between the referral and ``today``.

    ``moves`` are (status entered, date), oldest first; a hold runs from the move into
    "on hold" to the next move (or to ``today`` while it lasts).
    """
    since = max(0, (today - referred_on).days)
    held = 0
    for i, (status, on) in enumerate(moves):
        if status is not PersonStatus.ON_HOLD:
            continue
        end = moves[i + 1][1] if i + 1 < len(moves) else today
        start, end = max(on, referred_on), min(end, today)
        held += max(0, (end - start).days)
    return Wait(days_since_referral=since, days_on_hold=min(held, since))


def moves_of(history: Sequence[PersonStatusChange]) -> list[tuple[PersonStatus, dt.date]]:
    return [(change.to_status, change.on) for change in history]


def wait_of(person: Person, today: dt.date) -> Wait:
    return wait_on(person.details.referred_on, moves_of(person.history), today)
