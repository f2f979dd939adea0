"""PSW records through the service: round trips, search, archive, journey, undo support."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import StaleEdit, ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import (
    PswDetails,
    PswQuery,
    PswSort,
)
from peerdesk.services.bundle import Services
from tests.factories import full_psw_details

NAMES = ["Zoë Nguyễn", "Siobhán O’Neill", "Łukasz Nowak", "محمد علي", "李明", "Jürgen Straße"]


def full_details(services: Services, name: str = "Zoë Nguyễn") -> PswDetails:
    return full_psw_details(services.lists.items(), name)


def test_full_record_round_trips(services: Services) -> None:
    details = full_details(services)
    psw, changes = services.psws.create(details)
    assert psw.id in changes.psws and changes.psw_membership
    again = services.psws.get(psw.id)
    assert again.details == psw.details
    assert again.details.postcode == "L1 1AA"
    assert again.details.languages[0].first
    assert again.status is JourneyStatus.ENQUIRY and len(again.history) == 1


@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_script_round_trip_and_are_found(services: Services, name: str) -> None:
    psw, _ = services.psws.create(PswDetails(full_name=name))
    assert services.psws.get(psw.id).details.full_name == name
    assert services.psws.find_ids(PswQuery(text=name)) == [psw.id]


@pytest.mark.parametrize(
    ("typed", "name"),
    [("zoe", "Zoë Nguyễn"), ("lukasz", "Łukasz Nowak"), ("strasse", "Jürgen Straße")],
)
def test_search_folds_accents_and_case(services: Services, typed: str, name: str) -> None:
    psw, _ = services.psws.create(PswDetails(full_name=name))
    services.psws.create(PswDetails(full_name="Someone Else"))
    assert services.psws.find_ids(PswQuery(text=typed)) == [psw.id]


def test_search_matches_known_as(services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Oluwaseun Adeyemi", known_as="Seun"))
    assert services.psws.find_ids(PswQuery(text="seun")) == [psw.id]


@pytest.mark.parametrize("typed", ["%", "_", "50%", "a_b", "'", '"', "\\", "--", ";"])
def test_sql_punctuation_searches_literally(services: Services, typed: str) -> None:
    services.psws.create(PswDetails(full_name="Plain Name"))
    literal, _ = services.psws.create(PswDetails(full_name=f"Odd {typed} Name"))
    assert services.psws.find_ids(PswQuery(text=typed)) == [literal.id]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=60).filter(lambda t: t.strip()))
def test_any_name_round_trips_and_is_found_by_itself(services: Services, name: str) -> None:
    try:
        psw, _ = services.psws.create(PswDetails(full_name=name))
    except ValidationFailed:
        return  # e.g. only control characters: refused with a message, which is fine
    stored = services.psws.get(psw.id).details.full_name
    assert psw.id in services.psws.find_ids(PswQuery(text=stored))


def test_update_bumps_version_and_refuses_stale_edits(services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Aoife Byrne"))
    edited, changes = services.psws.update(
        psw.id, PswDetails(full_name="Aoife Byrne", capacity=2), version=psw.version
    )
    assert edited.version == psw.version + 1 and edited.details.capacity == 2 and changes.psws
    with pytest.raises(StaleEdit):
        services.psws.update(psw.id, PswDetails(full_name="Old"), version=psw.version)


def test_saving_unchanged_details_changes_nothing(services: Services) -> None:
    psw, _ = services.psws.create(full_details(services))
    same, changes = services.psws.update(psw.id, full_details(services), version=psw.version)
    assert changes.empty and same.version == psw.version


def test_blocking_problems_refuse_to_save(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.psws.create(PswDetails(full_name="   "))
    assert caught.value.problems[0].message == "Enter their full name."
    assert services.psws.count(PswQuery()) == 0


def test_archive_hides_from_everyday_list(services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Rhys Evans"))
    services.psws.set_archived(psw.id, True)
    assert services.psws.find_ids(PswQuery()) == []
    assert services.psws.find_ids(PswQuery(archived=True)) == [psw.id]
    services.psws.set_archived(psw.id, False)
    assert services.psws.find_ids(PswQuery()) == [psw.id]


def test_status_changes_are_dated_and_explained(services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Priya Shah"))
    with pytest.raises(ValidationFailed):
        services.psws.change_status(
            psw.id, JourneyStatus.LEFT, on=dt.date(2026, 11, 1), reason="", version=psw.version
        )
    moved, _ = services.psws.change_status(
        psw.id,
        JourneyStatus.LEFT,
        on=dt.date(2026, 11, 1),
        reason="Moved away",
        version=psw.version,
    )
    assert moved.status is JourneyStatus.LEFT and moved.status_since == dt.date(2026, 11, 1)
    assert moved.history[-1].reason == "Moved away"
    assert moved.history[-1].from_status is JourneyStatus.ENQUIRY
    back, _ = services.psws.undo_status_change(psw.id, version=moved.version)
    assert back.status is JourneyStatus.ENQUIRY and len(back.history) == 1


def test_status_filter_and_sorting(services: Services) -> None:
    a, _ = services.psws.create(PswDetails(full_name="Bea"), status=JourneyStatus.ACTIVE)
    b, _ = services.psws.create(PswDetails(full_name="Ánna"), status=JourneyStatus.ACTIVE)
    c, _ = services.psws.create(PswDetails(full_name="Cy"), status=JourneyStatus.PAUSED)
    assert services.psws.find_ids(PswQuery()) == [b.id, a.id, c.id]  # Ánna sorts as Anna
    only_active = PswQuery(statuses=frozenset({JourneyStatus.ACTIVE}))
    assert set(services.psws.find_ids(only_active)) == {a.id, b.id}
    by_status = PswQuery(sort=PswSort.STATUS, descending=True)
    assert services.psws.find_ids(by_status)[0] == c.id
    for sort in PswSort:
        assert sorted(services.psws.find_ids(PswQuery(sort=sort))) == sorted([a.id, b.id, c.id])
    rows = services.psws.rows([c.id, a.id])
    assert [r.full_name for r in rows] == ["Cy", "Bea"]


def test_undo_of_create_removes_the_record(services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Dafydd"))
    services.psws.remove_new(psw.id, version=psw.version)
    assert services.psws.find_ids(PswQuery()) == []
