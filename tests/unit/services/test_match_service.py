"""Matches through the service: the lifecycle, contacts, volunteer hours and places used."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome, HoursKey
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import CONSENT_MESSAGE, EndReason, Match, MatchStage
from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from tests.conftest import NOW

TODAY = NOW.date()
REFERRED = dt.date(2026, 6, 1)
D = dt.date


def person(services: Services, name: str = "Zoë Nguyễn", *, consent: bool = True) -> PersonId:
    """A referral; with ``consent`` their consent to share is given on the referral date."""
    who = services.people.create(PersonDetails(full_name=name, referred_on=REFERRED))[0].id
    if consent:
        services.person_consents.give(who, on=REFERRED, how=ConsentHow.WRITTEN)
    return who


def psw(services: Services, name: str = "Łukasz Nowak", capacity: int = 2) -> PswId:
    return services.psws.create(PswDetails(full_name=name, capacity=capacity))[0].id


def fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.message for p in excinfo.value.problems}


def active_match(services: Services, who: PersonId, by: PswId) -> Match:
    match, _ = services.matches.propose(who, by, on=D(2026, 9, 1))
    services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 3))
    return services.matches.step(match.id, MatchStage.ACTIVE, on=D(2026, 9, 10), by="Ann")[0]


def test_proposed_introduced_active_ended(services: Services) -> None:
    who, by = person(services, consent=False), psw(services)
    match, changes = services.matches.propose(who, by, "Both walk dogs and speak Polish")
    assert changes.matches == {match.id} and not changes.empty
    assert match.stage is MatchStage.PROPOSED and match.history[0].on == TODAY
    assert services.matches.rationale(match.id) == "Both walk dogs and speak Polish"

    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.INTRODUCED, on=TODAY)
    assert fields(refused) == {"stage": CONSENT_MESSAGE}
    services.person_consents.give(who, on=TODAY, how=ConsentHow.IN_PERSON)
    match, changes = services.matches.step(match.id, MatchStage.INTRODUCED, on=TODAY, by="Ann")
    assert match.stage is MatchStage.INTRODUCED and changes.people == {who}
    assert services.people.get(who).status is PersonStatus.MATCHED

    match, _ = services.matches.step(match.id, MatchStage.ACTIVE, on=TODAY, note="First walk")
    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.ENDED, on=TODAY)
    assert set(fields(refused)) == {"end_reason"}
    match, _ = services.matches.step(
        match.id, MatchStage.ENDED, on=TODAY, end_reason=EndReason.GOALS_MET
    )
    assert [s.stage for s in match.history] == [
        MatchStage.PROPOSED,
        MatchStage.INTRODUCED,
        MatchStage.ACTIVE,
        MatchStage.ENDED,
    ]
    assert match.history[-1].end_reason is EndReason.GOALS_MET
    assert services.matches.get(match.id) == match
    assert services.matches.for_person(who) == [match] == services.matches.for_psw(by)


def test_withdrawn_before_introduction(services: Services) -> None:
    match, _ = services.matches.propose(person(services), psw(services))
    match, changes = services.matches.step(match.id, MatchStage.WITHDRAWN, on=TODAY, note="PSW ill")
    assert match.stage is MatchStage.WITHDRAWN and not changes.people
    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.INTRODUCED, on=TODAY)
    assert "no further steps" in fields(refused)["stage"]


def test_steps_out_of_order_future_or_before_the_last_are_refused(services: Services) -> None:
    match, _ = services.matches.propose(person(services), psw(services), on=D(2026, 10, 1))
    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.ACTIVE, on=TODAY)
    assert set(fields(refused)) == {"stage"}
    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.INTRODUCED, on=TODAY + dt.timedelta(1))
    assert "future" in fields(refused)["on"]
    with pytest.raises(ValidationFailed) as refused:
        services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 30))
    assert "before the last step" in fields(refused)["on"]
    assert services.matches.get(match.id).history == match.history


def test_rationale_is_refused_when_too_short_and_a_pair_only_once(services: Services) -> None:
    who, by = person(services), psw(services)
    with pytest.raises(ValidationFailed) as refused:
        services.matches.propose(who, by, "Nearby")
    assert set(fields(refused)) == {"rationale"}
    services.matches.propose(who, by)
    with pytest.raises(ValidationFailed) as refused:
        services.matches.propose(who, by)
    assert set(fields(refused)) == {"psw_id"}


def details(on: dt.date, minutes: int = 60, **kw: object) -> ContactDetails:
    return ContactDetails(on, minutes, ContactMode.PHONE, **kw)  # type: ignore[arg-type]


def test_contacts_refused_when_empty_too_long_or_before_the_introduction(
    services: Services,
) -> None:
    match, _ = services.matches.propose(person(services), psw(services), on=D(2026, 9, 1))
    with pytest.raises(ValidationFailed) as refused:
        services.matches.add_contact(match.id, details(D(2026, 9, 2)))
    assert "not been introduced" in fields(refused)["on"]
    services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 3))
    for minutes in (0, -5, 12 * 60 + 1):
        with pytest.raises(ValidationFailed) as refused:
            services.matches.add_contact(match.id, details(D(2026, 9, 4), minutes))
        assert set(fields(refused)) == {"minutes"}
    with pytest.raises(ValidationFailed) as refused:
        services.matches.add_contact(match.id, details(D(2026, 9, 2)))
    assert "before the introduction" in fields(refused)["on"]
    with pytest.raises(ValidationFailed):
        services.matches.add_contact(match.id, details(TODAY + dt.timedelta(1)))
    contact, changes = services.matches.add_contact(
        match.id, details(D(2026, 9, 3), 12 * 60, note="  Long walk  ")
    )
    assert changes.matches == {match.id}
    assert contact.details.note == "Long walk" and contact.psw_id == match.psw_id
    assert services.matches.contacts(match.id) == [contact]


def test_hours_by_month_come_from_attended_contacts_only(services: Services) -> None:
    by, other = psw(services), psw(services, "李明")
    first = active_match(services, person(services), by)
    second = active_match(services, person(services, "محمد"), other)
    for on, minutes, outcome in [
        (D(2026, 9, 10), 90, ContactOutcome.ATTENDED),
        (D(2026, 9, 20), 45, ContactOutcome.ATTENDED),
        (D(2026, 9, 25), 60, ContactOutcome.DID_NOT_ATTEND),
        (D(2026, 10, 2), 30, ContactOutcome.CANCELLED),
        (D(2026, 10, 3), 20, ContactOutcome.ATTENDED),
    ]:
        services.matches.add_contact(first.id, details(on, minutes, outcome=outcome))
    services.matches.add_contact(second.id, details(D(2026, 9, 12), 60))

    hours = services.matches.volunteer_hours(by, D(2026, 9, 1), D(2026, 10, 31))
    assert hours == {
        HoursKey(by, first.id, "2026-09"): 2.25,
        HoursKey(by, first.id, "2026-10"): 20 / 60,
    }
    everyone = services.matches.volunteer_hours(None, D(2026, 9, 1), D(2026, 9, 30))
    assert everyone == {
        HoursKey(by, first.id, "2026-09"): 2.25,
        HoursKey(other, second.id, "2026-09"): 1.0,
    }


def test_places_used_by_live_matches_for_many_psws(services: Services) -> None:
    by, other, idle = psw(services), psw(services, "李明", capacity=1), psw(services, "Ann")
    people = [person(services, n) for n in ("A One", "B Two", "C Three", "D Four")]
    active_match(services, people[0], by)
    services.matches.propose(people[1], by)
    withdrawn, _ = services.matches.propose(people[2], by)
    services.matches.step(withdrawn.id, MatchStage.WITHDRAWN, on=TODAY)
    ended = active_match(services, people[3], other)
    services.matches.step(ended.id, MatchStage.ENDED, on=TODAY, end_reason=EndReason.MOVED_AWAY)
    services.matches.propose(people[2], other)

    assert services.matches.places_used([by, other, idle]) == {by: 2, other: 1, idle: 0}
    assert services.matches.places_left([by, other, idle]) == {by: 0, other: 0, idle: 2}
    assert services.matches.places_used([]) == {}


def test_ending_returns_the_person_to_waiting_with_their_first_referral(
    services: Services,
) -> None:
    who = person(services)
    first = active_match(services, who, psw(services))
    second = active_match(services, who, psw(services, "李明"))
    assert services.people.get(who).status is PersonStatus.MATCHED

    _, changes = services.matches.step(
        first.id, MatchStage.ENDED, on=TODAY, end_reason=EndReason.PSWS_CHOICE
    )
    assert not changes.people  # still matched through the second
    assert services.people.get(who).status is PersonStatus.MATCHED

    _, changes = services.matches.step(
        second.id, MatchStage.ENDED, on=TODAY, end_reason=EndReason.OTHER, note="Started work"
    )
    assert changes.people == {who}
    back = services.people.get(who)
    assert back.status is PersonStatus.WAITING and back.status_since == TODAY
    assert back.details.referred_on == REFERRED
    assert back.history[-1].reason == "Match ended: Other."
    assert [line.row.id for line in services.people.waiting_list()] == [who]


def test_ending_can_leave_the_person_off_the_list(services: Services) -> None:
    who = person(services)
    match = active_match(services, who, psw(services))
    _, changes = services.matches.step(
        match.id,
        MatchStage.ENDED,
        on=TODAY,
        end_reason=EndReason.GOALS_MET,
        return_to_list=False,
    )
    assert not changes.people and services.people.get(who).status is PersonStatus.MATCHED
