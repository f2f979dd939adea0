"""The contact log: what a contact may not be, and volunteer hours from attended minutes."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import (
    Contact,
    ContactDetails,
    ContactId,
    ContactOutcome,
    HoursKey,
    MatchId,
    contact_problems,
    month_of,
    tidied_contact,
    volunteer_hours,
)
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId

TODAY = dt.date(2026, 3, 20)
INTRODUCED = dt.date(2026, 3, 3)
PHONE = ContactMode.PHONE


def details(
    on: dt.date = dt.date(2026, 3, 10),
    minutes: int = 60,
    outcome: ContactOutcome = ContactOutcome.ATTENDED,
    note: str = "",
) -> ContactDetails:
    return ContactDetails(on, minutes, PHONE, outcome, note)


def test_a_good_contact_has_no_problems() -> None:
    assert contact_problems(details(), introduced_on=INTRODUCED, today=TODAY) == []


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(
            details(minutes=0),
            [Problem("minutes", "Give how long the contact lasted, in minutes (more than 0).")],
            id="zero",
        ),
        pytest.param(
            details(minutes=-30),
            [Problem("minutes", "Give how long the contact lasted, in minutes (more than 0).")],
            id="negative",
        ),
        pytest.param(
            details(minutes=721),
            [
                Problem(
                    "minutes",
                    "A contact cannot last more than 12 hours (720 minutes): check the minutes.",
                )
            ],
            id="over-12-hours",
        ),
        pytest.param(
            details(on=dt.date(2026, 3, 2)),
            [Problem("on", "The contact date is before the introduction on 3 March 2026.")],
            id="before-introduction",
        ),
        pytest.param(
            details(on=dt.date(2026, 3, 21)),
            [Problem("on", "The contact date cannot be in the future.")],
            id="future",
        ),
        pytest.param(
            details(note="x" * 10_001),
            [Problem("note", "Use at most 10,000 characters.")],
            id="note-too-long",
        ),
        pytest.param(
            details(on=dt.date(2026, 3, 2), minutes=0),
            [
                Problem("minutes", "Give how long the contact lasted, in minutes (more than 0)."),
                Problem("on", "The contact date is before the introduction on 3 March 2026."),
            ],
            id="two-at-once",
        ),
    ],
)
def test_problems_name_the_field(d: ContactDetails, expected: list[Problem]) -> None:
    assert contact_problems(d, introduced_on=INTRODUCED, today=TODAY) == expected


@pytest.mark.parametrize(
    "d",
    [
        pytest.param(details(minutes=1), id="one-minute"),
        pytest.param(details(minutes=720), id="exactly-12-hours"),
        pytest.param(details(on=INTRODUCED), id="on-introduction-day"),
        pytest.param(details(on=TODAY), id="today"),
    ],
)
def test_boundaries_are_allowed(d: ContactDetails) -> None:
    assert contact_problems(d, introduced_on=INTRODUCED, today=TODAY) == []


def test_not_yet_introduced() -> None:
    assert contact_problems(details(), introduced_on=None, today=TODAY) == [
        Problem("on", "This match has not been introduced yet: record the introduction first.")
    ]


def test_tidies_the_note() -> None:
    assert tidied_contact(details(note="  Went well  ")).note == "Went well"


def contact(psw: int, match: int, on: dt.date, minutes: int, outcome: ContactOutcome) -> Contact:
    d = ContactDetails(on, minutes, PHONE, outcome)
    return Contact(ContactId(0), MatchId(match), PswId(psw), d)


ATTENDED, DNA, CANCELLED = (
    ContactOutcome.ATTENDED,
    ContactOutcome.DID_NOT_ATTEND,
    ContactOutcome.CANCELLED,
)


def test_hours_by_psw_match_and_month() -> None:
    contacts = [
        contact(1, 10, dt.date(2026, 3, 3), 90, ATTENDED),
        contact(1, 10, dt.date(2026, 3, 31), 30, ATTENDED),
        contact(1, 10, dt.date(2026, 4, 1), 45, ATTENDED),
        contact(1, 10, dt.date(2026, 4, 8), 60, DNA),
        contact(1, 11, dt.date(2026, 3, 5), 60, CANCELLED),
        contact(2, 12, dt.date(2025, 12, 31), 20, ATTENDED),
    ]
    assert volunteer_hours(contacts) == {
        HoursKey(PswId(1), MatchId(10), "2026-03"): 2.0,
        HoursKey(PswId(1), MatchId(10), "2026-04"): 0.75,
        HoursKey(PswId(2), MatchId(12), "2025-12"): 20 / 60,
    }


def test_no_contacts_no_hours() -> None:
    assert volunteer_hours([]) == {}


def test_keys_come_in_order() -> None:
    contacts = [
        contact(2, 1, dt.date(2026, 1, 1), 10, ATTENDED),
        contact(1, 2, dt.date(2026, 2, 1), 10, ATTENDED),
        contact(1, 2, dt.date(2026, 1, 1), 10, ATTENDED),
    ]
    assert [k.month for k in volunteer_hours(contacts)] == ["2026-01", "2026-02", "2026-01"]


@pytest.mark.parametrize(
    ("day", "month"), [(dt.date(2026, 3, 1), "2026-03"), (dt.date(999, 12, 31), "0999-12")]
)
def test_month_of(day: dt.date, month: str) -> None:
    assert month_of(day) == month


contacts_strategy = st.lists(
    st.builds(
        contact,
        st.integers(1, 3),
        st.integers(1, 3),
        st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
        st.integers(1, 720),
        st.sampled_from(ContactOutcome),
    ),
    max_size=40,
)


@given(contacts_strategy)
def test_hours_sum_to_attended_minutes(contacts: list[Contact]) -> None:
    hours = volunteer_hours(contacts)
    attended = sum(c.details.minutes for c in contacts if c.details.outcome is ATTENDED)
    assert math.isclose(sum(hours.values()) * 60, attended, abs_tol=1e-6)
    assert all(h > 0 for h in hours.values())
    for key, h in hours.items():
        minutes = sum(
            c.details.minutes
            for c in contacts
            if c.details.outcome is ATTENDED
            and HoursKey(c.psw_id, c.match_id, month_of(c.details.on)) == key
        )
        assert h == minutes / 60


@given(contacts_strategy, st.randoms())
def test_order_of_contacts_does_not_matter(contacts: list[Contact], rnd: random.Random) -> None:
    shuffled = list(contacts)
    rnd.shuffle(shuffled)
    assert list(volunteer_hours(shuffled).items()) == list(volunteer_hours(contacts).items())
