"""The pipeline in the service: one stage at a time, reasons, recorders, leaving, targets."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, LeavingRecord, RouteAnswer, RouteOffered
from peerdesk.domain.pipeline import DEFAULT_TARGET_DAYS
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services

D = dt.date
TODAY = D(2026, 11, 23)


def enquirer(
    services: Services,
    name: str = "Priya Shah",
    *,
    status: JourneyStatus = JourneyStatus.ENQUIRY,
    since: dt.date | None = None,
) -> tuple[PswId, int]:
    psw, _ = services.psws.create(PswDetails(full_name=name), status=status, since=since)
    return psw.id, psw.version


def test_forward_one_stage_needs_no_reason_and_is_signed(services: Services) -> None:
    psw, version = enquirer(services)
    moved, changes = services.psws.change_status(
        psw, JourneyStatus.APPLICATION, on=TODAY, reason="", version=version
    )
    assert moved.status is JourneyStatus.APPLICATION
    assert moved.history[-1].recorded_by == "Coordinator"
    assert moved.history[0].recorded_by == "Coordinator"
    assert not changes.recruitment


def test_skipping_a_stage_is_refused_with_the_domain_message(services: Services) -> None:
    psw, version = enquirer(services)
    with pytest.raises(ValidationFailed) as refused:
        services.psws.change_status(
            psw, JourneyStatus.INTERVIEW, on=TODAY, reason="Keen", version=version
        )
    assert [(p.field, p.message) for p in refused.value.problems] == [
        (
            "status",
            "Stages are taken one at a time: from enquiry the next is application, not interview.",
        )
    ]
    assert services.psws.get(psw).status is JourneyStatus.ENQUIRY


def test_straight_to_active_is_a_skipped_stage_not_a_readiness_refusal(
    services: Services,
) -> None:
    psw, version = enquirer(services)
    with pytest.raises(ValidationFailed, match="one at a time"):
        services.psws.change_status(psw, JourneyStatus.ACTIVE, on=TODAY, reason="", version=version)


def test_back_without_a_reason_is_refused_then_recorded_with_one(services: Services) -> None:
    psw, version = enquirer(services, status=JourneyStatus.INTERVIEW)
    with pytest.raises(ValidationFailed) as refused:
        services.psws.change_status(
            psw, JourneyStatus.APPLICATION, on=TODAY, reason="  ", version=version
        )
    assert refused.value.problems[0].message.startswith("Say why they are moving to application")
    services.settings.set_coordinator_name("Dana Kerr")
    moved, _ = services.psws.change_status(
        psw,
        JourneyStatus.APPLICATION,
        on=TODAY - dt.timedelta(days=2),
        reason="Form needs a second referee",
        version=version,
    )
    last = moved.history[-1]
    assert (last.from_status, last.to_status, last.on) == (
        JourneyStatus.INTERVIEW,
        JourneyStatus.APPLICATION,
        TODAY - dt.timedelta(days=2),
    )
    assert (last.reason, last.recorded_by) == ("Form needs a second referee", "Dana Kerr")
    paused, _ = services.psws.change_status(
        psw,
        JourneyStatus.PAUSED,
        on=TODAY,
        reason="Exams",
        version=moved.version,
        recorded_by="Sam (duty)",
    )
    assert paused.history[-1].recorded_by == "Sam (duty)"


def test_leaving_before_active_keeps_outcome_and_routes(services: Services) -> None:
    psw, version = enquirer(services, status=JourneyStatus.CHECKS)
    leaving = LeavingOutcome(
        outcome="  Not ready to work yet; wants to stay in touch ",
        routes=(
            RouteOffered("Recovery college course", D(2026, 11, 20), RouteAnswer.ACCEPTED),
            RouteOffered("Volunteering elsewhere", D(2026, 11, 21), RouteAnswer.THINKING),
        ),
    )
    left, changes = services.psws.change_status(
        psw,
        JourneyStatus.LEFT,
        on=TODAY,
        reason="Health",
        version=version,
        leaving=leaving,
    )
    assert left.status is JourneyStatus.LEFT
    assert changes.recruitment == {psw}
    assert services.psws.leaving_outcomes(psw) == [
        LeavingRecord(
            status_change_on=TODAY,
            outcome=LeavingOutcome("Not ready to work yet; wants to stay in touch", leaving.routes),
        )
    ]
    # Undoing the move takes its outcome with it.
    services.psws.undo_status_change(psw, version=left.version)
    assert services.psws.leaving_outcomes(psw) == []


def test_bad_leaving_details_and_leaving_after_active_are_refused(services: Services) -> None:
    psw, version = enquirer(services, status=JourneyStatus.APPLICATION)
    bad = LeavingOutcome("", (RouteOffered("", D(2026, 12, 1)),))
    with pytest.raises(ValidationFailed) as refused:
        services.psws.change_status(
            psw, JourneyStatus.LEFT, on=TODAY, reason="Moved", version=version, leaving=bad
        )
    assert [p.field for p in refused.value.problems] == ["leaving_outcome", "routes", "routes"]
    active, active_version = enquirer(services, "Amir", status=JourneyStatus.ACTIVE)
    with pytest.raises(ValidationFailed) as after:
        services.psws.change_status(
            active,
            JourneyStatus.LEFT,
            on=TODAY,
            reason="Moved",
            version=active_version,
            leaving=LeavingOutcome("Moved away"),
        )
    assert after.value.problems[0].field == "leaving_outcome"


def test_stage_targets_default_save_and_validate(services: Services) -> None:
    assert services.settings.stage_targets() == DEFAULT_TARGET_DAYS
    changes = services.settings.set_stage_targets({JourneyStatus.INTERVIEW: 10})
    assert changes.settings
    assert services.settings.stage_targets()[JourneyStatus.INTERVIEW] == 10
    assert services.settings.stage_targets()[JourneyStatus.ENQUIRY] == 14
    with pytest.raises(ValidationFailed) as refused:
        services.settings.set_stage_targets({JourneyStatus.CHECKS: 0, JourneyStatus.ACTIVE: 30})
    assert [p.message for p in refused.value.problems] == [
        "The target for checks must be 1 to 3,650 days.",
        "Active has no target: only stages before active do.",
    ]
    assert services.settings.stage_targets()[JourneyStatus.CHECKS] == 42


def test_stalled_query_and_helper_follow_the_targets(services: Services) -> None:
    stuck, _ = enquirer(
        services, "Zoë Nguyễn", status=JourneyStatus.INTERVIEW, since=TODAY - dt.timedelta(30)
    )
    enquirer(services, "On time", status=JourneyStatus.INTERVIEW, since=TODAY - dt.timedelta(21))
    enquirer(services, "Active", status=JourneyStatus.ACTIVE, since=TODAY - dt.timedelta(400))
    older, _ = enquirer(
        services, "Old enquiry", status=JourneyStatus.ENQUIRY, since=TODAY - dt.timedelta(100)
    )
    archived, _ = enquirer(
        services, "Archived", status=JourneyStatus.CHECKS, since=TODAY - dt.timedelta(100)
    )
    services.psws.set_archived(archived, True)

    found = services.psws.stalled_psws()
    assert [(p.psw_id, p.status, p.days, p.target) for p in found] == [
        (older, JourneyStatus.ENQUIRY, 100, 14),
        (stuck, JourneyStatus.INTERVIEW, 30, 21),
    ]
    assert found[1].words() == "stalled: 30 days at interview (target 21)"
    assert found[1].name == "Zoë Nguyễn"
    assert found[1].stalled_on == TODAY - dt.timedelta(30) + dt.timedelta(22)
    assert services.psws.stalled(services.psws.get(stuck)) == found[1]

    services.settings.set_stage_targets({JourneyStatus.INTERVIEW: 35})
    assert [p.psw_id for p in services.psws.stalled_psws()] == [older]
    assert services.psws.stalled(services.psws.get(stuck)) is None
    assert [p.psw_id for p in services.psws.stalled_psws(TODAY + dt.timedelta(10))] == [
        older,
        stuck,
    ]
