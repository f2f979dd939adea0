"""Supervision kinds and the frequency policy: closer support after activation, then a rhythm."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from peerdesk.domain.calendar import add_months
from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import Role

MAX_WEEKS = 26
"""Longest interval in weeks: half a year between sessions."""
MAX_MONTHS = 6
"""Longest interval in calendar months (the same half year)."""
MAX_CLOSER_WEEKS = 104
"""Closer support can last up to two years after becoming active."""


class SupervisionKind(Enum):
    """Managerial (caseload, tasks), reflective (own story, boundaries) or professional."""

    MANAGERIAL = "managerial"
    REFLECTIVE = "reflective"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class IntervalUnit(Enum):
    """Weeks are exact (7 days each); months are calendar months, clamped to month end."""

    WEEKS = "weeks"
    MONTHS = "months"


@dataclass(frozen=True)
class Interval:
    """Time between sessions: ``count`` weeks, or ``count`` calendar months.

    A month from 31 January is the last day of February (see :func:`add_months`); weeks
    allow 1 to 26, months 1 to 6.
    """

    count: int
    unit: IntervalUnit

    def after(self, day: dt.date) -> dt.date:
        """``day`` moved on by this interval. Raises past the calendar's end (year 9999)."""
        if self.unit is IntervalUnit.WEEKS:
            return day + dt.timedelta(weeks=self.count)
        return add_months(day, self.count)

    @property
    def shortest_days(self) -> int:
        """The fewest days this interval can span, whatever the start date."""
        return 7 * self.count if self.unit is IntervalUnit.WEEKS else 28 * self.count

    @property
    def longest_days(self) -> int:
        """The most days this interval can span, whatever the start date."""
        return 7 * self.count if self.unit is IntervalUnit.WEEKS else 31 * self.count

    @property
    def words(self) -> str:
        """ "every 2 weeks", "every month", "every 3 months"."""
        unit = "week" if self.unit is IntervalUnit.WEEKS else "month"
        return f"every {unit}" if self.count == 1 else f"every {self.count} {unit}s"

    def never_longer_than(self, other: Interval) -> bool:
        """From any two start dates in order, this interval never ends after ``other`` does."""
        if self.unit is other.unit:
            return self.count <= other.count
        return self.longest_days <= other.shortest_days


FORTNIGHTLY = Interval(2, IntervalUnit.WEEKS)
MONTHLY = Interval(1, IntervalUnit.MONTHS)


@dataclass(frozen=True)
class Frequency:
    """How often one kind of supervision is due for one role.

    ``closer`` applies to sessions held in the first ``closer_weeks`` calendar weeks after
    becoming active (a session exactly ``closer_weeks`` weeks on is already past it), then
    ``standard``. ``standard`` None means the kind is not required after closer support (and
    not at all when ``closer_weeks`` is 0). Pauses do not lengthen closer support: they push
    each due date later instead (see ``supervision_due``).
    """

    standard: Interval | None
    closer: Interval | None = None
    closer_weeks: int = 0

    @property
    def required(self) -> bool:
        return self.standard is not None or (self.closer is not None and self.closer_weeks > 0)

    def closer_ends(self, activated: dt.date) -> dt.date:
        """The first day after closer support (``activated`` itself when there is none)."""
        if self.closer is None:
            return activated
        return activated + dt.timedelta(weeks=self.closer_weeks)

    def interval_on(self, day: dt.date, activated: dt.date) -> Interval | None:
        """The interval that applies to a session held on ``day``."""
        if day < self.closer_ends(activated):
            return self.closer
        return self.standard

    @property
    def words(self) -> str:
        """ "every 2 weeks for 12 weeks, then every month", or "not required"."""
        then = self.standard.words if self.standard is not None else "not required"
        if self.closer is None or self.closer_weeks == 0:
            return then
        return f"{self.closer.words} for {self.closer_weeks} weeks, then {then}"


NOT_REQUIRED = Frequency(standard=None)


@dataclass(frozen=True)
class FrequencyRule:
    """The frequency of one kind of supervision for paid staff or for volunteers."""

    kind: SupervisionKind
    role: Role
    frequency: Frequency


