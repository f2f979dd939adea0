"""Application support and interviews through the service: saved, warned, refused, removed."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.errors import NotFound, ValidationFailed
from peerdesk.domain.interview import (
    InterviewDetails,
    InterviewFormat,
    InterviewOutcome,
    PanelMember,
    SupportDetails,
)
from peerdesk.domain.journey import JourneyStatus
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import new_psw

HELD = dt.datetime(2026, 11, 30, 10, 30)


def test_support_entries_round_trip_in_date_order(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.APPLICATION)
    later, changes = services.interviews.add_support(
        psw, SupportDetails(dt.date(2026, 11, 20), " Practice  interview ", "Jo Bell")
    )
    assert changes.recruitment == {psw} and not changes.psws
    services.interviews.add_support(
        psw, SupportDetails(dt.date(2026, 11, 2), "Help with the application form")
    )
    found = services.interviews.support(psw)
    assert [(e.details.on, e.details.kind, e.details.given_by) for e in found] == [
        (dt.date(2026, 11, 2), "Help with the application form", ""),
        (dt.date(2026, 11, 20), "Practice interview", "Jo Bell"),
    ]
    services.interviews.remove_support(later.id)
    assert len(services.interviews.support(psw)) == 1
    with pytest.raises(ValidationFailed) as refused:
        services.interviews.add_support(psw, SupportDetails(dt.date(2026, 12, 1), ""))
    assert [p.field for p in refused.value.problems] == ["on", "kind"]


def test_an_interview_saves_despite_warnings_and_reads_back(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.INTERVIEW)
    details = InterviewDetails(
        held_at=HELD,
        format=InterviewFormat.GROUP,
        adjustments="Questions in large print; a break halfway",
        questions_shared_at=HELD - dt.timedelta(hours=9),
        panel=(
            PanelMember("Jo Bell", "Coordinator", interview_trained=True),
            PanelMember("Zoë Nguyễn", "Volunteer", lived_experience=False),
        ),
        outcome=InterviewOutcome.PENDING,
    )
    assert [p.message for p in services.interviews.check(details)] == [
        "Questions were shared 9 hours before the interview; at least 24 hours is expected.",
        "No panel member with lived experience.",
    ]
    saved, changes = services.interviews.add_interview(psw, details)
    assert changes.recruitment == {psw}
    assert services.interviews.interviews(psw) == [saved]
    assert saved.details == details

    better = InterviewDetails(
        held_at=HELD,
        questions_shared_at=HELD - dt.timedelta(days=3),
        panel=(PanelMember("Sam Okafor", "Peer trainer", True, True),),
        outcome=InterviewOutcome.OFFERED,
        notes="Warm, clear about boundaries",
    )
    assert services.interviews.check(better) == []
    updated, _ = services.interviews.update_interview(saved.id, better)
    assert services.interviews.interviews(psw) == [updated]
    assert updated.details.panel[0].interview_trained

    services.interviews.remove_interview(saved.id)
    assert services.interviews.interviews(psw) == []
    with pytest.raises(NotFound):
        services.interviews.remove_interview(saved.id)


def test_bad_interview_input_is_refused_naming_the_field(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.INTERVIEW)
    bad = InterviewDetails(
        held_at=HELD,
        questions_shared_at=HELD + dt.timedelta(hours=1),
        panel=(PanelMember("  ", "Manager", lived_experience=True),),
    )
    with pytest.raises(ValidationFailed) as refused:
        services.interviews.add_interview(psw, bad)
    assert [p.field for p in refused.value.problems if p.blocking] == [
        "questions_shared_at",
        "panel",
    ]
    assert services.interviews.interviews(psw) == []


def test_interviews_go_with_a_deleted_record(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.INTERVIEW)
    services.interviews.add_interview(
        psw, InterviewDetails(held_at=HELD, panel=(PanelMember("Sam", lived_experience=True),))
    )
    services.interviews.add_support(psw, SupportDetails(dt.date(2026, 11, 2), "Form"))
    services.psws.remove_new(psw, version=services.psws.get(psw).version)
    assert services.interviews.interviews(psw) == []
    assert services.interviews.support(psw) == []
