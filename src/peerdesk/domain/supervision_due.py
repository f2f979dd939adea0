"""When a PSW's next supervision is due: pure, from policy, journey, pauses and sessions held.

The rules, in the order they apply:

- Only the current active spell counts: it starts when they became active (from a pipeline
  stage, or on rejoining after leaving; coming back from a pause is not a new start), and
  sessions held before it are ignored. Not active now (never active, paused, left, or moved
  back to an earlier stage) means not due: the functions return None.
- Due is counted from the last session held in the spell, or from becoming active when there
  is none, by the interval that applies on that date: closer support for sessions held in
  the first N calendar weeks after becoming active (a session exactly N weeks on gets the
  standard interval), then the standard interval. Pauses do not lengthen closer support.
- Every paused day from the start date up to and including the due date moves the start of
  the count one day later (repeated until no more paused days are added), so a pause never
  brings a date earlier and the due date never falls on a paused day. Months are calendar
  months, clamped to month end: 31 January plus a month is the last day of February. With
  weeks that is exactly the paused days added to the date; with months near a month end it can
  be fewer (a session on 28 January, 2 days paused: a month from 30 January is still 28
  February), because adding the days to the date instead would let a session held after the
  pause (31 January, due 28 February) bring the date earlier than 2 March.
- The due date is always after the last session. Where the kind is no longer required (closer
  support only, and the date falls after it ends), or the date would pass the year 9999,
  nothing is due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter

from peerdesk.domain.calendar import describe_days, format_date
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import Frequency, Interval, SupervisionKind, SupervisionPolicy

_ON = attrgetter("on")

DUE_SOON_DAYS = 7
"""A due date this many days away or fewer (today included) is "due within 7 days"."""


class DueStatus(Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    FINE = "fine"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    DueStatus.OVERDUE: "Supervision overdue",
    DueStatus.DUE_SOON: f"Due within {DUE_SOON_DAYS} days",
    DueStatus.FINE: "Up to date",
}


def classify_due(due_on: dt.date, today: dt.date) -> DueStatus:
    """Overdue before today; due soon within :data:`DUE_SOON_DAYS` days (today included)."""
    days = due_on.toordinal() - today.toordinal()
    if days < 0:
        return DueStatus.OVERDUE
    return DueStatus.DUE_SOON if days <= DUE_SOON_DAYS else DueStatus.FINE


@dataclass(frozen=True)
class SupervisionDue:
    """The next due date of one kind of supervision for one PSW; never depends on today."""

    kind: SupervisionKind
    due_on: dt.date
    counted_from: dt.date
    """The last session held in this active spell, or the day they became active."""
    after_session: bool
    """True when ``counted_from`` is a session, False when it is becoming active."""

    def classify(self, today: dt.date) -> DueStatus:
        return classify_due(self.due_on, today)

    def sentence(self, today: dt.date) -> str:
        """ "Managerial supervision due 5 December 2026", "… due in 3 days: 5 December 2026",
        or "… overdue since 5 December 2026"."""
        what, on = f"{self.kind.label} supervision", format_date(self.due_on)
        status = self.classify(today)
        if status is DueStatus.OVERDUE:
            return f"{what} overdue since {on}"
        if status is DueStatus.DUE_SOON:
            days = self.due_on.toordinal() - today.toordinal()
            return f"{what} {describe_days(days)}: {on}"
        return f"{what} due {on}"


@dataclass(frozen=True)
class SessionHeld:
    """A supervision session as due dates see it: a group session lists every attendee."""

    kind: SupervisionKind
    held_on: dt.date
    attendees: frozenset[PswId]


def dates_held(
    sessions: Iterable[SessionHeld], psw_id: PswId, kind: SupervisionKind
) -> list[dt.date]:
    """The dates ``psw_id`` attended sessions of ``kind`` (a group counts for each attendee)."""
    return [s.held_on for s in sessions if s.kind is kind and psw_id in s.attendees]


@dataclass(frozen=True)
class _Spell:
    activated: dt.date
    pauses: tuple[tuple[dt.date, dt.date], ...]
    """Finished pauses as [first paused day, day back): the day back is active again."""


def _current_spell(history: Iterable[StatusChange]) -> _Spell | None:
    """The active spell they are in now, or None when they are not active now.

    ``history`` is oldest first; it is sorted by date, keeping the given order within a day.
    """
    activated: dt.date | None = None
    paused_from: dt.date | None = None
    pauses: list[tuple[dt.date, dt.date]] = []
    for change in sorted(history, key=_ON):
        if change.to_status is JourneyStatus.ACTIVE:
            if activated is None:
                activated, pauses = change.on, []
            elif paused_from is not None:
                pauses.append((paused_from, change.on))
            paused_from = None
        elif change.to_status is JourneyStatus.PAUSED:
            if activated is not None and paused_from is None:
                paused_from = change.on
        else:
            activated, paused_from, pauses = None, None, []
    if activated is None or paused_from is not None:
        return None
    return _Spell(activated, tuple(pauses))


def _paused_days(pauses: Sequence[tuple[dt.date, dt.date]], first: dt.date, last: dt.date) -> int:
    """Paused days from ``first`` to ``last``, both included."""
    end = last.toordinal() + 1
    return sum(
        max(0, min(back.toordinal(), end) - max(start.toordinal(), first.toordinal()))
        for start, back in pauses
    )


def _pushed(
    start: dt.date, interval: Interval, pauses: Sequence[tuple[dt.date, dt.date]]
) -> dt.date:
    """``start`` + ``interval``, with the start moved on by every paused day up to the due date.

    Moving the start (not the end) keeps months whole: a later start never gives an earlier
    date, so a pause or a later session can only push the result later.
    """
    if not pauses:
        return interval.after(start)  # nothing to push: the loop below would stop at once
    shift = 0
    while True:
        due = interval.after(start + dt.timedelta(days=shift))
        more = _paused_days(pauses, start, due)
        if more == shift:
            return due
        shift = more


def next_due_on(
    frequency: Frequency, history: Iterable[StatusChange], held_on: Iterable[dt.date]
) -> dt.date | None:
    """The next due date under ``frequency`` (see the module's rules); None when not due.

    ``held_on`` are the dates of sessions of this kind they attended (see :func:`dates_held`).
    """
    found = _due(frequency, history, held_on)
    return None if found is None else found[0]


def supervision_due(
    policy: SupervisionPolicy,
    kind: SupervisionKind,
    role: Role,
    history: Iterable[StatusChange],
    held_on: Iterable[dt.date],
) -> SupervisionDue | None:
    """When ``kind`` is next due for a PSW with ``role`` and journey ``history``.

    None when it is not due at all: not active now (paused PSWs are left out), the kind is not
    required for their role, or closer support only and it is over.
    """
    found = _due(policy.frequency(kind, role), history, held_on)
    if found is None:
        return None
    due, counted_from, after_session = found
    return SupervisionDue(kind, due, counted_from, after_session)


def _due(
    frequency: Frequency, history: Iterable[StatusChange], held_on: Iterable[dt.date]
) -> tuple[dt.date, dt.date, bool] | None:
    """(due date, counted from, whether that is a session), or None when nothing is due."""
    if frequency.standard is None and frequency.closer is None:
        return None  # not required at all: no interval would apply, whatever the journey
    spell = _current_spell(history)
    if spell is None:
        return None
    held = [day for day in held_on if day >= spell.activated]
    counted_from = max(held, default=spell.activated)
    interval = frequency.interval_on(counted_from, spell.activated)
    if interval is None:
        return None
    try:
        due = _pushed(counted_from, interval, spell.pauses)
    except (ValueError, OverflowError):
        return None  # past the year 9999: as good as never
    if frequency.standard is None and due >= frequency.closer_ends(spell.activated):
        return None  # closer support was all that was asked, and it is over by then
    return due, counted_from, bool(held)
