"""Shared builders for the checks service tests: a PSW and complete, valid evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from peerdesk.domain.check_records import DbsDetails, OhDetails, ReferenceDetails
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.evidence import DbsDecision, DbsLevel, OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails, Role
from peerdesk.domain.training import CourseDetails, CourseId
from peerdesk.services.bundle import Services

D = dt.date


def new_psw(
    services: Services,
    name: str = "Alexandra Quinn",
    *,
    known_as: str = "Alex",
    role: Role = Role.VOLUNTEER,
    status: JourneyStatus = JourneyStatus.INDUCTION,
) -> PswId:
    psw, _ = services.psws.create(
        PswDetails(full_name=name, known_as=known_as, role=role), status=status
    )
    return psw.id


def dbs_details(**changes: Any) -> DbsDetails:
    base = DbsDetails(
        scheme=DbsScheme.DBS,
        level=DbsLevel.ENHANCED,
        certificate_number="001234567890",
        issued_on=D(2026, 9, 1),
        seen_by="Sam Coordinator",
        seen_on=D(2026, 9, 3),
        decision=DbsDecision.CLEARED,
        decided_on=D(2026, 9, 3),
        decided_by="Sam Coordinator",
    )
    return replace(base, **changes)


def safeguarding_course(services: Services) -> CourseId:
    topic = next(t for t in services.training.topics() if t.name == "Safeguarding adults")
    course, _ = services.training.add_course(
        CourseDetails("Safeguarding adults level 2", topic.id, "Council", 3.0, 24)
    )
    return course.id


def complete_evidence(services: Services, psw_id: PswId) -> None:
    """Everything the default policies ask for, all in date on 23 November 2026."""
    services.dbs.add(psw_id, dbs_details())
    for n in (1, 2):
        services.references.add(
            psw_id,
            ReferenceDetails(
                requested_on=D(2026, 8, n),
                referee=f"Referee {n}",
                received_on=D(2026, 8, 20),
                satisfactory=True,
                outcome_on=D(2026, 8, 21),
            ),
        )
    services.health.add_referral(psw_id, OhDetails(D(2026, 9, 1), OhOutcome.FIT, D(2026, 9, 10)))
    induction, _ = services.induction.start(psw_id, mentor="Jo Bloggs")
    for item in induction.items:
        services.induction.update_item(
            item.id, due_on=None, done_on=D(2026, 10, 1), confirmed_by="Jo Bloggs"
        )
    services.training.add_record(psw_id, safeguarding_course(services), done_on=D(2026, 6, 1))
