"""Evidence loaded for some policies only judges as the whole would; Needs attention reads less."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from peerdesk.domain.check_records import OhDetails, ReferenceDetails
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.evidence import DbsLevel, Evidence, OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.domain.requirement_policy import Policy, RequirementKind
from peerdesk.domain.requirements import evaluate
from peerdesk.domain.text import fold
from peerdesk.domain.training import CourseDetails
from peerdesk.services.bundle import Services
from peerdesk.storage import attention_queries, evidence_queries
from tests.unit.services.checks_helpers import D, dbs_details, new_psw

TODAY = D(2026, 11, 23)
DAYS = st.dates(min_value=D(2019, 1, 1), max_value=TODAY)

EXTRA = [
    Policy(90, "First aid", RequirementKind.TRAINING, topic="FIRST AID", validity_months=36),
    Policy(91, "Lone working", RequirementKind.TRAINING, topic="LONE  Wörking"),
    Policy(92, "Untitled", RequirementKind.TRAINING, topic=""),
    Policy(93, "DBS (basic)", RequirementKind.DBS, dbs_level=DbsLevel.BASIC, validity_months=12),
]
"""Policies the vault does not hold: ``only`` takes any, matched by kind and folded topic."""


def _record(services: Services, psw: PswId, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["dbs", "reference", "oh", "induction", "training"]))
    on = data.draw(DAYS)
    if kind == "dbs":
        level = data.draw(st.sampled_from(list(DbsLevel)))
        check, _ = services.dbs.add(psw, dbs_details(level=level, issued_on=on, seen_on=None))
        if data.draw(st.booleans()):
            services.dbs.add_status_check(
                check.id, checked_on=TODAY, clean=data.draw(st.booleans())
            )
    elif kind == "reference":
        outcome = data.draw(st.none() | st.booleans())
        received = None if outcome is None else on
        services.references.add(
            psw, ReferenceDetails(on, received_on=received, satisfactory=outcome)
        )
    elif kind == "oh":
        services.health.add_referral(psw, OhDetails(on, OhOutcome.FIT, on))
    elif kind == "induction":
        if not services.induction.induction(psw).items:
            services.induction.start(psw)
    else:
        topic = data.draw(st.sampled_from(services.training.topics()))
        course = next(
            (c.id for c in services.training.courses() if c.details.topic_id == topic.id), None
        )
        if course is None:
            course, _ = services.training.add_course(
                CourseDetails(f"{topic.name} course", topic.id)
            )
            course = course.id
        services.training.add_record(psw, course, done_on=on)


def _only_topics(evidence: Evidence, chosen: list[Policy]) -> Evidence:
    """The full evidence, cut down to what ``chosen`` reads (the loader's contract)."""
    kinds = {p.kind for p in chosen}
    topics = {fold(p.topic or "") for p in chosen if p.kind is RequirementKind.TRAINING} - {""}
    return Evidence(
        role=evidence.role,
        dbs=evidence.dbs if RequirementKind.DBS in kinds else (),
        references=evidence.references if RequirementKind.REFERENCES in kinds else (),
        occupational_health=evidence.occupational_health
        if RequirementKind.OCCUPATIONAL_HEALTH in kinds
        else (),
        induction=evidence.induction if RequirementKind.INDUCTION in kinds else (),
        training=tuple(t for t in evidence.training if fold(t.topic) in topics),
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_evidence_for_some_policies_judges_as_all_evidence_does(
    services: Services, data: st.DataObject
) -> None:
    people = [new_psw(services, "Subset One"), new_psw(services, "Subset Two")]
    for _ in range(data.draw(st.integers(0, 8))):
        try:
            _record(services, data.draw(st.sampled_from(people)), data)
        except ValidationFailed:
            continue
    with services.workspace.reading() as s:
        stored = evidence_queries.policies(s)
        chosen = data.draw(st.lists(st.sampled_from(stored + EXTRA), unique=True))
        full = evidence_queries.evidence_for_many(s, people)
        partial = evidence_queries.evidence_for_many(s, people, only=chosen)
    assert set(partial) == set(full) == set(people)
    for psw in people:
        assert partial[psw] == _only_topics(full[psw], chosen)
        assert evaluate(chosen, partial[psw], TODAY) == evaluate(chosen, full[psw], TODAY)


def test_training_for_a_topic_policy_is_matched_ignoring_case_and_accents(
    services: Services,
) -> None:
    psw = new_psw(services, "Topic Person")
    topic = next(t for t in services.training.topics() if t.name == "Lone working")
    course, _ = services.training.add_course(CourseDetails("Lone working course", topic.id))
    services.training.add_record(psw, course.id, done_on=D(2026, 1, 5))
    with services.workspace.reading() as s:
        lone = evidence_queries.evidence_for_many(s, [psw], only=[EXTRA[1]])[psw]
        aid = evidence_queries.evidence_for_many(s, [psw], only=[EXTRA[0]])[psw]
        dbs = evidence_queries.evidence_for_many(s, [psw], only=[EXTRA[3]])[psw]
    assert [t.topic for t in lone.training] == ["Lone working"]
    assert aid.training == () and dbs.training == ()


def test_the_dated_candidates_range_scan_the_due_index(services: Services) -> None:
    """The dated selection is led by ``next_due``, not by a walk over every current PSW."""
    plans: list[str] = []
    with services.workspace.reading() as s:
        connection = s.connection()

        def explain(_c: Any, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
            if sql.startswith("SELECT") and "requirement_due.next_due <=" in sql:
                plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
                plans.append(" ".join(str(row) for row in plan))

        event.listen(connection, "before_cursor_execute", explain)
        try:
            attention_queries.requirement_candidates(s, TODAY + dt.timedelta(days=30), TODAY)
        finally:
            event.remove(connection, "before_cursor_execute", explain)
    assert plans and "ix_requirement_due_next_due" in plans[0]
