"""Needs attention: each kind of line, its due date and words; who is left out; the window."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus, ReferenceDetails
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.services.attention_service import AttentionService
from peerdesk.services.bundle import Services
from peerdesk.services.clock import FixedClock
from tests.unit.services.checks_helpers import (
    D,
    complete_evidence,
    dbs_details,
    new_psw,
    safeguarding_course,
)

TODAY = D(2026, 11, 23)


def lines_for(items: list[AttentionItem], psw_id: PswId) -> list[tuple[str, str, dt.date, str]]:
    return [(i.item, i.status, i.due_on, i.when(TODAY)) for i in items if i.subject_id == psw_id]


def with_dbs_due_soon(services: Services, name: str, **extra: object) -> PswId:
    """Complete evidence, but the DBS was issued 36 months before 10 December 2026."""
    psw = new_psw(services, name, known_as="", **extra)  # type: ignore[arg-type]
    complete_evidence(services, psw)
    services.dbs.add(psw, dbs_details(issued_on=D(2023, 12, 10), certificate_number="009876543210"))
    old = next(c for c in services.dbs.checks(psw) if c.details.issued_on == D(2026, 9, 1))
    services.dbs.remove(old.id)
    return psw


def test_a_check_due_soon_is_dated_by_its_expiry(services: Services) -> None:
    psw = with_dbs_due_soon(services, "Zoë Nguyễn")
    items = services.attention.items()
    assert lines_for(items, psw) == [
        ("DBS (enhanced)", "Due soon", D(2026, 12, 10), "due in 17 days")
    ]
    assert items[0].subject_kind == "psw"
    assert items[0].name == "Zoë Nguyễn"


def test_training_in_grace_says_how_many_days_overdue(services: Services) -> None:
    psw = new_psw(services, "Amir Haddad", known_as="Amir")
    complete_evidence(services, psw)
    services.training.add_record(psw, safeguarding_course(services), done_on=D(2024, 11, 13))
    old = next(r for r in services.training.records(psw) if r.done_on == D(2026, 6, 1))
    services.training.remove_record(old.id)
    items = services.attention.items()
    assert lines_for(items, psw) == [
        ("Safeguarding adults", "In grace", D(2026, 11, 13), "10 days overdue")
    ]
    assert {i.name for i in items} == {"Amir"}  # the name they go by


def test_a_reference_awaited_over_14_days(services: Services) -> None:
    psw = new_psw(services, "Priya Shah", known_as="")
    services.references.add(psw, ReferenceDetails(D(2026, 11, 2), referee="Pat Jones"))
    services.references.add(psw, ReferenceDetails(D(2026, 11, 20), referee="Recent One"))
    items = services.attention.items(within_days=0)
    assert lines_for(items, psw) == [
        ("Reference 1 from Pat Jones, not received", "Awaited", D(2026, 11, 16), "7 days overdue")
    ]
    soon = lines_for(services.attention.items(), psw)
    assert [line[2:] for line in soon] == [
        (D(2026, 11, 16), "7 days overdue"),
        (D(2026, 12, 4), "due in 11 days"),
    ]


def test_a_stalled_applicant_is_dated_from_passing_the_target(services: Services) -> None:
    psw, _ = services.psws.create(
        PswDetails(full_name="Sam Okafor"), status=JourneyStatus.INTERVIEW, since=D(2026, 10, 1)
    )
    items = services.attention.items()
    assert lines_for(items, psw.id) == [
        (
            "At interview since 1 October 2026 (target 21 days)",
            "Stalled",
            D(2026, 10, 23),
            "31 days overdue",
        )
    ]
    relaxed = services.attention.items(targets={JourneyStatus.INTERVIEW: 90})
    assert lines_for(relaxed, psw.id) == []
    close = services.attention.items(targets={JourneyStatus.INTERVIEW: 55})
    assert [line[1:] for line in lines_for(close, psw.id)] == [
        ("Near stage target", D(2026, 11, 26), "due in 3 days")
    ]


def test_an_adjustment_review_is_due(services: Services) -> None:
    psw = new_psw(services, "Jo Bloggs", known_as="")
    complete_evidence(services, psw)
    review = AdjustmentDetails(
        "Hours",
        "No shifts before 10am",
        agreed_on=D(2026, 10, 1),
        status=AdjustmentStatus.IN_PLACE,
        review_on=D(2026, 12, 1),
    )
    services.health.add_adjustment(psw, review)
    ended = replace(review, category="Debrief", status=AdjustmentStatus.ENDED)
    services.health.add_adjustment(psw, ended)
    assert lines_for(services.attention.items(), psw) == [
        ("Adjustment review: Hours", "In place", D(2026, 12, 1), "due in 8 days")
    ]


def test_active_but_not_cleared_is_due_today(services: Services) -> None:
    psw = new_psw(services, "Kai Active", known_as="", status=JourneyStatus.ACTIVE)
    cleared = new_psw(services, "Lee Cleared", known_as="", status=JourneyStatus.ACTIVE)
    complete_evidence(services, cleared)
    items = services.attention.items()
    assert lines_for(items, psw) == [
        (
            "Active, not cleared (DBS (enhanced), References, Occupational health, Induction, "
            "Safeguarding adults)",
            "Not cleared",
            TODAY,
            "due today",
        )
    ]
    assert lines_for(items, cleared) == []


def test_archived_and_left_are_left_out(services: Services) -> None:
    archived = with_dbs_due_soon(services, "Archie Ved")
    services.psws.set_archived(archived, True)
    left = with_dbs_due_soon(services, "Leah Gone", status=JourneyStatus.LEFT)
    services.references.add(left, ReferenceDetails(D(2026, 10, 1)))
    gone_active, _ = services.psws.create(
        PswDetails(full_name="Arch Active"), status=JourneyStatus.ACTIVE
    )
    services.psws.set_archived(gone_active.id, True)
    stalled, _ = services.psws.create(
        PswDetails(full_name="Stale Archived"), status=JourneyStatus.ENQUIRY, since=D(2026, 1, 1)
    )
    services.psws.set_archived(stalled.id, True)
    assert services.attention.items(within_days=3650) == []


def test_the_window_and_order(services: Services) -> None:
    dbs = with_dbs_due_soon(services, "Dee Dbs")  # due 10 December
    adjusted = new_psw(services, "Ada Adjusted", known_as="")
    complete_evidence(services, adjusted)
    services.health.add_adjustment(
        adjusted, AdjustmentDetails("Hours", "Short days", review_on=D(2026, 11, 28))
    )
    assert services.attention.items(within_days=0) == []
    assert [i.subject_id for i in services.attention.items(within_days=5)] == [adjusted]
    assert [i.subject_id for i in services.attention.items(within_days=17)] == [adjusted, dbs]
    assert [i.subject_id for i in services.attention.items(within_days=16)] == [adjusted]
    with pytest.raises(ValueError):
        services.attention.items(within_days=-1)
    with pytest.raises(ValueError):
        services.attention.items(within_days=3651)


def test_a_later_clock_moves_the_words(services: Services) -> None:
    psw = with_dbs_due_soon(services, "Tess Time")
    later = AttentionService(services.workspace, FixedClock(dt.datetime(2026, 12, 20, 9, 0)))
    [line] = [i for i in later.items() if i.item == "DBS (enhanced)"]
    assert line.subject_id == psw
    assert (line.status, line.when(later.today())) == ("Expired", "10 days overdue")


def test_stage_targets_saved_in_settings_apply(services: Services) -> None:
    since = services.clock.today() - dt.timedelta(days=10)
    psw, _ = services.psws.create(
        PswDetails(full_name="Gráinne Ní Bhriain"), status=JourneyStatus.ENQUIRY, since=since
    )
    assert not [i for i in services.attention.items(0) if i.subject_id == psw.id]
    services.settings.set_stage_targets({JourneyStatus.ENQUIRY: 5})
    lines = [i for i in services.attention.items(0) if i.subject_id == psw.id]
    assert [line.status for line in lines] == ["Stalled"]
