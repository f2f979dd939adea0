"""DBS checks: metadata round trips, number formats, disclosures and the six-month note rule."""

from __future__ import annotations

import pytest

from peerdesk.domain.check_records import RiskAssessment
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.evidence import DbsDecision, StatusCheck
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import D, dbs_details, new_psw


def test_round_trip_with_status_checks(services: Services) -> None:
    psw = new_psw(services)
    check, changes = services.dbs.add(
        psw, dbs_details(certificate_number="0012 3456 7890", update_service=True)
    )
    assert changes.checks == {psw}
    assert check.details.certificate_number == "001234567890"
    checked, _ = services.dbs.add_status_check(check.id, checked_on=D(2026, 11, 1), clean=True)
    assert checked.status_checks == (StatusCheck(D(2026, 11, 1), True),)
    assert services.dbs.checks(psw) == [checked]
    updated, _ = services.dbs.update(
        check.id, dbs_details(level=check.details.level, seen_by="Kim")
    )
    assert updated.details.seen_by == "Kim" and updated.status_checks == checked.status_checks


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"certificate_number": "00123456789A"}, "certificate_number"),
        ({"certificate_number": "00123456789"}, "certificate_number"),
        ({"scheme": DbsScheme.PVG}, "certificate_number"),  # 12 digits is not a PVG number
        ({"issued_on": D(2026, 11, 24)}, "issued_on"),
        ({"decided_on": D(2026, 8, 1)}, "decided_on"),  # before the issue date
        ({"decided_by": ""}, "decided_by"),
    ],
)
def test_bad_input_refused_naming_the_field(
    services: Services, changes: dict[str, object], field: str
) -> None:
    psw = new_psw(services)
    with pytest.raises(ValidationFailed) as refused:
        services.dbs.add(psw, dbs_details(**changes))
    assert field in {p.field for p in refused.value.problems}
    assert services.dbs.checks(psw) == []


def test_access_ni_and_pvg_formats(services: Services) -> None:
    psw = new_psw(services)
    services.dbs.add(psw, dbs_details(scheme=DbsScheme.ACCESS_NI, certificate_number="123456789"))
    services.dbs.add(psw, dbs_details(scheme=DbsScheme.PVG, certificate_number="1" * 16))
    assert len(services.dbs.checks(psw)) == 2


def test_status_check_needs_the_update_service(services: Services) -> None:
    psw = new_psw(services)
    check, _ = services.dbs.add(psw, dbs_details())
    with pytest.raises(ValidationFailed) as refused:
        services.dbs.add_status_check(check.id, checked_on=D(2026, 11, 1), clean=True)
    assert refused.value.problems[0].field == "update_service"


def test_a_disclosure_needs_a_risk_assessment_before_clearing(services: Services) -> None:
    psw = new_psw(services)
    pending = dbs_details(
        disclosure=True, disclosure_note="Caution, 2009", decision=None, decided_on=None
    )
    check, _ = services.dbs.add(psw, pending)
    with pytest.raises(ValidationFailed) as plain:
        services.dbs.update(check.id, dbs_details(disclosure=True))
    assert plain.value.problems[0].field == "decision"
    after = dbs_details(disclosure=True, decision=DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT)
    with pytest.raises(ValidationFailed) as no_assessment:
        services.dbs.update(check.id, after)
    assert "Record the risk assessment" in str(no_assessment.value)
    assessed, _ = services.dbs.add_risk_assessment(
        check.id, RiskAssessment(D(2026, 9, 2), "Coordinator and trustee", "Safe to proceed")
    )
    assert assessed.risk_assessments[0].panel == "Coordinator and trustee"
    cleared, _ = services.dbs.update(check.id, after)
    assert cleared.details.decision is DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT
    assert services.policies.requirements(psw)[0].status.value == "valid"


def test_disclosure_notes_are_cleared_six_months_after_the_decision(services: Services) -> None:
    psw = new_psw(services)
    old, _ = services.dbs.add(
        psw,
        dbs_details(
            issued_on=D(2026, 5, 1),
            disclosure=True,
            disclosure_note="old note",
            decision=DbsDecision.NOT_CLEARED,
            decided_on=D(2026, 5, 23),
        ),
    )
    recent, _ = services.dbs.add(
        psw,
        dbs_details(
            issued_on=D(2026, 5, 1),
            disclosure=True,
            disclosure_note="recent note",
            decision=DbsDecision.NOT_CLEARED,
            decided_on=D(2026, 5, 24),
        ),
    )
    changes = services.dbs.clear_expired_disclosure_notes()
    assert changes.checks == {psw}
    notes = {c.id: c.details.disclosure_note for c in services.dbs.checks(psw)}
    assert notes == {old.id: "", recent.id: "recent note"}
    assert services.dbs.clear_expired_disclosure_notes(D(2026, 11, 24)).checks == {psw}
    assert services.dbs.clear_expired_disclosure_notes(D(2026, 11, 24)).empty


def test_remove(services: Services) -> None:
    psw = new_psw(services)
    check, _ = services.dbs.add(psw, dbs_details())
    assert services.dbs.remove(check.id).checks == {psw}
    assert services.dbs.checks(psw) == []
