"""Occupational health, adjustments, induction from the template and training records."""

from __future__ import annotations

import pytest

from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus, OhDetails
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.evidence import OhOutcome
from peerdesk.domain.induction import DEFAULT_TEMPLATE
from peerdesk.domain.training import DEFAULT_TOPICS, CourseDetails, NeedStatus
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import D, new_psw, safeguarding_course


def test_oh_referral_round_trip_and_refusals(services: Services) -> None:
    psw = new_psw(services)
    made, _ = services.health.add_referral(psw, OhDetails(D(2026, 11, 1)))
    done, changes = services.health.update_referral(
        made.id, OhDetails(D(2026, 11, 1), OhOutcome.FIT_WITH_ADJUSTMENTS, D(2026, 11, 20))
    )
    assert changes.checks == {psw} and services.health.referrals(psw) == [done]
    with pytest.raises(ValidationFailed) as refused:
        services.health.update_referral(
            made.id, OhDetails(D(2026, 11, 1), OhOutcome.FIT, D(2026, 10, 1))
        )
    assert refused.value.problems[0].field == "outcome_on"
    assert services.health.remove_referral(made.id).checks == {psw}
    assert services.health.referrals(psw) == []


def test_adjustments(services: Services) -> None:
    psw = new_psw(services)
    details = AdjustmentDetails(
        "Hours", "No shifts before 10am", D(2026, 11, 2), "Sam", review_on=D(2027, 2, 1)
    )
    made, _ = services.health.add_adjustment(psw, details)
    ended, _ = services.health.update_adjustment(
        made.id, AdjustmentDetails("Hours", "No shifts before 10am", status=AdjustmentStatus.ENDED)
    )
    assert services.health.adjustments(psw) == [ended]
    with pytest.raises(ValidationFailed) as refused:
        services.health.add_adjustment(psw, AdjustmentDetails("", ""))
    assert {p.field for p in refused.value.problems} == {"category", "what"}


def test_induction_from_the_editable_template(services: Services) -> None:
    assert [t.name for t in services.induction.template()] == list(DEFAULT_TEMPLATE)
    services.induction.set_template(["Welcome", "Shadowing"])
    psw = new_psw(services)
    assert not services.induction.induction(psw).started
    induction, changes = services.induction.start(psw, mentor="Jo", due_on=D(2026, 12, 1))
    assert changes.checks == {psw} and induction.mentor == "Jo"
    assert [(i.name, i.due_on) for i in induction.items] == [
        ("Welcome", D(2026, 12, 1)),
        ("Shadowing", D(2026, 12, 1)),
    ]
    with pytest.raises(ValidationFailed):
        services.induction.start(psw)
    first, second = induction.items
    services.induction.update_item(first.id, due_on=None, done_on=D(2026, 11, 2), confirmed_by="Jo")
    assert services.induction.induction(psw).completed_on is None
    done, _ = services.induction.update_item(
        second.id, due_on=None, done_on=D(2026, 11, 9), confirmed_by="Jo"
    )
    assert done.completed_on == D(2026, 11, 9)
    with pytest.raises(ValidationFailed) as refused:
        services.induction.update_item(second.id, due_on=None, done_on=D(2026, 12, 1))
    assert refused.value.problems[0].field == "done_on"
    extra, _ = services.induction.add_item(psw, "Lone working briefing")
    assert extra.completed_on is None
    back, _ = services.induction.remove_item(extra.items[-1].id)
    assert back.completed_on == D(2026, 11, 9)


def test_topics_are_seeded_and_courses_validated(services: Services) -> None:
    assert [t.name for t in services.training.topics()] == list(DEFAULT_TOPICS)
    topic = services.training.topics()[0]
    for months in (0, -3):
        with pytest.raises(ValidationFailed) as refused:
            services.training.add_course(
                CourseDetails("Listening", topic.id, validity_months=months)
            )
        assert refused.value.problems[0].field == "validity_months"
    with pytest.raises(ValidationFailed):
        services.training.add_topic("active LISTENING")
    added, _ = services.training.add_topic("Peer supervision")
    assert added.name in [t.name for t in services.training.topics()]


def test_training_records_expire_and_meet_needs(services: Services) -> None:
    psw = new_psw(services)
    course = safeguarding_course(services)
    topic = next(t for t in services.training.topics() if t.name == "Safeguarding adults")
    need, _ = services.training.add_need(psw, topic.id, source="Induction")
    assert need.status is NeedStatus.OPEN
    record, changes = services.training.add_record(psw, course, done_on=D(2024, 2, 29))
    assert changes.checks == {psw}
    assert record.expires_on == D(2026, 2, 28) and record.topic == "Safeguarding adults"
    assert services.training.records(psw) == [record]
    assert services.training.needs(psw)[0].status is NeedStatus.MET
    with pytest.raises(ValidationFailed):
        services.training.add_record(psw, course, done_on=D(2026, 11, 24))
    assert services.training.remove_record(record.id).checks == {psw}
    assert services.training.records(psw) == []
