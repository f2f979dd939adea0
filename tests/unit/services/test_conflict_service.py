"""Declared conflicts through the service: kinds, the note Other needs, one per pair, removal."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.conflicts import ConflictKind
from peerdesk.domain.errors import NotFound, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from tests.conftest import NOW

TODAY = NOW.date()


def person(services: Services, name: str = "Zoë Nguyễn") -> PersonId:
    details = PersonDetails(full_name=name, referred_on=dt.date(2026, 6, 1))
    return services.people.create(details)[0].id


def psw(services: Services, name: str = "Łukasz Nowak") -> PswId:
    return services.psws.create(PswDetails(full_name=name))[0].id


def test_declare_list_and_remove(services: Services) -> None:
    who, by, other = person(services), psw(services), psw(services, "Amara Okafor")
    conflict, changes = services.conflicts.declare(who, by, ConflictKind.NEIGHBOUR, " Same road ")
    assert changes.people == {who} and changes.psws == {by}
    assert conflict.kind is ConflictKind.NEIGHBOUR and conflict.note == "Same road"
    assert conflict.declared_on == TODAY and conflict.recorded_by
    services.conflicts.declare(who, other, ConflictKind.FAMILY, on=dt.date(2026, 7, 1), by="Ann")
    assert [c.psw_id for c in services.conflicts.for_person(who)] == [by, other]
    assert services.conflicts.for_psw(by) == [conflict]
    assert services.conflicts.conflicted_psws(who) == {by, other}

    changes = services.conflicts.remove(conflict.id)
    assert changes.people == {who} and changes.psws == {by}
    assert services.conflicts.conflicted_psws(who) == {other}
    with pytest.raises(NotFound):
        services.conflicts.remove(conflict.id)


@pytest.mark.parametrize("kind", list(ConflictKind))
def test_every_kind_is_kept(services: Services, kind: ConflictKind) -> None:
    who, by = person(services), psw(services)
    services.conflicts.declare(who, by, kind, "Went to school together")
    assert services.conflicts.for_person(who)[0].kind is kind


def test_other_needs_a_note_a_pair_is_declared_once_and_no_future_date(
    services: Services,
) -> None:
    who, by = person(services), psw(services)
    with pytest.raises(ValidationFailed) as refused:
        services.conflicts.declare(who, by, ConflictKind.OTHER, "   ")
    assert {p.field for p in refused.value.problems} == {"note"}
    with pytest.raises(ValidationFailed) as refused:
        services.conflicts.declare(who, by, ConflictKind.FAMILY, on=TODAY + dt.timedelta(1))
    assert {p.field for p in refused.value.problems} == {"declared_on"}
    services.conflicts.declare(who, by, ConflictKind.KNOWS_THEM)
    with pytest.raises(ValidationFailed) as refused:
        services.conflicts.declare(who, by, ConflictKind.FAMILY)
    assert "already declared" in refused.value.problems[0].message
    assert {p.field for p in services.conflicts.check(None, "")} == {"kind"}


def test_conflicts_go_when_either_record_goes(services: Services) -> None:
    who, by = person(services), psw(services)
    services.conflicts.declare(who, by, ConflictKind.FAMILY)
    services.psws.remove_new(by, version=1)
    assert services.conflicts.for_person(who) == []
    with pytest.raises(NotFound):
        services.conflicts.declare(who, by, ConflictKind.FAMILY)
