"""References: round trips, chasers, numbering and refused contradictory dates."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.check_records import ReferenceDetails, ReferenceKind
from peerdesk.domain.errors import NotFound, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import D, new_psw


def test_add_update_and_read_back(services: Services) -> None:
    psw = new_psw(services)
    details = ReferenceDetails(
        requested_on=D(2026, 11, 1),
        kind=ReferenceKind.CHARACTER,
        referee="  Mrs   Nguyễn ",
        contact="01632 960000",
    )
    ref, changes = services.references.add(psw, details)
    assert changes.checks == {psw}
    assert ref.position == 1 and ref.details.referee == "Mrs Nguyễn"
    received = ReferenceDetails(
        requested_on=D(2026, 11, 1),
        kind=ReferenceKind.CHARACTER,
        referee="Mrs Nguyễn",
        received_on=D(2026, 11, 10),
        satisfactory=False,
        concerns_followed_up="Spoke to referee; no concern remains.",
        outcome_on=D(2026, 11, 12),
    )
    updated, _ = services.references.update(ref.id, received)
    assert services.references.references(psw) == [updated]
    assert updated.details == received


def test_references_are_numbered_in_order_and_renumbered(services: Services) -> None:
    psw = new_psw(services)
    first, _ = services.references.add(psw, ReferenceDetails(D(2026, 10, 1)))
    second, _ = services.references.add(psw, ReferenceDetails(D(2026, 10, 2)))
    assert second.position == 2
    services.references.remove(first.id)
    [left] = services.references.references(psw)
    assert left.id == second.id and left.position == 1


def test_chase_adds_today_once(services: Services) -> None:
    psw = new_psw(services)
    ref, _ = services.references.add(psw, ReferenceDetails(D(2026, 11, 1)))
    chased, changes = services.references.chase(ref.id)
    assert chased.chased_on == (D(2026, 11, 23),) and changes.checks == {psw}
    again, changes = services.references.chase(ref.id)
    assert again.chased_on == (D(2026, 11, 23),) and changes.empty


def test_received_reference_cannot_be_chased(services: Services) -> None:
    psw = new_psw(services)
    ref, _ = services.references.add(
        psw, ReferenceDetails(D(2026, 11, 1), received_on=D(2026, 11, 5))
    )
    with pytest.raises(ValidationFailed) as refused:
        services.references.chase(ref.id)
    assert refused.value.problems[0].field == "received_on"


@pytest.mark.parametrize(
    ("details", "field", "message"),
    [
        (
            ReferenceDetails(D(2026, 11, 10), received_on=D(2026, 11, 1)),
            "received_on",
            "The received date is before the requested date.",
        ),
        (
            ReferenceDetails(D(2026, 11, 24)),
            "requested_on",
            "The requested date cannot be in the future.",
        ),
        (
            ReferenceDetails(D(2026, 11, 1), satisfactory=True),
            "received_on",
            "Enter when the reference was received before its outcome.",
        ),
    ],
)
def test_bad_dates_are_refused_naming_the_field(
    services: Services, details: ReferenceDetails, field: str, message: str
) -> None:
    psw = new_psw(services)
    with pytest.raises(ValidationFailed) as refused:
        services.references.add(psw, details)
    assert (refused.value.problems[0].field, refused.value.problems[0].message) == (field, message)
    assert services.references.references(psw) == []


def test_unknown_psw_or_reference(services: Services) -> None:
    with pytest.raises(NotFound):
        services.references.add(PswId(9999), ReferenceDetails(D(2026, 11, 1)))
    with pytest.raises(NotFound):
        services.references.chase(9999)  # type: ignore[arg-type]


def test_today_is_from_the_injected_clock(services: Services) -> None:
    assert services.clock.today() == dt.date(2026, 11, 23)
