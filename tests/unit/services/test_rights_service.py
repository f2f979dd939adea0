"""Subject access requests: logging, steps, extension, sent; nation and bank holidays; attention."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.errors import StaleEdit, ValidationFailed
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.rights_due import WAITING_FOR_IDENTITY
from peerdesk.services.bundle import Services
from peerdesk.services.rights_service import Step
from tests.unit.services.checks_helpers import new_psw

D = dt.date


def test_a_request_due_on_the_bank_holiday_moves_to_the_next_working_day(
    services: Services,
) -> None:
    psw = new_psw(services)
    line, changes = services.rights.log(psw_id=psw, received_on=D(2026, 7, 31))
    assert changes.psws == {psw}
    assert line.request.nation == "england-wales"
    assert line.due.due_on == D(2026, 9, 1)  # 31 August is the summer bank holiday
    assert line.request.subject_name == "Alexandra Quinn"


def test_scotland_keeps_its_own_bank_holidays(services: Services) -> None:
    services.rights.set_nation("scotland")
    psw = new_psw(services)
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 7, 31))
    assert line.due.due_on == D(2026, 8, 31)  # Scotland's summer holiday is 3 August


def test_steps_extend_and_sent(services: Services) -> None:
    person = services.people.create(
        PersonDetails(full_name="Siobhán Kelly", referred_on=D(2026, 5, 1))
    )
    pid = person[0].id
    line, _ = services.rights.log(person_id=pid, received_on=D(2026, 10, 1))
    r = line.request
    line, _ = services.rights.record_step(r.id, Step.IDENTITY_ASKED, on=D(2026, 10, 2), version=1)
    assert line.due.label == WAITING_FOR_IDENTITY
    with pytest.raises(StaleEdit):
        services.rights.record_step(r.id, Step.IDENTITY_RECEIVED, on=D(2026, 10, 9), version=1)
    line, changes = services.rights.record_step(
        r.id, Step.IDENTITY_RECEIVED, on=D(2026, 10, 9), version=2
    )
    assert changes.people == {pid}
    assert line.due.due_on == D(2026, 11, 9)
    with pytest.raises(ValidationFailed) as refused:
        services.rights.extend(r.id, months=2, reason="  ", version=3)
    assert refused.value.problems[0].message == "Say why the request needs longer."
    line, _ = services.rights.extend(r.id, months=2, reason="Many records", version=3)
    assert line.due.due_on == D(2027, 1, 11)  # 9 January 2027 is a Saturday
    with pytest.raises(ValidationFailed):
        services.rights.mark_sent(r.id, on=D(2026, 12, 1), version=4)  # in the future
    line, _ = services.rights.mark_sent(r.id, on=D(2026, 11, 20), version=4)
    assert not line.request.is_open
    assert services.rights.requests(open_only=True) == []
    assert [x.request.id for x in services.rights.requests(person_id=pid)] == [r.id]


def test_a_request_needs_exactly_one_subject_and_a_past_day(services: Services) -> None:
    with pytest.raises(ValidationFailed):
        services.rights.log(received_on=D(2026, 10, 1))
    psw = new_psw(services)
    with pytest.raises(ValidationFailed):
        services.rights.log(psw_id=psw, received_on=D(2026, 11, 24))


def test_bank_holidays_are_editable_per_nation(services: Services) -> None:
    services.rights.add_holiday("northern-ireland", D(2026, 11, 30), "St Andrew's Day (test)")
    with pytest.raises(ValidationFailed):
        services.rights.add_holiday("northern-ireland", D(2026, 11, 30), "Again")
    days = {h.day for h in services.rights.holidays("northern-ireland")}
    assert D(2026, 11, 30) in days and D(2026, 3, 17) in days
    services.rights.remove_holiday("northern-ireland", D(2026, 11, 30))
    assert D(2026, 11, 30) not in {h.day for h in services.rights.holidays("northern-ireland")}


def test_needs_attention_lists_the_request_until_it_is_sent(services: Services) -> None:
    psw = new_psw(services)
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 10, 19))
    items = [i for i in services.attention.items() if "access" in i.item]
    assert [(i.subject_kind, i.subject_id, i.item, i.status) for i in items] == [
        ("psw", psw, "Subject access request due 19 November 2026", "Due")
    ] or [(i.item, i.status) for i in items] == [
        ("Subject access request overdue since 19 November 2026", "Overdue")
    ]
    assert items[0].due_on == D(2026, 11, 19)
    services.rights.mark_sent(line.request.id, on=D(2026, 11, 23), version=1)
    assert not [i for i in services.attention.items() if "access" in i.item]
