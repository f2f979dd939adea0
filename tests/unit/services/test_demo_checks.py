"""Demo check histories: the same for a seed, valid by the services' rules, true to each journey."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from peerdesk.domain.calendar import add_months
from peerdesk.domain.check_rules import (
    adjustment_problems,
    dbs_problems,
    oh_problems,
    reference_problems,
    risk_assessment_problems,
    status_check_problems,
    tidied_adjustment,
    tidied_dbs,
    tidied_reference,
)
from peerdesk.domain.evidence import DbsDecision
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.induction import DEFAULT_TEMPLATE
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.taxonomy import ListItem
from peerdesk.domain.taxonomy_defaults import default_items
from peerdesk.domain.training import (
    DEFAULT_TOPICS,
    Course,
    CourseId,
    Topic,
    TopicId,
    course_problems,
)
from peerdesk.services.demo_catalogue import catalogue_for
from peerdesk.services.demo_checks import CheckGenerator, DemoChecks
from peerdesk.services.demo_data import DemoPsw, generate
from tests.conftest import NOW

S = JourneyStatus
TODAY = NOW.date()
TOPICS = [Topic(TopicId(n), name, n) for n, name in enumerate(DEFAULT_TOPICS, start=1)]
NAMES = {t.id: t.name for t in TOPICS}
ITEMS = [
    ListItem(TaxonomyItemId(i + 1), d.kind, d.name, d.family, d.latitude, d.longitude)
    for i, d in enumerate(default_items())
]
COURSES = [
    Course(CourseId(n), d, NAMES[d.topic_id]) for n, d in enumerate(catalogue_for(TOPICS), start=1)
]


@pytest.fixture(scope="module")
def psws() -> list[DemoPsw]:
    return generate(ITEMS, count=600, seed=11, now=NOW)


def _histories(psws: list[DemoPsw], seed: int = 11) -> list[DemoChecks]:
    made = CheckGenerator(seed=seed, today=TODAY, courses=COURSES, template=DEFAULT_TEMPLATE)
    return [made.for_psw(p) for p in psws]


@pytest.fixture(scope="module")
def histories(psws: list[DemoPsw]) -> list[DemoChecks]:
    return _histories(psws)


def test_the_catalogue_has_valid_courses_for_every_topic() -> None:
    assert {c.topic for c in COURSES} == set(DEFAULT_TOPICS)
    assert all(course_problems(c.details) == [] for c in COURSES)


def test_a_seed_gives_the_same_histories_and_another_seed_different_ones(
    psws: list[DemoPsw], histories: list[DemoChecks]
) -> None:
    assert _histories(psws) == histories
    assert _histories(psws, seed=12) != histories


def test_every_record_passes_the_rules_the_services_apply(histories: list[DemoChecks]) -> None:
    for checks in histories:
        for ref in checks.references:
            assert tidied_reference(ref.details) == ref.details
            assert reference_problems(ref.details, today=TODAY) == []
            last = ref.details.received_on or TODAY
            assert all(ref.details.requested_on <= on <= last for on in ref.chased_on)
        for dbs in checks.dbs:
            d = dbs.details
            assert tidied_dbs(d) == d
            assert dbs_problems(d, today=TODAY, risk_assessments=dbs.risk_assessments) == []
            for ra in dbs.risk_assessments:
                assert risk_assessment_problems(ra, issued_on=d.issued_on, today=TODAY) == []
            for check in dbs.status_checks:
                assert (
                    status_check_problems(
                        check.checked_on,
                        issued_on=d.issued_on,
                        subscribed=d.update_service,
                        today=TODAY,
                    )
                    == []
                )
        for oh in checks.occupational_health:
            assert oh_problems(oh, today=TODAY) == []
        for adj in checks.adjustments:
            assert tidied_adjustment(adj) == adj
            assert adjustment_problems(adj, today=TODAY) == []
        if checks.induction is not None:
            assert checks.induction.mentor
            assert [i.name for i in checks.induction.items] == list(DEFAULT_TEMPLATE)
            assert all(i.done_on is None or i.done_on <= TODAY for i in checks.induction.items)
        assert all(t.done_on <= TODAY for t in checks.training)
        assert {t.course_id for t in checks.training} <= {c.id for c in COURSES}


def _kept_note_is_recent(checks: DemoChecks) -> bool:
    return all(
        d.details.decided_on is None or add_months(d.details.decided_on, 6) > TODAY
        for d in checks.dbs
        if d.details.disclosure_note
    )


def test_histories_follow_each_journey(psws: list[DemoPsw], histories: list[DemoChecks]) -> None:
    seen: Counter[str] = Counter()
    for psw, checks in zip(psws, histories, strict=True):
        assert _kept_note_is_recent(checks)
        if psw.status in (S.ENQUIRY, S.APPLICATION, S.INTERVIEW):
            assert checks == DemoChecks()
        elif psw.status is S.CHECKS:
            assert len(checks.references) == 2
            assert checks.induction is None and checks.training == ()
            pending = not checks.dbs or checks.dbs[0].details.decision is None
            seen["checks, DBS pending"] += pending
            seen["checks, reference awaited"] += any(
                r.details.received_on is None for r in checks.references
            )
        elif psw.status in (S.ACTIVE, S.PAUSED):
            assert [r.details.satisfactory for r in checks.references] == [True, True]
            assert checks.induction is not None
            assert all(i.done_on is not None for i in checks.induction.items)
            assert 8 <= len(checks.training) <= 12
            assert checks.occupational_health[0].outcome is not None
            decisions = {d.details.decision for d in checks.dbs}
            assert decisions <= {DbsDecision.CLEARED, DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT}
            seen["status checks"] += any(d.status_checks for d in checks.dbs)
            seen["risk assessed"] += any(d.risk_assessments for d in checks.dbs)
            seen["renewed"] += len(checks.dbs) > 1
            seen["chased"] += any(r.chased_on for r in checks.references)
    assert min(seen.values()) > 0, seen
    assert len(seen) == 6, seen


def test_checks_stop_at_the_day_someone_left(
    psws: list[DemoPsw], histories: list[DemoChecks]
) -> None:
    for psw, checks in zip(psws, histories, strict=True):
        if psw.status is not S.LEFT:
            continue
        left_on = psw.history[-1].on
        dates = [r.details.requested_on for r in checks.references]
        dates += [d.details.issued_on for d in checks.dbs]
        dates += [c.checked_on for d in checks.dbs for c in d.status_checks]
        dates += [t.done_on for t in checks.training]
        assert all(on <= left_on for on in dates)


def test_training_covers_safeguarding_for_everyone_who_became_active(
    psws: list[DemoPsw], histories: list[DemoChecks]
) -> None:
    safeguarding = {c.id for c in COURSES if c.topic == "Safeguarding adults"}
    for psw, checks in zip(psws, histories, strict=True):
        if psw.status in (S.ACTIVE, S.PAUSED):
            assert any(t.course_id in safeguarding for t in checks.training)


def test_an_empty_catalogue_gives_no_training_and_nothing_breaks(psws: list[DemoPsw]) -> None:
    made = CheckGenerator(seed=1, today=TODAY, courses=[], template=())
    for psw in psws[:100]:
        checks = made.for_psw(psw)
        assert checks.training == ()
        if checks.induction is not None:
            assert checks.induction.items == ()


def test_dates_never_run_past_today(histories: list[DemoChecks]) -> None:
    latest = dt.date.min
    for checks in histories:
        for dbs in checks.dbs:
            latest = max(latest, dbs.details.issued_on, dbs.details.decided_on or dt.date.min)
    assert latest <= TODAY
