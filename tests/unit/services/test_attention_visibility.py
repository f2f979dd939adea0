"""Needs attention lists no line about a protected record unless the viewer may see it."""

from __future__ import annotations

from peerdesk.domain.check_records import AdjustmentDetails
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.viewer import COORDINATOR, Right
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import D
from tests.unit.services.test_attention_service import with_dbs_due_soon

ALLOWED = COORDINATOR.with_right(Right.VIEW_PROTECTED)


def protect(services: Services, psw: int) -> None:
    """Link a supported person's record to the PSW: both become protected."""
    person = services.people.create(
        PersonDetails(full_name="Zoë as supported", referred_on=D(2026, 11, 1))
    )[0]
    services.protection.link(person.id, psw)  # type: ignore[arg-type]


def test_a_protected_psws_due_dbs_is_listed_only_with_the_right(services: Services) -> None:
    hidden = with_dbs_due_soon(services, "Zoë Nguyễn")
    open_ = with_dbs_due_soon(services, "Ann Smith")
    protect(services, hidden)

    def named(viewer: object) -> set[tuple[str, str]]:
        items = services.attention.items(viewer=viewer)  # type: ignore[arg-type]
        return {(i.name, i.item) for i in items if i.subject_kind == "psw"}

    assert named(COORDINATOR) == {("Ann Smith", "DBS (enhanced)")}
    assert named(ALLOWED) == {("Zoë Nguyễn", "DBS (enhanced)"), ("Ann Smith", "DBS (enhanced)")}
    assert {i.subject_id for i in services.attention.items()} == {open_}  # the default viewer


def test_every_psw_source_hides_the_protected_psw(services: Services) -> None:
    psw = with_dbs_due_soon(services, "Zoë Nguyễn")
    services.health.add_adjustment(
        psw, AdjustmentDetails("Hours", "Short days", review_on=D(2026, 11, 28))
    )
    protect(services, psw)

    assert not [i for i in services.attention.items(viewer=COORDINATOR) if i.subject_id == psw]
    shown = {i.item for i in services.attention.items(viewer=ALLOWED) if i.subject_id == psw}
    assert shown == {"DBS (enhanced)", "Adjustment review: Hours"}
