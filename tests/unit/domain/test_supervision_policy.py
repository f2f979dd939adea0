"""The supervision frequency policy: defaults, wording and why a bad rule is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    DEFAULT_POLICY,
    FORTNIGHTLY,
    MONTHLY,
    NOT_REQUIRED,
    Frequency,
    FrequencyRule,
    Interval,
    IntervalUnit,
    SupervisionKind,
    SupervisionPolicy,
    frequency_problems,
    policy_problems,
)

WEEKS, MONTHS = IntervalUnit.WEEKS, IntervalUnit.MONTHS


def test_defaults_for_paid_staff_and_volunteers_alike() -> None:
    assert policy_problems(DEFAULT_POLICY) == []
    for role in Role:
        managerial = DEFAULT_POLICY.frequency(SupervisionKind.MANAGERIAL, role)
        assert managerial.words == "every 2 weeks for 12 weeks, then every month"
        reflective = DEFAULT_POLICY.frequency(SupervisionKind.REFLECTIVE, role)
        assert reflective.words == "every month"
        professional = DEFAULT_POLICY.frequency(SupervisionKind.PROFESSIONAL, role)
        assert (professional.words, professional.required) == ("not required", False)
    assert [k.label for k in SupervisionKind] == ["Managerial", "Reflective", "Professional"]


def test_a_kind_with_no_rule_is_not_required_and_a_change_replaces_one_rule() -> None:
    assert SupervisionPolicy(()).frequency(SupervisionKind.REFLECTIVE, Role.PAID) == NOT_REQUIRED
    weekly = Frequency(Interval(1, WEEKS))
    changed = DEFAULT_POLICY.with_frequency(SupervisionKind.REFLECTIVE, Role.PAID, weekly)
    assert changed.frequency(SupervisionKind.REFLECTIVE, Role.PAID) == weekly
    assert changed.frequency(SupervisionKind.REFLECTIVE, Role.VOLUNTEER) == Frequency(MONTHLY)
    assert len(changed.rules) == len(DEFAULT_POLICY.rules)


def test_interval_arithmetic_and_words() -> None:
    assert FORTNIGHTLY.after(dt.date(2026, 12, 25)) == dt.date(2027, 1, 8)
    assert MONTHLY.after(dt.date(2026, 1, 31)) == dt.date(2026, 2, 28)
    assert Interval(3, MONTHS).words == "every 3 months"
    assert Interval(1, WEEKS).words == "every week"


@pytest.mark.parametrize(
    ("frequency", "field", "message"),
    [
        (Frequency(Interval(0, WEEKS)), "standard", "Choose 1 to 26 weeks between sessions."),
        (Frequency(Interval(27, WEEKS)), "standard", "Choose 1 to 26 weeks between sessions."),
        (Frequency(Interval(7, MONTHS)), "standard", "Choose 1 to 6 months between sessions."),
        (
            Frequency(MONTHLY, Interval(0, MONTHS), 4),
            "closer",
            "Choose 1 to 6 months between sessions.",
        ),
        (
            Frequency(MONTHLY, FORTNIGHTLY, 105),
            "closer_weeks",
            "Closer support can last 0 to 104 weeks after becoming active.",
        ),
        (
            Frequency(MONTHLY, FORTNIGHTLY, -1),
            "closer_weeks",
            "Closer support can last 0 to 104 weeks after becoming active.",
        ),
        (
            Frequency(MONTHLY, None, 12),
            "closer",
            "Say how often sessions are during closer support, or make it last 0 weeks.",
        ),
        (
            Frequency(MONTHLY, Interval(5, WEEKS), 12),
            "closer",
            "Closer support must be at least as often as afterwards: every 5 weeks can be less "
            "often than every month.",
        ),
        (
            Frequency(Interval(4, WEEKS), MONTHLY, 12),
            "closer",
            "Closer support must be at least as often as afterwards: every month can be less "
            "often than every 4 weeks.",
        ),
        (
            Frequency(Interval(2, MONTHS), Interval(3, MONTHS), 12),
            "closer",
            "Closer support must be at least as often as afterwards: every 3 months can be less "
            "often than every 2 months.",
        ),
    ],
)
def test_blocking_problems_in_plain_words(frequency: Frequency, field: str, message: str) -> None:
    assert frequency_problems(frequency) == [Problem(field, message)]


@pytest.mark.parametrize(
    "frequency",
    [
        Frequency(MONTHLY, Interval(4, WEEKS), 12),  # four weeks is never longer than a month
        Frequency(MONTHLY, MONTHLY, 12),
        Frequency(Interval(5, WEEKS), MONTHLY, 12),  # a month is never longer than 35 days
        Frequency(Interval(6, MONTHS), Interval(24, WEEKS), 104),  # 168 days: never longer
        Frequency(None, Interval(1, WEEKS), 8),  # closer support only
        NOT_REQUIRED,
    ],
)
def test_rules_that_can_be_saved(frequency: Frequency) -> None:
    assert frequency_problems(frequency) == []


def test_an_unused_closer_interval_is_only_a_warning() -> None:
    problems = frequency_problems(Frequency(MONTHLY, FORTNIGHTLY, 0))
    assert problems == [
        Problem(
            "closer_weeks",
            "Closer support lasts 0 weeks, so its interval will never be used.",
            blocking=False,
        )
    ]


def test_policy_problems_name_the_kind_and_role_and_catch_duplicates() -> None:
    bad = FrequencyRule(SupervisionKind.REFLECTIVE, Role.VOLUNTEER, Frequency(Interval(0, WEEKS)))
    policy = SupervisionPolicy((*DEFAULT_POLICY.rules, bad))
    assert policy_problems(policy) == [
        Problem(
            "reflective.volunteer",
            "Reflective supervision for volunteers is set twice: keep one.",
        ),
        Problem(
            "reflective.volunteer.standard",
            "Reflective supervision for volunteers: choose 1 to 26 weeks between sessions.",
        ),
    ]
