"""Protected records: linking, "Show protected" with the passphrase and its access log, and the
property that a viewer without the right never gets a protected record from any listing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from peerdesk.domain.errors import NotFound, ValidationFailed, WrongPassphrase
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails, PersonQuery, PersonSort, PersonStatus
from peerdesk.domain.psw import PswDetails, PswQuery, PswSort
from peerdesk.domain.viewer import COORDINATOR, Right, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.protection_service import SHOW_PROTECTED
from tests.conftest import NOW, PASSPHRASE

NAMES = ["Zoë Nguyễn", "Łukasz Nowak", "Amara Okafor", "李 小龙", "Seán Ó Briain"]


def person(services: Services, name: str = "Zoë Nguyễn") -> PersonId:
    details = PersonDetails(full_name=name, referred_on=dt.date(2026, 6, 1))
    return services.people.create(details)[0].id


def psw(services: Services, name: str = "Zoë Nguyễn") -> PswId:
    return services.psws.create(PswDetails(full_name=name))[0].id


def test_link_protects_both_records_and_unlink_restores_them(services: Services) -> None:
    who, by, other = person(services), psw(services), psw(services, "Amara Okafor")
    assert not services.protection.is_protected(person_id=who, psw_id=by)
    changes = services.protection.link(who, by)
    assert changes.people == {who} and changes.psws == {by} and changes.psw_membership
    assert services.protection.linked_psw(who) == by
    assert services.protection.is_protected(person_id=who)
    assert services.protection.is_protected(psw_id=by)
    assert not services.protection.is_protected(psw_id=other)
    assert services.psws.find_ids(PswQuery()) == [other]
    assert services.psws.count(PswQuery()) == 1
    assert services.people.find_ids(PersonQuery()) == []
    assert services.people.waiting_list() == []
    shown = COORDINATOR.with_right(Right.VIEW_PROTECTED)
    assert set(services.psws.find_ids(PswQuery(), viewer=shown)) == {by, other}
    assert services.people.find_ids(PersonQuery(), viewer=shown) == [who]
    assert services.psws.get(by).id == by  # by id (e.g. from a match) it still opens

    changes = services.protection.link(who, other)  # re-linking moves the link
    assert changes.psws == {by, other}
    assert services.psws.find_ids(PswQuery()) == [by]
    changes = services.protection.unlink(who)
    assert changes.psws == {other} and services.protection.linked_psw(who) is None
    assert len(services.psws.find_ids(PswQuery())) == 2
    assert services.people.find_ids(PersonQuery()) == [who]


def test_a_psw_links_to_one_person_only(services: Services) -> None:
    first, second, by = person(services), person(services, "Amara Okafor"), psw(services)
    services.protection.link(first, by)
    with pytest.raises(ValidationFailed) as refused:
        services.protection.link(second, by)
    assert "already linked" in refused.value.problems[0].message
    with pytest.raises(NotFound):
        services.protection.link(first, PswId(9999))


def test_show_protected_checks_the_passphrase_and_logs_each_use(services: Services) -> None:
    with pytest.raises(WrongPassphrase):
        services.protection.show_protected("not the passphrase")
    assert services.protection.access_log() == []
    viewer = services.protection.show_protected(PASSPHRASE)
    assert viewer == Viewer(COORDINATOR.id, frozenset({Right.VIEW_PROTECTED}))
    services.protection.show_protected(PASSPHRASE)
    log = services.protection.access_log()
    assert [(e.at, e.viewer, e.action) for e in log] == [(NOW, "Coordinator", SHOW_PROTECTED)] * 2
    assert all(e.record_kind == "" and e.record_id is None for e in log)


def test_the_access_log_is_append_only(services: Services) -> None:
    services.protection.show_protected(PASSPHRASE)
    for sql in ("UPDATE access_log SET viewer = 'x'", "DELETE FROM access_log"):
        with (
            pytest.raises(Exception, match="append-only"),
            services.workspace.transaction() as s,
        ):
            s.execute(text(sql))
    assert len(services.protection.access_log()) == 1


def _pool(services: Services) -> tuple[list[PersonId], list[PswId]]:
    people = services.people.find_ids(PersonQuery(), viewer=EVERYONE_SHOWN)
    psws = [
        p
        for archived in (False, True)
        for p in services.psws.find_ids(PswQuery(archived=archived), viewer=EVERYONE_SHOWN)
    ]
    if not people:
        people = [person(services, name) for name in NAMES]
        psws = [psw(services, name) for name in NAMES]
        services.psws.set_archived(psws[-1], True)
    return sorted(people), sorted(psws)


EVERYONE_SHOWN = COORDINATOR.with_right(Right.VIEW_PROTECTED)

psw_queries = st.builds(
    PswQuery,
    text=st.sampled_from(["", "o", "Nowak", "李", "zoe", "%", "_"]) | st.text(max_size=3),
    statuses=st.just(frozenset()),
    archived=st.booleans(),
    sort=st.sampled_from(list(PswSort)),
    descending=st.booleans(),
)
person_queries = st.builds(
    PersonQuery,
    text=st.sampled_from(["", "o", "Nowak", "李", "zoe"]) | st.text(max_size=3),
    statuses=st.sampled_from([frozenset(), frozenset({PersonStatus.WAITING})]),
    sort=st.sampled_from(list(PersonSort)),
    descending=st.booleans(),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    links=st.lists(st.integers(0, len(NAMES) - 1), max_size=len(NAMES), unique=True),
    psw_query=psw_queries,
    person_query=person_queries,
)
def test_a_viewer_without_the_right_never_gets_a_protected_record(
    services: Services, links: list[int], psw_query: PswQuery, person_query: PersonQuery
) -> None:
    people, psws = _pool(services)
    # person i is linked to PSW links[i]; the rest are not linked
    for who in people:
        services.protection.unlink(who)
    for who, j in zip(people, links, strict=False):
        services.protection.link(who, psws[j])
    hidden_people = set(people[: len(links)])
    hidden_psws = {psws[j] for j in links}

    seen_psws = services.psws.find_ids(psw_query)
    assert not hidden_psws & set(seen_psws)
    assert services.psws.count(psw_query) == len(seen_psws)
    assert not hidden_people & set(services.people.find_ids(person_query))
    assert not hidden_people & {line.row.id for line in services.people.waiting_list(person_query)}

    # with the right, the same queries also give back what was hidden from the others
    all_psws = services.psws.find_ids(psw_query, viewer=EVERYONE_SHOWN)
    assert set(seen_psws) == set(all_psws) - hidden_psws
    assert services.psws.count(psw_query, viewer=EVERYONE_SHOWN) == len(all_psws)
    all_people = set(services.people.find_ids(person_query, viewer=EVERYONE_SHOWN))
    assert set(services.people.find_ids(person_query)) == all_people - hidden_people
