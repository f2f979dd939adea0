"""Needs attention's matching lines over time: long waits, old proposals, quiet matches."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import EndReason, Match, MatchStage
from peerdesk.domain.matching_attention import PERSON, long_wait_line
from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.viewer import COORDINATOR, EVERYONE, Viewer
from peerdesk.domain.waiting import Wait
from peerdesk.services.attention_service import (
    AttentionService,
    long_wait_lines,
    quiet_match_lines,
    stale_proposal_lines,
)
from peerdesk.services.bundle import Services
from peerdesk.services.clock import FixedClock
from peerdesk.storage.person_models import PersonRowModel
from tests.conftest import NOW

TODAY = NOW.date()
D = dt.date
MATCHING = (long_wait_lines, stale_proposal_lines, quiet_match_lines)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def person(services: Services, name: str, referred: int = 10) -> PersonId:
    details = PersonDetails(full_name=name, referred_on=days_ago(referred))
    who = services.people.create(details)[0].id
    services.person_consents.give(who, on=days_ago(200), how=ConsentHow.WRITTEN)
    return who


def psw(services: Services, name: str = "Łukasz Nowak") -> PswId:
    return services.psws.create(PswDetails(full_name=name, capacity=5))[0].id


def lines(services: Services, **extra: object) -> list[AttentionItem]:
    viewer = extra.get("viewer", COORDINATOR)
    assert isinstance(viewer, Viewer)
    service = AttentionService(services.workspace, FixedClock(NOW), sources=MATCHING, viewer=viewer)
    return service.items(30)


def active(services: Services, who: PersonId, by: PswId, on: int) -> Match:
    match, _ = services.matches.propose(who, by, on=days_ago(on + 2))
    services.matches.step(match.id, MatchStage.INTRODUCED, on=days_ago(on + 1))
    return services.matches.step(match.id, MatchStage.ACTIVE, on=days_ago(on))[0]


def contact(services: Services, match: Match, on: int) -> None:
    details = ContactDetails(days_ago(on), 60, ContactMode.PHONE, ContactOutcome.ATTENDED)
    services.matches.add_contact(match.id, details)


@pytest.mark.parametrize(("referred", "listed"), [(41, False), (42, False), (43, True), (63, True)])
def test_a_wait_is_listed_once_over_six_weeks(
    services: Services, referred: int, listed: bool
) -> None:
    who = person(services, "Zoë Nguyễn", referred)
    found = lines(services)
    assert bool(found) is listed
    if listed:
        [line] = found
        assert (line.subject_kind, line.subject_id, line.name) == (PERSON, who, "Zoë Nguyễn")
        assert line.item.startswith(f"Waiting {referred // 7} weeks (referred ")
        assert line.status == "Waiting over 6 weeks"
        assert line.due_on == days_ago(referred - 43)


def test_time_on_hold_is_subtracted_and_said(services: Services) -> None:
    who = person(services, "Zoë Nguyễn", referred=77)  # 11 weeks since referral
    version = services.people.get(who).version
    held = services.people.change_status(
        who, PersonStatus.ON_HOLD, on=days_ago(50), reason="In hospital", version=version
    )[0]
    services.people.change_status(
        who, PersonStatus.WAITING, on=days_ago(36), reason="", version=held.version
    )
    # 77 days less 14 on hold is 63: 9 weeks.
    [line] = lines(services)
    referred = format_date(days_ago(77))
    assert line.item == f"Waiting 9 weeks (referred {referred}; 2 weeks on hold)"
    assert line.due_on == days_ago(63 - 43)


def test_hold_taking_the_wait_to_six_weeks_exactly_is_not_listed(services: Services) -> None:
    who = person(services, "Sam Okafor", referred=50)
    version = services.people.get(who).version
    held = services.people.change_status(
        who, PersonStatus.ON_HOLD, on=days_ago(30), reason="Away", version=version
    )[0]
    services.people.change_status(
        who, PersonStatus.WAITING, on=days_ago(22), reason="", version=held.version
    )
    assert lines(services) == []  # 50 - 8 = 42 days


@pytest.mark.parametrize("status", [PersonStatus.ON_HOLD, PersonStatus.CLOSED])
def test_people_on_hold_or_closed_are_not_listed_as_waiting(
    services: Services, status: PersonStatus
) -> None:
    who = person(services, "Zoë Nguyễn", referred=100)
    services.people.change_status(
        who, status, on=TODAY, reason="Their choice", version=services.people.get(who).version
    )
    assert lines(services) == []


@pytest.mark.parametrize(("age", "listed"), [(13, False), (14, False), (15, True), (20, True)])
def test_a_proposal_is_listed_once_over_14_days_old(
    services: Services, age: int, listed: bool
) -> None:
    who = person(services, "Zoë Nguyễn")
    services.matches.propose(who, psw(services), on=days_ago(age))
    found = lines(services)
    assert bool(found) is listed
    if listed:
        [line] = found
        assert line.subject_kind == PERSON and line.subject_id == who
        assert (
            line.item == f"Proposed {age} days ago, not yet introduced (peer worker Łukasz Nowak)"
        )
        assert line.due_on == days_ago(age - 15)


def test_introduced_and_withdrawn_proposals_are_not_listed(services: Services) -> None:
    who, by = person(services, "Zoë Nguyễn"), psw(services)
    withdrawn, _ = services.matches.propose(who, by, on=days_ago(40))
    services.matches.step(withdrawn.id, MatchStage.WITHDRAWN, on=days_ago(39))
    introduced, _ = services.matches.propose(who, by, on=days_ago(30))
    services.matches.step(introduced.id, MatchStage.INTRODUCED, on=days_ago(29))
    assert [line.item for line in lines(services)] == []


@pytest.mark.parametrize(("quiet", "listed"), [(29, False), (30, True), (31, True)])
def test_an_active_match_with_no_contact_since_it_started(
    services: Services, quiet: int, listed: bool
) -> None:
    who = person(services, "Zoë Nguyễn")
    active(services, who, psw(services), on=quiet)
    found = lines(services)
    assert [line.item for line in found] == (
        [f"No contact for {quiet} days (peer worker Łukasz Nowak)"] if listed else []
    )


@pytest.mark.parametrize(("last", "listed"), [(29, False), (30, True), (41, True)])
def test_an_active_match_counted_from_its_last_contact(
    services: Services, last: int, listed: bool
) -> None:
    who = person(services, "Zoë Nguyễn")
    match = active(services, who, psw(services), on=60)
    contact(services, match, on=50)
    contact(services, match, on=last)
    found = lines(services)
    assert [(line.item, line.status) for line in found] == (
        [(f"No contact for {last} days (peer worker Łukasz Nowak)", "No recent contact")]
        if listed
        else []
    )
    if listed:
        assert found[0].due_on == days_ago(last - 30) and found[0].subject_id == who


def test_ended_matches_are_never_listed(services: Services) -> None:
    who = person(services, "Zoë Nguyễn")
    match = active(services, who, psw(services), on=90)
    services.matches.step(
        match.id, MatchStage.ENDED, on=days_ago(80), end_reason=EndReason.GOALS_MET
    )
    services.people.change_status(
        who, PersonStatus.CLOSED, on=TODAY, reason="Done", version=services.people.get(who).version
    )
    assert lines(services) == []


def test_protected_records_are_left_out_unless_the_viewer_may_see_them(services: Services) -> None:
    by = psw(services)
    who = person(services, "Zoë Nguyễn", referred=60)
    services.matches.propose(who, by, on=days_ago(20))
    linked = person(services, "Ada Obi", referred=60)
    with services.workspace.transaction() as s:
        # Ada is also the PSW's own record: both are protected.
        s.execute(
            update(PersonRowModel).where(PersonRowModel.id == linked).values(linked_psw_id=by)
        )
    assert {(line.name, line.status) for line in lines(services)} == {
        ("Zoë Nguyễn", "Waiting over 6 weeks")
    }
    assert {(line.name, line.status) for line in lines(services, viewer=EVERYONE)} == {
        ("Zoë Nguyễn", "Waiting over 6 weeks"),
        ("Zoë Nguyễn", "Not yet introduced"),
        ("Ada Obi", "Waiting over 6 weeks"),
    }


def test_known_as_names_the_line_and_all_sources_are_registered(services: Services) -> None:
    details = PersonDetails(full_name="Margaret Jones", known_as="Peggy", referred_on=days_ago(50))
    services.people.create(details)
    assert [line.name for line in services.attention.items(0)] == ["Peggy"]


@settings(max_examples=80)
@given(st.integers(0, 2000), st.integers(0, 2000))
def test_the_wait_line_matches_the_flag(since: int, held: int) -> None:
    wait = Wait(days_since_referral=since, days_on_hold=min(held, since))
    line = long_wait_line(PersonId(1), "A", D(2020, 1, 1), wait, TODAY)
    assert (line is not None) == (wait.days > 42)
    if line is not None:
        # due the day the wait went over six weeks, never in the future
        assert (TODAY - line.due_on).days == wait.days - 43
        assert f"Waiting {wait.days // 7:,} weeks" in line.item
