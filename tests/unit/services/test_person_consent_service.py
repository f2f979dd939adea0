"""The person's consent-to-share ledger, and the introduction step that reads it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import CONSENT_MESSAGE, MatchStage
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.person_consent import ShareConsent, ShareConsentId, consent_on
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from tests.conftest import NOW

TODAY = NOW.date()
D = dt.date


def person(services: Services) -> PersonId:
    details = PersonDetails(full_name="Zoë Nguyễn", referred_on=D(2026, 6, 1))
    return services.people.create(details)[0].id


def psw(services: Services) -> PswId:
    return services.psws.create(PswDetails(full_name="Łukasz Nowak"))[0].id


def fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {p.field for p in excinfo.value.problems}


def test_give_withdraw_give_again_keeps_the_history(services: Services) -> None:
    who = person(services)
    assert not services.person_consents.has_consent_on(who, TODAY)
    entry, changes = services.person_consents.give(
        who, on=D(2026, 9, 1), how=ConsentHow.WRITTEN, note="Signed the form"
    )
    assert changes.people == {who} and entry.withdrawn_on is None and entry.recorded_by
    assert services.person_consents.has_consent_on(who, D(2026, 9, 1))
    assert not services.person_consents.has_consent_on(who, D(2026, 8, 31))
    withdrawn, _ = services.person_consents.withdraw(who, on=D(2026, 10, 1))
    assert withdrawn.id == entry.id and withdrawn.withdrawn_on == D(2026, 10, 1)
    assert services.person_consents.has_consent_on(who, D(2026, 9, 30))
    assert not services.person_consents.has_consent_on(who, D(2026, 10, 1))
    services.person_consents.give(who, on=D(2026, 11, 1), how=ConsentHow.PHONE)
    history = services.person_consents.history(who)
    assert [(e.given_on, e.how, e.withdrawn_on) for e in history] == [
        (D(2026, 9, 1), ConsentHow.WRITTEN, D(2026, 10, 1)),
        (D(2026, 11, 1), ConsentHow.PHONE, None),
    ]
    assert history[0].note == "Signed the form"


def test_refusals(services: Services) -> None:
    who = person(services)
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.withdraw(who, on=TODAY)
    assert fields(refused) == {"withdrawn_on"}
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.give(who, on=TODAY + dt.timedelta(1), how=ConsentHow.WRITTEN)
    assert fields(refused) == {"given_on"}
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.give(who, on=TODAY, how=ConsentHow.BEFORE_LEDGER)
    assert fields(refused) == {"how"}
    services.person_consents.give(who, on=D(2026, 9, 1), how=ConsentHow.WRITTEN)
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.give(who, on=TODAY, how=ConsentHow.WRITTEN)
    assert "already recorded" in refused.value.problems[0].message
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.withdraw(who, on=D(2026, 8, 1))
    assert "before consent was given" in refused.value.problems[0].message
    services.person_consents.withdraw(who, on=D(2026, 10, 1))
    with pytest.raises(ValidationFailed) as refused:
        services.person_consents.give(who, on=D(2026, 9, 15), how=ConsentHow.WRITTEN)
    assert "before the last withdrawal" in refused.value.problems[0].message
    assert services.person_consents.check_give(who, TODAY) == []
    assert services.person_consents.check_withdraw(who, TODAY) != []


def test_introduction_reads_the_ledger_on_the_step_date(services: Services) -> None:
    who = person(services)
    match, _ = services.matches.propose(who, psw(services), on=D(2026, 9, 1))
    services.person_consents.give(who, on=D(2026, 9, 10), how=ConsentHow.IN_PERSON)
    with pytest.raises(ValidationFailed) as refused:  # consent came after the step's date
        services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 5))
    assert {p.message for p in refused.value.problems} == {CONSENT_MESSAGE}
    services.person_consents.withdraw(who, on=D(2026, 9, 20))
    with pytest.raises(ValidationFailed):  # withdrawn by then
        services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 25))
    match, _ = services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 9, 12))
    assert match.stage is MatchStage.INTRODUCED


days = st.integers(min_value=0, max_value=60).map(lambda n: D(2026, 1, 1) + dt.timedelta(n))


@given(
    spans=st.lists(st.tuples(days, st.one_of(st.none(), days)), max_size=4),
    day=days,
)
def test_consent_on_matches_the_sql_rule_written_out(
    spans: list[tuple[dt.date, dt.date | None]], day: dt.date
) -> None:
    entries = [
        ShareConsent(ShareConsentId(i), PersonId(1), g, ConsentHow.WRITTEN, "", w, "Ann")
        for i, (g, w) in enumerate(spans)
    ]
    expected = any(g <= day and (w is None or day < w) for g, w in spans)
    assert consent_on(entries, day) is expected
