"""Readiness: the activation gate, policy edits, previews and due dates kept in step."""

from __future__ import annotations

import dataclasses

import pytest

from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.requirement_policy import DEFAULT_POLICIES
from peerdesk.domain.requirements import RequirementStatus, evaluate
from peerdesk.services.bundle import Services
from peerdesk.storage import evidence_queries
from tests.unit.services.checks_helpers import D, complete_evidence, new_psw


def stored(services: Services, psw: int) -> dict[int, object]:
    with services.workspace.reading() as s:
        return evidence_queries.stored_due(s, psw)  # type: ignore[arg-type]


def test_activation_is_refused_with_every_reason_then_allowed(services: Services) -> None:
    psw = new_psw(services)
    services.references.add(psw, ReferenceDetails(D(2026, 3, 3), referee="A"))
    version = services.psws.get(psw).version
    with pytest.raises(ValidationFailed) as refused:
        services.psws.change_status(
            psw, JourneyStatus.ACTIVE, on=D(2026, 11, 23), reason="", version=version
        )
    assert str(refused.value) == (
        "Alex cannot become active yet: DBS (enhanced) not recorded; reference 1 requested "
        "3 March 2026, not received; occupational health not recorded; induction not recorded; "
        "safeguarding adults not recorded."
    )
    assert refused.value.problems[0].field == "status"
    assert services.psws.get(psw).status is JourneyStatus.INDUCTION
    [ref] = services.references.references(psw)
    services.references.remove(ref.id)
    complete_evidence(services, psw)
    assert services.policies.readiness(psw).ready
    moved, _ = services.psws.change_status(
        psw, JourneyStatus.ACTIVE, on=D(2026, 11, 23), reason="", version=version
    )
    assert moved.status is JourneyStatus.ACTIVE


def test_paused_to_active_is_gated_too(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.PAUSED)
    with pytest.raises(ValidationFailed, match="Alex cannot become active yet"):
        services.psws.change_status(
            psw, JourneyStatus.ACTIVE, on=D(2026, 11, 23), reason="", version=1
        )
    # Other moves are not gated.
    moved, _ = services.psws.change_status(
        psw, JourneyStatus.LEFT, on=D(2026, 11, 23), reason="Moved", version=1
    )
    assert moved.status is JourneyStatus.LEFT


def test_policies_are_seeded_and_validated(services: Services) -> None:
    assert services.policies.policies() == list(DEFAULT_POLICIES)
    bad = dataclasses.replace(DEFAULT_POLICIES[0], validity_months=0)
    with pytest.raises(ValidationFailed) as refused:
        services.policies.save(bad)
    assert refused.value.problems[0].field == "validity_months"
    longer = dataclasses.replace(DEFAULT_POLICIES[0], window_days=5000)
    with pytest.raises(ValidationFailed) as window:
        services.policies.save(longer)
    assert window.value.problems[0].field == "window_days"


def test_a_policy_change_previews_and_recomputes_everyone(services: Services) -> None:
    a, b = new_psw(services, "Ann A"), new_psw(services, "Bob B")
    for psw in (a, b):
        complete_evidence(services, psw)
    safeguarding = DEFAULT_POLICIES[4]
    assert stored(services, a)[safeguarding.id] == D(2028, 6, 1)
    shorter = dataclasses.replace(safeguarding, validity_months=3, window_days=0, grace_days=0)
    assert services.policies.preview_change(shorter) == 2
    assert services.policies.preview_change(safeguarding) == 0
    _, changes = services.policies.save(shorter)
    assert changes.policies
    for psw in (a, b):
        assert stored(services, psw)[safeguarding.id] == D(2026, 9, 1)
        assert not services.policies.readiness(psw).ready
    assert set(evidence_queries_due(services, D(2026, 11, 23))) == {a, b}


def evidence_queries_due(services: Services, until: object) -> list[int]:
    with services.workspace.reading() as s:
        return evidence_queries.due_candidates(s, until)  # type: ignore[arg-type]


def test_new_policy_and_removal(services: Services) -> None:
    psw = new_psw(services)
    complete_evidence(services, psw)
    children = dataclasses.replace(
        DEFAULT_POLICIES[4], id=0, name="Safeguarding children", topic="Safeguarding children"
    )
    added, _ = services.policies.save(children)
    assert added.id > 5
    last = services.policies.requirements(psw)[-1]
    assert (last.name, last.status) == ("Safeguarding children", RequirementStatus.MISSING)
    assert added.id in stored(services, psw)
    services.policies.remove(added.id)
    assert added.id not in stored(services, psw)
    assert services.policies.readiness(psw).ready


def test_requirements_match_evaluate(services: Services) -> None:
    psw = new_psw(services)
    complete_evidence(services, psw)
    with services.workspace.reading() as s:
        evidence = evidence_queries.evidence_for(s, psw)
    assert services.policies.requirements(psw) == evaluate(
        DEFAULT_POLICIES, evidence, D(2026, 11, 23)
    )
