"""A typed-up contact sheet is saved in one transaction: every line, or none of them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.match_lifecycle import Match, MatchStage
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services

D = dt.date


def introduced(services: Services, name: str) -> Match:
    who = services.people.create(PersonDetails(full_name=name, referred_on=D(2026, 6, 1)))[0].id
    services.person_consents.give(who, on=D(2026, 6, 1), how=ConsentHow.WRITTEN)
    psw = services.psws.create(PswDetails(full_name=f"PSW of {name}", capacity=2))[0].id
    match, _ = services.matches.propose(who, psw, on=D(2026, 9, 1))
    return services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 3))[0]


def line(on: dt.date, minutes: int) -> ContactDetails:
    return ContactDetails(on=on, minutes=minutes, mode=ContactMode.PHONE, note="  rang  ")


def test_all_lines_saved_together(services: Services) -> None:
    a, b = introduced(services, "Zoë Nguyễn"), introduced(services, "Łukasz Nowak")
    added, changes = services.matches.add_contacts(
        [(a.id, line(D(2026, 9, 4), 30)), (b.id, line(D(2026, 9, 5), 45))]
    )
    assert [c.details.minutes for c in added] == [30, 45]
    assert added[0].details.note == "rang"
    assert changes.matches == {a.id, b.id}
    assert len(services.matches.contacts(a.id)) == len(services.matches.contacts(b.id)) == 1


def test_one_bad_line_saves_nothing_and_is_named(services: Services) -> None:
    a, b = introduced(services, "Zoë Nguyễn"), introduced(services, "Łukasz Nowak")
    with pytest.raises(ValidationFailed) as refused:
        services.matches.add_contacts(
            [
                (a.id, line(D(2026, 9, 4), 30)),
                (b.id, line(D(2026, 9, 2), 45)),  # before the introduction
                (a.id, line(D(2026, 9, 6), 0)),
            ]
        )
    fields = {p.field: p.message for p in refused.value.problems}
    assert fields["2.on"].startswith("Line 2: The contact date is before the introduction")
    assert fields["3.minutes"].startswith("Line 3: Give how long")
    assert "1.on" not in fields and "1.minutes" not in fields
    assert services.matches.contacts(a.id) == [] and services.matches.contacts(b.id) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(minutes=st.lists(st.integers(min_value=-30, max_value=800), min_size=1, max_size=5))
# each example makes its own match, so sharing the vault between examples is safe
def test_saved_only_when_every_line_is_good(services: Services, minutes: list[int]) -> None:
    match = introduced(services, "Ama Mensah")
    pairs = [(match.id, line(D(2026, 9, 10), m)) for m in minutes]
    good = all(0 < m <= 720 for m in minutes)
    if good:
        services.matches.add_contacts(pairs)
    else:
        with pytest.raises(ValidationFailed):
            services.matches.add_contacts(pairs)
    saved = services.matches.contacts(match.id)
    assert [c.details.minutes for c in saved] == (minutes if good else [])
