"""Bulk-inserted check histories read back equal to the same records added through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.check_records import (
    AdjustmentDetails,
    AdjustmentStatus,
    DbsDetails,
    OhDetails,
    ReferenceDetails,
    ReferenceKind,
    RiskAssessment,
)
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.evidence import DbsDecision, DbsLevel, OhOutcome, StatusCheck
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.training import CourseDetails, CourseId
from peerdesk.services.bundle import Services
from peerdesk.services.demo_checks import (
    DemoChecks,
    DemoDbs,
    DemoInduction,
    DemoInductionItem,
    DemoReference,
    DemoTraining,
)
from peerdesk.storage import check_bulk, evidence_queries
from tests.conftest import NOW

D = dt.date
TODAY = NOW.date()
REFERENCES = (
    ReferenceDetails(
        D(2026, 8, 1),
        ReferenceKind.EMPLOYER,
        "Helen Shaw (line manager)",
        "helen.shaw@example.org",
        D(2026, 8, 20),
        True,
        "",
        D(2026, 8, 20),
    ),
    ReferenceDetails(D(2026, 11, 1), ReferenceKind.CHARACTER, "Owen Price (tutor)"),
)
CLEARED = DbsDetails(
    DbsScheme.DBS,
    DbsLevel.ENHANCED,
    "001234567890",
    D(2026, 9, 1),
    update_service=True,
    seen_by="Sam Okafor",
    seen_on=D(2026, 9, 3),
    decision=DbsDecision.CLEARED,
    decided_on=D(2026, 9, 3),
    decided_by="Sam Okafor",
)
DISCLOSED = DbsDetails(
    DbsScheme.PVG,
    DbsLevel.ENHANCED_BARRED,
    "1234567890123456",
    D(2026, 10, 1),
    seen_by="Sam Okafor",
    seen_on=D(2026, 10, 2),
    disclosure=True,
    disclosure_note="Caution for possession, 2009.",
)
ASSESSMENT = RiskAssessment(D(2026, 10, 9), "Sam Okafor and Jo Kettering", "Cleared.")
OH = OhDetails(D(2026, 9, 1), OhOutcome.FIT_WITH_ADJUSTMENTS, D(2026, 9, 10))
ADJUSTMENT = AdjustmentDetails(
    "Hours",
    "No shifts before 10am.",
    D(2026, 9, 12),
    "Sam Okafor",
    AdjustmentStatus.IN_PLACE,
    D(2027, 3, 1),
)


def _psw(services: Services, name: str) -> PswId:
    psw, _ = services.psws.create(PswDetails(full_name=name), status=JourneyStatus.INDUCTION)
    return psw.id


def _through_services(services: Services, psw_id: PswId, course: CourseId) -> None:
    for details in REFERENCES:
        ref, _ = services.references.add(psw_id, details)
        if details.received_on is None:
            services.references.chase(ref.id)
    cleared, _ = services.dbs.add(psw_id, CLEARED)
    services.dbs.add_status_check(cleared.id, checked_on=D(2026, 11, 2), clean=True)
    disclosed, _ = services.dbs.add(psw_id, DISCLOSED)
    services.dbs.add_risk_assessment(disclosed.id, ASSESSMENT)
    services.health.add_referral(psw_id, OH)
    services.health.add_adjustment(psw_id, ADJUSTMENT)
    induction, _ = services.induction.start(psw_id, mentor="Jo Kettering")
    for n, item in enumerate(induction.items):
        done = D(2026, 10, 1 + n) if n < 3 else None
        services.induction.update_item(
            item.id,
            due_on=D(2026, 10, 5 * (n + 1)),
            done_on=done,
            confirmed_by="Jo Kettering" if done else "",
        )
    services.training.add_record(psw_id, course, done_on=D(2026, 6, 1))


def _demo(services: Services, course: CourseId) -> DemoChecks:
    template = [t.name for t in services.induction.template()]
    return DemoChecks(
        references=(
            DemoReference(REFERENCES[0]),
            DemoReference(REFERENCES[1], (TODAY,)),
        ),
        dbs=(
            DemoDbs(CLEARED, (StatusCheck(D(2026, 11, 2), True),)),
            DemoDbs(DISCLOSED, (), (ASSESSMENT,)),
        ),
        occupational_health=(OH,),
        adjustments=(ADJUSTMENT,),
        induction=DemoInduction(
            "Jo Kettering",
            tuple(
                DemoInductionItem(
                    name,
                    D(2026, 10, 5 * (n + 1)),
                    D(2026, 10, 1 + n) if n < 3 else None,
                    "Jo Kettering" if n < 3 else "",
                )
                for n, name in enumerate(template)
            ),
        ),
        training=(DemoTraining(course, D(2026, 6, 1)),),
    )


def _view(services: Services, psw_id: PswId) -> tuple[object, ...]:
    """Everything the Checks tab shows, without record ids."""
    induction = services.induction.induction(psw_id)
    return (
        [(r.position, r.details, r.chased_on) for r in services.references.references(psw_id)],
        [(c.details, c.status_checks, c.risk_assessments) for c in services.dbs.checks(psw_id)],
        [r.details for r in services.health.referrals(psw_id)],
        [a.details for a in services.health.adjustments(psw_id)],
        (induction.mentor, [replace(i, id=0) for i in induction.items]),
        [(t.course, t.topic, t.done_on, t.expires_on) for t in services.training.records(psw_id)],
        [(r.name, r.status, r.due_on) for r in services.policies.requirements(psw_id)],
    )


def test_bulk_inserted_checks_read_back_equal_to_ones_added_through_the_services(
    services: Services,
) -> None:
    topic = next(t for t in services.training.topics() if t.name == "Safeguarding adults")
    course, _ = services.training.add_course(
        CourseDetails("Safeguarding adults level 2", topic.id, "Council", 3.0, 24)
    )
    by_hand = _psw(services, "Alexandra Quinn")
    _through_services(services, by_hand, course.id)
    bulk = _psw(services, "Bo Quinn")
    with services.workspace.transaction() as s:
        check_bulk.insert_checks(s, [(bulk, _demo(services, course.id))])
        evidence_queries.recompute_due(s, [bulk], TODAY)
    assert _view(services, bulk) == _view(services, by_hand)
    with services.workspace.reading() as s:
        assert evidence_queries.stored_due(s, bulk) == evidence_queries.stored_due(s, by_hand)


def test_nothing_to_insert_is_fine(services: Services) -> None:
    psw_id = _psw(services, "Cai Quinn")
    with services.workspace.transaction() as s:
        check_bulk.insert_checks(s, [])
        check_bulk.insert_checks(s, [(psw_id, DemoChecks())])
    assert _view(services, psw_id)[:6] == ([], [], [], [], ("", []), [])
