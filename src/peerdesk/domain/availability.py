"""Weekly availability as time ranges per weekday in 30-minute steps, and the maths on it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SLOTS_PER_DAY = 48
"""Half-hour steps in a day: slot 0 is 00:00–00:30, slot 47 is 23:30–24:00."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_SHORT = tuple(day[:3] for day in WEEKDAYS)


@dataclass(frozen=True, order=True)
class TimeRange:
    """Half-hour slots ``start`` (inclusive) to ``end`` (exclusive) on ``weekday`` (0 = Monday)."""

    weekday: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.weekday < 7:
            raise ValueError(f"weekday must be 0–6, not {self.weekday}")
        if not 0 <= self.start < self.end <= SLOTS_PER_DAY:
            raise ValueError(
                f"a time range must run forwards within one day: {self.start}–{self.end}"
            )

    @property
    def hours(self) -> float:
        return (self.end - self.start) / 2

    def label(self) -> str:
        """Like "Mon 09:00–12:30"."""
        return f"{WEEKDAY_SHORT[self.weekday]} {slot_time(self.start)}–{slot_time(self.end)}"


def slot_time(slot: int) -> str:
    """Slot number to "HH:MM" (slot 48 is "24:00", the end of the day)."""
    return f"{slot // 2:02d}:{(slot % 2) * 30:02d}"


def parse_time(text: str) -> int:
    """ "09:30" or "9.30" or "930" to a slot number; only whole and half hours are allowed."""
    match = re.fullmatch(r"\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*", text)
    if not match:
        raise ValueError(f'"{text}" is not a time like 09:30')
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if minute not in (0, 30) or hour > 24 or (hour == 24 and minute):
        raise ValueError(f'"{text}" is not on the hour or half hour')
    return hour * 2 + minute // 30


@dataclass(frozen=True)
class Availability:
    """A normalised week: ranges sorted, overlapping or touching ranges on a day merged."""

    ranges: tuple[TimeRange, ...] = ()

    @classmethod
    def of(cls, ranges: Iterable[TimeRange]) -> Availability:
        return cls(_merge(ranges))

    @classmethod
    def from_slots(cls, slots: Iterable[tuple[int, int]]) -> Availability:
        """From (weekday, slot) pairs, as ticked in the weekly grid."""
        return cls.of(TimeRange(day, slot, slot + 1) for day, slot in slots)

    def slots(self) -> frozenset[tuple[int, int]]:
        return frozenset((r.weekday, s) for r in self.ranges for s in range(r.start, r.end))

    @property
    def hours_per_week(self) -> float:
        return sum(r.hours for r in self.ranges)

    def shared_hours(self, other: Availability) -> float:
        """Hours a week both are free: what matching's availability criterion is built on."""
        return len(self.slots() & other.slots()) / 2

    def describe(self) -> str:
        return ", ".join(r.label() for r in self.ranges) or "Not recorded"


def _merge(ranges: Iterable[TimeRange]) -> tuple[TimeRange, ...]:
    merged: list[TimeRange] = []
    for r in sorted(ranges):
        last = merged[-1] if merged else None
        if last and last.weekday == r.weekday and r.start <= last.end:
            merged[-1] = TimeRange(last.weekday, last.start, max(last.end, r.end))
        else:
            merged.append(r)
    return tuple(merged)
