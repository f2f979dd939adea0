"""Supported people through the service: round trips, search, waiting list, status, stale edits."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import StaleEdit, ValidationFailed
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.person import (
    ExperienceWish,
    IdentityPreference,
    PersonDetails,
    PersonQuery,
    PersonSort,
    PersonStatus,
    Wish,
)
from peerdesk.domain.psw import LanguageSkill
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from tests.conftest import NOW

TODAY = NOW.date()
NAMES = ["Zoë Nguyễn", "محمد", "Łukasz Nowak", "李明", "Siobhán O’Neill"]


def items(services: Services, kind: ListKind) -> list[TaxonomyItemId]:
    return [i.id for i in services.lists.items() if i.kind is kind]


def full(services: Services, name: str = "Zoë Nguyễn") -> PersonDetails:
    lived = items(services, ListKind.LIVED_EXPERIENCE)
    langs = items(services, ListKind.LANGUAGE)
    return PersonDetails(
        full_name=name,
        referred_on=dt.date(2026, 9, 14),
        known_as="Zo",
        pronouns="she/her",
        date_of_birth=dt.date(1988, 5, 1),
        email="zoe@example.org",
        phone="07700 900123",
        address="2 Mill Lane\nBootle",
        postcode="l20 3aa",
        contact_modes=(ContactMode.VIDEO, ContactMode.PHONE),
        referral_source="GP",
        wants="Someone to walk with who has been there",
        lived_experience=(ExperienceWish(lived[5], True), ExperienceWish(lived[1])),
        interests=tuple(reversed(items(services, ListKind.INTEREST)[:2])),
        languages=(LanguageSkill(langs[3]), LanguageSkill(langs[0], True)),
        identity=(
            IdentityPreference("gender", "Woman", Wish.MUST),
            IdentityPreference("age_band", "35–44"),
        ),
        availability=Availability.of([TimeRange(2, 20, 24), TimeRange(0, 18, 22)]),
        area_id=items(services, ListKind.AREA)[0],
        risk_notes="Ask about the dog before visiting",
        team="Riverside",
    )


def test_full_record_round_trips(services: Services) -> None:
    details = full(services)
    person, changes = services.people.create(details)
    assert changes.people == {person.id} and not changes.empty
    again = services.people.get(person.id)
    assert again == person
    assert again.details.postcode == "L20 3AA"
    assert again.details.languages[0].first
    assert again.details.lived_experience == tuple(
        sorted(details.lived_experience, key=lambda w: w.item_id)
    )
    assert again.details.identity[1] == IdentityPreference("gender", "Woman", Wish.MUST)
    assert again.status is PersonStatus.WAITING and again.status_since == details.referred_on
    assert [(h.from_status, h.to_status, h.on) for h in again.history] == [
        (None, PersonStatus.WAITING, details.referred_on)
    ]


@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_script_round_trip_and_are_found(services: Services, name: str) -> None:
    person, _ = services.people.create(PersonDetails(name, referred_on=TODAY))
    assert services.people.get(person.id).details.full_name == name
    assert services.people.find_ids(PersonQuery(text=name)) == [person.id]


def test_search_folds_accents_case_and_known_as(services: Services) -> None:
    zoe, _ = services.people.create(full(services))
    lukasz, _ = services.people.create(PersonDetails("Łukasz Nowak", referred_on=TODAY))
    assert services.people.find_ids(PersonQuery(text="ZOE nguyen")) == [zoe.id]
    assert services.people.find_ids(PersonQuery(text="lukasz")) == [lukasz.id]
    assert services.people.find_ids(PersonQuery(text="zo")) == [zoe.id]
    assert services.people.find_ids(PersonQuery(text="100%_")) == []
    rows = services.people.rows([lukasz.id, zoe.id])
    assert [r.full_name for r in rows] == ["Łukasz Nowak", "Zoë Nguyễn"]
    assert rows[1].team == "Riverside" and rows[1].area


def test_unchanged_save_writes_nothing_and_stale_edits_are_refused(services: Services) -> None:
    person, _ = services.people.create(full(services))
    same, changes = services.people.update(person.id, full(services), version=person.version)
    assert changes.empty and same.version == person.version
    moved = full(services, "Zoë Nguyễn-Smith")
    saved, changes = services.people.update(person.id, moved, version=person.version)
    assert changes.people == {person.id} and saved.version == person.version + 1
    with pytest.raises(StaleEdit):
        services.people.update(person.id, full(services, "Zoë"), version=person.version)
    with pytest.raises(StaleEdit):
        services.people.change_status(
            person.id, PersonStatus.MATCHED, on=TODAY, reason="", version=person.version
        )
    assert services.people.get(person.id).details.full_name == "Zoë Nguyễn-Smith"


def test_bad_details_are_refused_naming_the_field(services: Services) -> None:
    future = PersonDetails("Sam", referred_on=TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationFailed) as refused:
        services.people.create(future)
    assert {p.field for p in refused.value.problems} == {"referred_on"}
    assert services.people.check(PersonDetails(" ", referred_on=TODAY))[0].field == "full_name"


def test_status_history_keeps_dated_reasons(services: Services) -> None:
    person, _ = services.people.create(PersonDetails("Sam", referred_on=dt.date(2026, 9, 1)))
    with pytest.raises(ValidationFailed) as refused:
        services.people.change_status(
            person.id, PersonStatus.ON_HOLD, on=TODAY, reason=" ", version=person.version
        )
    assert refused.value.problems[0].field == "reason"
    held, changes = services.people.change_status(
        person.id,
        PersonStatus.ON_HOLD,
        on=dt.date(2026, 10, 1),
        reason="In hospital",
        version=person.version,
    )
    assert changes.people == {person.id}
    with pytest.raises(ValidationFailed):  # before the latest change
        services.people.change_status(
            person.id,
            PersonStatus.WAITING,
            on=dt.date(2026, 9, 30),
            reason="",
            version=held.version,
        )
    back, _ = services.people.change_status(
        person.id,
        PersonStatus.WAITING,
        on=dt.date(2026, 10, 15),
        reason="Home",
        version=held.version,
    )
    assert [(h.to_status, h.on, h.reason) for h in back.history] == [
        (PersonStatus.WAITING, dt.date(2026, 9, 1), ""),
        (PersonStatus.ON_HOLD, dt.date(2026, 10, 1), "In hospital"),
        (PersonStatus.WAITING, dt.date(2026, 10, 15), "Home"),
    ]
    assert back.history[-1].recorded_by == "Coordinator"
    assert back.status is PersonStatus.WAITING and back.status_since == dt.date(2026, 10, 15)
    line = services.people.waiting_list()[0]
    assert line.row.id == person.id
    assert (line.wait.days_since_referral, line.wait.days_on_hold) == (
        (TODAY - dt.date(2026, 9, 1)).days,
        14,
    )


def test_waiting_list_is_longest_wait_first_with_filters(services: Services) -> None:
    areas = items(services, ListKind.AREA)
    langs = items(services, ListKind.LANGUAGE)

    def refer(name: str, days_ago: int, **kw: object) -> PersonDetails:
        return PersonDetails(name, referred_on=TODAY - dt.timedelta(days=days_ago), **kw)  # type: ignore[arg-type]

    old, _ = services.people.create(refer("Ada", 90, area_id=areas[0], team="Riverside"))
    held, _ = services.people.create(
        refer("Bea", 120, area_id=areas[1], languages=(LanguageSkill(langs[2], True),))
    )
    services.people.change_status(
        held.id,
        PersonStatus.ON_HOLD,
        on=TODAY - dt.timedelta(days=100),
        reason="Asked to pause",
        version=held.version,
    )
    held = services.people.get(held.id)
    services.people.change_status(
        held.id,
        PersonStatus.WAITING,
        on=TODAY - dt.timedelta(days=40),
        reason="",
        version=held.version,
    )
    new, _ = services.people.create(
        refer("Cy", 10, team="riverside ", languages=(LanguageSkill(langs[2]),))
    )
    matched, _ = services.people.create(refer("Di", 200))
    services.people.change_status(
        matched.id, PersonStatus.MATCHED, on=TODAY, reason="", version=matched.version
    )

    lines = services.people.waiting_list()
    assert [line.row.full_name for line in lines] == ["Ada", "Bea", "Cy"]
    assert [line.wait.days for line in lines] == [90, 60, 10]
    assert [line.wait.flagged for line in lines] == [True, True, False]
    assert lines[1].wait.days_since_referral == 120 and lines[1].wait.weeks == 8

    def names(query: PersonQuery) -> list[str]:
        return [line.row.full_name for line in services.people.waiting_list(query)]

    assert names(PersonQuery(area_id=areas[1])) == ["Bea"]
    assert names(PersonQuery(language_id=langs[2])) == ["Bea", "Cy"]
    assert names(PersonQuery(team="RIVERSIDE")) == ["Ada", "Cy"]
    assert names(PersonQuery(statuses=frozenset(PersonStatus))) == ["Di", "Ada", "Bea", "Cy"]
    by_wait = services.people.find_ids(PersonQuery(sort=PersonSort.WAIT))
    assert by_wait == [matched.id, old.id, held.id, new.id]
    by_name = services.people.find_ids(PersonQuery(sort=PersonSort.NAME, descending=True))
    assert by_name == [matched.id, new.id, held.id, old.id]