@dataclass(frozen=True)
class SupervisionPolicy:
    """Every rule the scheme keeps; a (kind, role) with no rule is not required."""

    rules: tuple[FrequencyRule, ...]

    def frequency(self, kind: SupervisionKind, role: Role) -> Frequency:
        for rule in self.rules:
            if rule.kind is kind and rule.role is role:
                return rule.frequency
        return NOT_REQUIRED

    def with_frequency(
        self, kind: SupervisionKind, role: Role, frequency: Frequency
    ) -> SupervisionPolicy:
        """A copy with (kind, role) set to ``frequency``; other rules keep their order."""
        kept = tuple(r for r in self.rules if (r.kind, r.role) != (kind, role))
        return replace(self, rules=(*kept, FrequencyRule(kind, role, frequency)))


def _defaults() -> SupervisionPolicy:
    managerial = Frequency(standard=MONTHLY, closer=FORTNIGHTLY, closer_weeks=12)
    reflective = Frequency(standard=MONTHLY)
    return SupervisionPolicy(
        tuple(
            FrequencyRule(kind, role, frequency)
            for kind, frequency in (
                (SupervisionKind.MANAGERIAL, managerial),
                (SupervisionKind.REFLECTIVE, reflective),
                (SupervisionKind.PROFESSIONAL, NOT_REQUIRED),
            )
            for role in (Role.PAID, Role.VOLUNTEER)
        )
    )


DEFAULT_POLICY = _defaults()
"""What a new vault starts with, the same for paid staff and volunteers.

Managerial: fortnightly for the first 12 weeks after becoming active, then monthly.
Reflective: monthly from the start. Professional: not required by default, because it is
arranged case by case (e.g. for a PSW with a professional registration of their own); a
coordinator who wants a rhythm for it sets one.
"""


def frequency_problems(frequency: Frequency) -> list[Problem]:
    """Why ``frequency`` cannot be saved (blocking) or will not do what was meant (warnings)."""
    problems: list[Problem] = []
    for field, interval in (("standard", frequency.standard), ("closer", frequency.closer)):
        if interval is not None:
            problems += _interval_problems(field, interval)
    weeks = frequency.closer_weeks
    if not 0 <= weeks <= MAX_CLOSER_WEEKS:
        problems.append(
            Problem(
                "closer_weeks",
                f"Closer support can last 0 to {MAX_CLOSER_WEEKS} weeks after becoming active.",
            )
        )
    elif weeks > 0 and frequency.closer is None:
        problems.append(
            Problem(
                "closer",
                "Say how often sessions are during closer support, or make it last 0 weeks.",
            )
        )
    elif weeks == 0 and frequency.closer is not None:
        problems.append(
            Problem(
                "closer_weeks",
                "Closer support lasts 0 weeks, so its interval will never be used.",
                blocking=False,
            )
        )
    if problems:
        return problems
    closer, standard = frequency.closer, frequency.standard
    if (
        closer is not None
        and standard is not None
        and weeks > 0
        and not closer.never_longer_than(standard)
    ):
        problems.append(
            Problem(
                "closer",
                f"Closer support must be at least as often as afterwards: {closer.words} "
                f"can be less often than {standard.words}.",
            )
        )
    return problems


def _interval_problems(field: str, interval: Interval) -> list[Problem]:
    if interval.unit is IntervalUnit.WEEKS and not 1 <= interval.count <= MAX_WEEKS:
        return [Problem(field, f"Choose 1 to {MAX_WEEKS} weeks between sessions.")]
    if interval.unit is IntervalUnit.MONTHS and not 1 <= interval.count <= MAX_MONTHS:
        return [Problem(field, f"Choose 1 to {MAX_MONTHS} months between sessions.")]
    return []


def policy_problems(policy: SupervisionPolicy) -> list[Problem]:
    """Each rule's problems, saying which kind and role they are about, and any duplicates.

    ``field`` is "kind.role.field", e.g. "managerial.volunteer.closer_weeks".
    """
    problems: list[Problem] = []
    seen: set[tuple[SupervisionKind, Role]] = set()
    for rule in policy.rules:
        who = "paid staff" if rule.role is Role.PAID else "volunteers"
        prefix = f"{rule.kind.value}.{rule.role.value}"
        if (rule.kind, rule.role) in seen:
            problems.append(
                Problem(
                    prefix,
                    f"{rule.kind.label} supervision for {who} is set twice: keep one.",
                )
            )
        seen.add((rule.kind, rule.role))
        for problem in frequency_problems(rule.frequency):
            problems.append(
                replace(
                    problem,
                    field=f"{prefix}.{problem.field}",
                    message=f"{rule.kind.label} supervision for {who}: "
                    f"{problem.message[:1].lower()}{problem.message[1:]}",
                )
            )
    return problems
