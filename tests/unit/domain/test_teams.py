"""The team check: two active peers sharing 2+ hours a week, failures named in plain words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.teams import TeamMember, team_problems


def week(*ranges: tuple[int, str, str]) -> Availability:
    """(weekday, "HH:MM", "HH:MM") ranges; whole and half hours only."""

    def slot(text: str) -> int:
        hour, minute = text.split(":")
        return int(hour) * 2 + int(minute) // 30

    return Availability.of(TimeRange(day, slot(a), slot(b)) for day, a, b in ranges)


MON_MORNING = week((0, "09:00", "12:00"))
MON_10_1130 = week((0, "10:00", "11:30"))
MON_1130_13 = week((0, "11:30", "13:00"))
MON_10_13 = week((0, "10:00", "13:00"))
TUE = week((1, "09:00", "17:00"))
NOTHING = Availability()


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        pytest.param([], ["Riverside: no active peers"], id="empty"),
        pytest.param(
            [("Zoë", False, MON_MORNING), ("Łukasz", False, MON_MORNING)],
            ["Riverside: no active peers"],
            id="none-active",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING)],
            ["Riverside: only one active peer (Zoë)"],
            id="one",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", False, MON_MORNING)],
            ["Riverside: only one active peer (Zoë)"],
            id="one-active-one-paused",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, TUE)],
            ["Riverside: Zoë and Łukasz share no hours"],
            id="no-overlap",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, NOTHING)],
            ["Riverside: Zoë and Łukasz share no hours"],
            id="availability-not-recorded",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, MON_10_1130)],
            ["Riverside: Zoë and Łukasz share only 1.5 hours a week"],
            id="one-and-a-half",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, week((0, "11:00", "13:00")))],
            ["Riverside: Zoë and Łukasz share only 1 hour a week"],
            id="one-hour",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, MON_1130_13)],
            ["Riverside: Zoë and Łukasz share only half an hour a week"],
            id="half-hour",
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, TUE), ("Аня", True, MON_1130_13)],
            [
                "Riverside: Zoë and Łukasz share no hours",
                "Riverside: Zoë and Аня share only half an hour a week",
                "Riverside: Łukasz and Аня share no hours",
            ],
            id="three-no-pair-enough",
        ),
    ],
)
def test_problems_named(members: list[tuple[str, bool, Availability]], expected: list[str]) -> None:
    assert team_problems("Riverside", members) == expected


@pytest.mark.parametrize(
    "members",
    [
        pytest.param([("Zoë", True, MON_MORNING), ("Łukasz", True, MON_MORNING)], id="same"),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, MON_10_13)], id="exactly-2-hours"
        ),
        pytest.param(
            [("Zoë", True, MON_MORNING), ("Łukasz", True, TUE), ("Аня", True, TUE)],
            id="one-good-pair-is-enough",
        ),
        pytest.param(
            [("Zoë", True, TUE), ("Paused", False, NOTHING), ("Łukasz", True, TUE)],
            id="inactive-ignored",
        ),
    ],
)
def test_fine_team_has_no_problems(members: list[tuple[str, bool, Availability]]) -> None:
    assert team_problems("Riverside", members) == []


def test_accepts_team_members_and_blank_names() -> None:
    members = [TeamMember("Zoë", True, MON_MORNING), TeamMember("  ", True, TUE)]
    assert team_problems("  ", members) == ["Unnamed team: Zoë and (no name) share no hours"]


slots = st.sets(st.tuples(st.integers(0, 6), st.integers(0, 47)), max_size=40)


@given(st.lists(st.tuples(st.booleans(), slots), max_size=5))
def test_problems_agree_with_the_rule(raw: list[tuple[bool, set[tuple[int, int]]]]) -> None:
    members = [(f"P{n}", active, Availability.from_slots(s)) for n, (active, s) in enumerate(raw)]
    active = [m for m in members if m[1]]
    ok = any(a[2].shared_hours(b[2]) >= 2 for i, a in enumerate(active) for b in active[i + 1 :])
    problems = team_problems("T", members)
    assert (problems == []) == ok
    assert all(p.startswith("T: ") for p in problems)
