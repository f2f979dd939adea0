"""Requirement policies judged against a PSW's evidence, and the readiness gate built on them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from calendar import monthrange
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.calendar import add_months
from peerdesk.domain.evidence import (
    DbsDecision,
    DbsEvidence,
    DbsLevel,
    Evidence,
    InductionEvidence,
    OhEvidence,
    OhOutcome,
    ReferenceEvidence,
    StatusCheck,
    TrainingEvidence,
)
from peerdesk.domain.psw import Role
from peerdesk.domain.requirement_policy import (
    DEFAULT_POLICIES,
    Applies,
    Policy,
    RequirementKind,
    policy_problems,
)
from peerdesk.domain.requirements import (
    REFERENCE_CHASE_DAYS,
    RequirementResult,
    RequirementStatus,
    evaluate,
    next_due,
    readiness,
)

S = RequirementStatus
T = TypeVar("T")
D = dt.date
DBS, REFS, OH, INDUCTION, SAFEGUARDING = DEFAULT_POLICIES
CLEARED = DbsDecision.CLEARED


def one(policy: Policy, evidence: Evidence, today: dt.date) -> RequirementResult:
    [result] = evaluate([policy], evidence, today)
    return result


def said(policy: Policy, evidence: Evidence, today: dt.date) -> tuple[RequirementStatus, str]:
    result = one(policy, evidence, today)
    return result.status, result.sentence


def vol(**kwargs: object) -> Evidence:
    return Evidence(Role.VOLUNTEER, **kwargs)


def enhanced(issued: dt.date, decision: DbsDecision | None = CLEARED, **kw: object) -> DbsEvidence:
    return DbsEvidence(DbsLevel.ENHANCED, issued, decision, **kw)


# --- Defaults and policy validation -------------------------------------------------------------


def test_default_policies_are_as_the_issue_says() -> None:
    assert [p.name for p in DEFAULT_POLICIES] == [
        "DBS (enhanced)",
        "References",
        "Occupational health",
        "Induction",
        "Safeguarding adults",
    ]
    assert (DBS.dbs_level, DBS.validity_months, DBS.window_days, DBS.grace_days) == (
        DbsLevel.ENHANCED,
        36,
        60,
        0,
    )
    assert (SAFEGUARDING.validity_months, SAFEGUARDING.window_days) == (24, 30)
    assert SAFEGUARDING.grace_days == 30
    assert REFS.references_needed == 2
    assert all(p.applies is Applies.BOTH for p in DEFAULT_POLICIES)
    assert all(p.validity_months is None for p in (REFS, OH, INDUCTION))
    assert len({p.id for p in DEFAULT_POLICIES}) == 5
    assert all(policy_problems(p) == [] for p in DEFAULT_POLICIES)


def fields(policy: Policy) -> dict[str, bool]:
    return {p.field: p.blocking for p in policy_problems(policy)}


def test_policy_problems_name_the_field() -> None:
    assert fields(dataclasses.replace(DBS, validity_months=0)) == {"validity_months": True}
    assert fields(dataclasses.replace(DBS, validity_months=-3)) == {"validity_months": True}
    assert fields(dataclasses.replace(DBS, validity_months=5000)) == {"validity_months": True}
    assert fields(dataclasses.replace(DBS, window_days=-1)) == {"window_days": True}
    assert fields(dataclasses.replace(DBS, grace_days=-1)) == {"grace_days": True}
    assert fields(dataclasses.replace(DBS, dbs_level=None)) == {"dbs_level": True}
    assert fields(dataclasses.replace(SAFEGUARDING, topic=" ")) == {"topic": True}
    assert fields(dataclasses.replace(REFS, references_needed=0)) == {"references_needed": True}
    assert fields(dataclasses.replace(DBS, name="  ")) == {"name": True}


def test_window_longer_than_the_shortest_validity_is_refused() -> None:
    # One month can be as short as 28 days (31 January to 28 February).
    assert fields(dataclasses.replace(DBS, validity_months=1, window_days=28)) == {}
    [problem] = policy_problems(dataclasses.replace(DBS, validity_months=1, window_days=29))
    assert problem.field == "window_days"
    assert problem.message == (
        "A renewal window of 29 days is longer than a validity of 1 month can be: "
        "make it 28 days or fewer."
    )


def test_window_and_grace_on_a_never_expiring_policy_only_warn() -> None:
    assert fields(dataclasses.replace(INDUCTION, window_days=10, grace_days=5)) == {
        "window_days": False,
        "grace_days": False,
    }


# --- Dated statuses and their sentences ---------------------------------------------------------


def test_valid_due_soon_and_expired_on_the_expiry_date() -> None:
    ev = vol(dbs=(enhanced(D(2023, 3, 3)),))
    assert said(DBS, ev, D(2025, 6, 1)) == (S.VALID, "DBS (enhanced) expires on 3 March 2026")
    # Due soon from 60 days before (the window) to the day before expiry.
    assert said(DBS, ev, D(2026, 1, 1)) == (S.VALID, "DBS (enhanced) expires on 3 March 2026")
    assert said(DBS, ev, D(2026, 1, 2)) == (
        S.DUE_SOON,
        "DBS (enhanced) expires on 3 March 2026 (due in 60 days)",
    )
    assert said(DBS, ev, D(2026, 2, 19)) == (
        S.DUE_SOON,
        "DBS (enhanced) expires on 3 March 2026 (due in 12 days)",
    )
    assert said(DBS, ev, D(2026, 3, 2)) == (
        S.DUE_SOON,
        "DBS (enhanced) expires on 3 March 2026 (due tomorrow)",
    )
    # On the expiry date it is no longer valid; grace is 0 days for DBS.
    assert said(DBS, ev, D(2026, 3, 3)) == (S.EXPIRED, "DBS (enhanced) expired on 3 March 2026")
    assert one(DBS, ev, D(2026, 3, 3)).due_on == D(2026, 3, 3)


def test_grace_period() -> None:
    ev = vol(training=(TrainingEvidence("Safeguarding adults", D(2023, 5, 2)),))
    assert said(SAFEGUARDING, ev, D(2025, 5, 1)) == (
        S.DUE_SOON,
        "Safeguarding adults expires on 2 May 2025 (due tomorrow)",
    )
    assert said(SAFEGUARDING, ev, D(2025, 5, 2)) == (
        S.IN_GRACE,
        "Safeguarding adults expired on 2 May 2025 (grace period ends in 30 days)",
    )
    assert said(SAFEGUARDING, ev, D(2025, 5, 31)) == (
        S.IN_GRACE,
        "Safeguarding adults expired on 2 May 2025 (grace period ends tomorrow)",
    )
    assert said(SAFEGUARDING, ev, D(2025, 6, 1)) == (
        S.EXPIRED,
        "Safeguarding adults expired on 2 May 2025",
    )
    assert one(SAFEGUARDING, ev, D(2025, 6, 1)).due_on == D(2025, 5, 2)


def test_expiry_clamps_to_the_end_of_february() -> None:
    policy = dataclasses.replace(SAFEGUARDING, validity_months=12)
    ev = vol(training=(TrainingEvidence("Safeguarding adults", D(2024, 2, 29)),))
    assert one(policy, ev, D(2024, 3, 1)).due_on == D(2025, 2, 28)


def test_training_topics_match_ignoring_case_and_accents_and_use_the_latest() -> None:
    ev = vol(
        training=(
            TrainingEvidence("SAFEGUARDING  adults", D(2024, 6, 1)),
            TrainingEvidence("Safeguarding adults", D(2022, 6, 1)),
            TrainingEvidence("Lone working", D(2025, 6, 1)),
        )
    )
    assert one(SAFEGUARDING, ev, D(2025, 1, 1)).due_on == D(2026, 6, 1)
    only_other = vol(training=(TrainingEvidence("Lone working", D(2025, 6, 1)),))
    assert said(SAFEGUARDING, only_other, D(2025, 7, 1)) == (
        S.MISSING,
        "Safeguarding adults not recorded",
    )


# --- DBS --------------------------------------------------------------------------------------


TODAY = D(2026, 2, 19)


@pytest.mark.parametrize(
    ("records", "status", "sentence"),
    [
        ((), S.MISSING, "DBS (enhanced) not recorded"),
        (
            (DbsEvidence(DbsLevel.BASIC, D(2025, 1, 1), CLEARED),),
            S.MISSING,
            "DBS (enhanced) not recorded (the check on file is basic)",
        ),
        (
            (enhanced(D(2026, 2, 1), None),),
            S.IN_PROGRESS,
            "DBS (enhanced) issued 1 February 2026, awaiting a decision",
        ),
        (
            (enhanced(D(2026, 2, 1), DbsDecision.NOT_CLEARED, decided_on=D(2026, 2, 5)),),
            S.MISSING,
            "DBS (enhanced) not cleared (check issued 1 February 2026)",
        ),
        (
            (enhanced(D(2025, 2, 1), DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT),),
            S.VALID,
            "DBS (enhanced) expires on 1 February 2028",
        ),
        (
            (DbsEvidence(DbsLevel.ENHANCED_BARRED, D(2025, 2, 1), CLEARED),),
            S.VALID,
            "DBS (enhanced) expires on 1 February 2028",
        ),
        (
            # A newer check that was not cleared outweighs an older cleared one.
            (enhanced(D(2024, 1, 1)), enhanced(D(2025, 1, 1), DbsDecision.NOT_CLEARED)),
            S.MISSING,
            "DBS (enhanced) not cleared (check issued 1 January 2025)",
        ),
        (
            # A pending renewal beside a cleared check that is running out.
            (enhanced(D(2023, 3, 3)), enhanced(D(2026, 2, 10), None)),
            S.DUE_SOON,
            "DBS (enhanced) expires on 3 March 2026 (due in 12 days); renewal in progress",
        ),
        (
            (enhanced(D(2022, 1, 10)), enhanced(D(2026, 2, 10), None)),
            S.EXPIRED,
            "DBS (enhanced) expired on 10 January 2025; renewal in progress",
        ),
        (
            # A pending check older than the decided one is stale, not a renewal.
            (enhanced(D(2024, 3, 3)), enhanced(D(2023, 1, 1), None)),
            S.VALID,
            "DBS (enhanced) expires on 3 March 2027",
        ),
    ],
)
def test_dbs_sentences(
    records: tuple[DbsEvidence, ...], status: RequirementStatus, sentence: str
) -> None:
    assert said(DBS, vol(dbs=records), TODAY) == (status, sentence)


def test_a_clean_update_service_check_renews_validity_from_its_date() -> None:
    checks = (StatusCheck(D(2024, 6, 1), True), (D(2023, 6, 1), True))
    record = enhanced(D(2020, 1, 10), update_service_checks=checks)
    result = one(DBS, vol(dbs=(record,)), TODAY)
    assert (result.status, result.due_on) == (S.VALID, D(2027, 6, 1))


def test_a_status_check_that_is_not_clean_stops_the_check_counting() -> None:
    checks = ((D(2023, 6, 1), True), (D(2024, 6, 1), False))
    record = enhanced(D(2020, 1, 10), update_service_checks=checks)
    assert said(DBS, vol(dbs=(record,)), TODAY) == (
        S.MISSING,
        "DBS (enhanced): the Update Service status check on 1 June 2024 was not clear; "
        "a new check is needed",
    )


def test_status_checks_before_the_issue_date_are_ignored() -> None:
    record = enhanced(D(2024, 1, 10), update_service_checks=((D(2023, 6, 1), False),))
    assert one(DBS, vol(dbs=(record,)), TODAY).due_on == D(2027, 1, 10)


# --- References, occupational health, induction -------------------------------------------------


def test_reference_sentences() -> None:
    today = D(2026, 3, 20)
    assert said(REFS, vol(), today) == (S.MISSING, "References not recorded")
    good = ReferenceEvidence(D(2026, 2, 1), D(2026, 2, 10), True)
    awaited = ReferenceEvidence(D(2026, 3, 3))
    result = one(REFS, vol(references=(awaited, good)), today)
    assert (result.status, result.sentence) == (
        S.IN_PROGRESS,
        "Reference 2 requested 3 March 2026, not received",
    )
    assert result.due_on == D(2026, 3, 3) + dt.timedelta(days=REFERENCE_CHASE_DAYS)
    no_outcome = ReferenceEvidence(D(2026, 2, 1), D(2026, 3, 5))
    result = one(REFS, vol(references=(no_outcome, awaited)), today)
    assert (result.status, result.sentence, result.due_on) == (
        S.IN_PROGRESS,
        "Reference 1 received 5 March 2026, outcome not recorded; "
        "reference 2 requested 3 March 2026, not received",
        D(2026, 3, 17),
    )
    bad = ReferenceEvidence(D(2026, 2, 2), D(2026, 2, 12), False)
    assert said(REFS, vol(references=(good, bad)), today) == (
        S.MISSING,
        "References: 1 satisfactory of 2 needed",
    )
    second = ReferenceEvidence(D(2026, 2, 5), D(2026, 3, 1), True)
    result = one(REFS, vol(references=(good, awaited, second)), today)
    assert (result.status, result.sentence, result.due_on) == (
        S.VALID,
        "References complete",
        None,
    )


def test_references_with_a_validity_run_from_the_later_of_the_needed_two() -> None:
    policy = dataclasses.replace(REFS, validity_months=12)
    refs = (
        ReferenceEvidence(D(2025, 1, 1), D(2025, 1, 5), True),
        ReferenceEvidence(D(2025, 1, 1), D(2025, 2, 5), True),
        ReferenceEvidence(D(2024, 1, 1), D(2024, 2, 5), True),
    )
    assert one(policy, vol(references=refs), D(2025, 3, 1)).due_on == D(2026, 1, 5)


def test_occupational_health_sentences() -> None:
    today = D(2026, 3, 20)
    assert said(OH, vol(), today) == (S.MISSING, "Occupational health not recorded")
    referral = OhEvidence(D(2026, 3, 3))
    assert said(OH, vol(occupational_health=(referral,)), today) == (
        S.IN_PROGRESS,
        "Occupational health referral awaiting an outcome (referred 3 March 2026)",
    )
    review = OhEvidence(D(2026, 3, 3), OhOutcome.REVIEW_NEEDED, D(2026, 3, 10))
    assert said(OH, vol(occupational_health=(review,)), today) == (
        S.IN_PROGRESS,
        "Occupational health: review needed (outcome on 10 March 2026)",
    )
    fit = OhEvidence(D(2026, 3, 3), OhOutcome.FIT_WITH_ADJUSTMENTS, D(2026, 3, 10))
    assert said(OH, vol(occupational_health=(fit,)), today) == (
        S.VALID,
        "Occupational health complete (fit with adjustments)",
    )
    not_required = OhEvidence(D(2026, 3, 1), OhOutcome.NOT_REQUIRED, D(2026, 3, 1))
    assert one(OH, vol(occupational_health=(not_required,)), today).status is S.VALID


def test_induction_sentences() -> None:
    today = D(2026, 3, 20)
    assert said(INDUCTION, vol(), today) == (S.MISSING, "Induction not recorded")
    assert said(INDUCTION, vol(induction=(InductionEvidence(started=False),)), today) == (
        S.MISSING,
        "Induction not recorded",
    )
    assert said(INDUCTION, vol(induction=(InductionEvidence(),)), today) == (
        S.IN_PROGRESS,
        "Induction started, not completed",
    )
    done = InductionEvidence(True, D(2026, 3, 1))
    assert said(INDUCTION, vol(induction=(done,)), today) == (S.VALID, "Induction complete")


def test_policies_for_the_other_role_do_not_apply() -> None:
    paid_only = dataclasses.replace(DBS, applies=Applies.PAID)
    result = one(paid_only, vol(), TODAY)
    assert (result.status, result.sentence, result.due_on) == (
        S.NOT_APPLICABLE,
        "DBS (enhanced) does not apply to volunteers",
        None,
    )
    volunteers_only = dataclasses.replace(DBS, applies=Applies.VOLUNTEER)
    assert said(volunteers_only, Evidence(Role.PAID), TODAY) == (
        S.NOT_APPLICABLE,
        "DBS (enhanced) does not apply to paid staff",
    )
    assert one(volunteers_only, vol(), TODAY).status is S.MISSING


# --- Readiness and next due -------------------------------------------------------------------


def alex() -> Evidence:
    return vol(
        references=(
            ReferenceEvidence(D(2026, 2, 1), D(2026, 2, 10), True),
            ReferenceEvidence(D(2026, 3, 3)),
        ),
        occupational_health=(OhEvidence(D(2026, 2, 1), OhOutcome.FIT, D(2026, 2, 8)),),
        induction=(InductionEvidence(True, D(2026, 3, 1)),),
        training=(TrainingEvidence("Safeguarding adults", D(2023, 5, 2)),),
    )


def test_refusal_lists_every_blocking_reason() -> None:
    ready = readiness(evaluate(DEFAULT_POLICIES, alex(), D(2026, 3, 20)))
    assert not ready.ready
    assert [r.policy_id for r in ready.blocking] == [1, 2, 5]
    assert ready.refusal("Alex") == (
        "Alex cannot become active yet: DBS (enhanced) not recorded; "
        "reference 2 requested 3 March 2026, not received; "
        "safeguarding adults expired on 2 May 2025."
    )


def test_due_soon_and_grace_warn_but_do_not_block() -> None:
    ev = dataclasses.replace(
        alex(),
        dbs=(enhanced(D(2023, 4, 1)),),
        references=(*alex().references[:1], ReferenceEvidence(D(2026, 3, 3), D(2026, 3, 9), True)),
        training=(TrainingEvidence("Safeguarding adults", D(2024, 3, 10)),),
    )
    ready = readiness(evaluate(DEFAULT_POLICIES, ev, D(2026, 3, 20)))
    assert ready.ready
    assert ready.blocking == ()
    assert [(r.policy_id, r.status) for r in ready.warnings] == [
        (1, S.DUE_SOON),
        (5, S.IN_GRACE),
    ]
    assert ready.refusal("Alex") == "Alex can become active."


def test_acronyms_stay_upper_case_in_a_refusal() -> None:
    policy = Policy(9, "OH clearance", RequirementKind.OCCUPATIONAL_HEALTH)
    refusal = readiness(evaluate([policy], vol(), TODAY)).refusal("Sam")
    assert refusal == "Sam cannot become active yet: OH clearance not recorded."


def test_next_due_is_the_earliest_due_date() -> None:
    results = evaluate(DEFAULT_POLICIES, alex(), D(2026, 3, 20))
    assert next_due(results) == D(2025, 5, 2)
    assert next_due(evaluate([REFS, INDUCTION], vol(), TODAY)) is None


@pytest.mark.parametrize(
    ("status", "blocks", "warns"),
    [
        (S.MISSING, True, False),
        (S.IN_PROGRESS, True, False),
        (S.VALID, False, False),
        (S.DUE_SOON, False, True),
        (S.IN_GRACE, False, True),
        (S.EXPIRED, True, False),
        (S.NOT_APPLICABLE, False, False),
    ],
)
def test_what_blocks_and_what_warns(status: RequirementStatus, blocks: bool, warns: bool) -> None:
    assert (status.blocks, status.warns) == (blocks, warns)
    assert status.label[0].isupper()


def test_dbs_levels_are_ordered() -> None:
    assert DbsLevel.BASIC < DbsLevel.STANDARD < DbsLevel.ENHANCED < DbsLevel.ENHANCED_BARRED
    assert DbsLevel.ENHANCED_BARRED.label == "Enhanced with barred lists"
    assert max(DbsLevel) is DbsLevel.ENHANCED_BARRED


# --- Properties -------------------------------------------------------------------------------

DATES = st.dates(D(2000, 1, 1), D(2060, 12, 31))
TOPICS = st.sampled_from(["Safeguarding adults", "SAFEGUARDING ADULTS", "Lone working"])
DECISIONS = st.none() | st.sampled_from(DbsDecision)
dbs_records = st.builds(
    DbsEvidence,
    st.sampled_from(DbsLevel),
    DATES,
    DECISIONS,
    st.none() | DATES,
    st.lists(st.tuples(DATES, st.booleans()), max_size=3).map(tuple),
)
reference_records = st.builds(
    ReferenceEvidence, DATES, st.none() | DATES, st.none() | st.booleans()
)
oh_records = st.builds(OhEvidence, DATES, st.none() | st.sampled_from(OhOutcome), st.none() | DATES)
induction_records = st.builds(InductionEvidence, st.booleans(), st.none() | DATES)
training_records = st.builds(TrainingEvidence, TOPICS, DATES)


def some(records: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(records, max_size=4).map(tuple)


evidence = st.builds(
    Evidence,
    st.sampled_from(Role),
    some(dbs_records),
    some(reference_records),
    some(oh_records),
    some(induction_records),
    some(training_records),
)


@st.composite
def policies(draw: st.DrawFn, kind: RequirementKind | None = None) -> Policy:
    """Policies that pass validation, of any kind."""
    months = draw(st.none() | st.integers(1, 60))
    policy = Policy(
        7,
        "Requirement",
        kind or draw(st.sampled_from(RequirementKind)),
        dbs_level=draw(st.sampled_from(DbsLevel)),
        references_needed=draw(st.integers(1, 3)),
        topic="Safeguarding adults",
        applies=draw(st.sampled_from(Applies)),
        validity_months=months,
        window_days=draw(st.integers(0, months * 28)) if months else 0,
        grace_days=draw(st.integers(0, 90)) if months else 0,
    )
    assert not any(p.blocking for p in policy_problems(policy))
    return policy


RANK = {S.VALID: 0, S.DUE_SOON: 1, S.IN_GRACE: 2, S.EXPIRED: 3}


@given(st.lists(policies(), max_size=5), evidence, DATES, st.randoms(use_true_random=False))
def test_evidence_order_never_matters(
    ps: list[Policy], ev: Evidence, today: dt.date, rnd: random.Random
) -> None:
    def shuffled(items: tuple[T, ...]) -> tuple[T, ...]:
        out = list(items)
        rnd.shuffle(out)
        return tuple(out)

    mixed = Evidence(
        ev.role,
        tuple(
            dataclasses.replace(r, update_service_checks=shuffled(r.update_service_checks))
            for r in shuffled(ev.dbs)
        ),
        shuffled(ev.references),
        shuffled(ev.occupational_health),
        shuffled(ev.induction),
        shuffled(ev.training),
    )
    assert evaluate(ps, mixed, today) == evaluate(ps, ev, today)


def _settle(policy: Policy, ev: Evidence, day: dt.date, data: st.DataObject) -> Evidence:
    """``ev`` plus a record that decides ``policy`` on its own (dated ``day``)."""
    if policy.kind is RequirementKind.DBS:
        decision = data.draw(st.sampled_from(DbsDecision))
        level = policy.dbs_level or DbsLevel.BASIC
        return dataclasses.replace(ev, dbs=(*ev.dbs, DbsEvidence(level, day, decision)))
    if policy.kind is RequirementKind.REFERENCES:
        refs = (ReferenceEvidence(day, day, True),) * policy.references_needed
        return dataclasses.replace(ev, references=(*ev.references, *refs))
    if policy.kind is RequirementKind.OCCUPATIONAL_HEALTH:
        outcome = data.draw(st.sampled_from(OhOutcome))
        oh = OhEvidence(day, outcome, day)
        return dataclasses.replace(ev, occupational_health=(*ev.occupational_health, oh))
    if policy.kind is RequirementKind.INDUCTION:
        induction = InductionEvidence(True, day)
        return dataclasses.replace(ev, induction=(*ev.induction, induction))
    training = TrainingEvidence("Safeguarding adults", day)
    return dataclasses.replace(ev, training=(*ev.training, training))


@given(policies(), evidence, DATES, DATES, st.data())
def test_an_older_record_changes_nothing(
    policy: Policy, ev: Evidence, day: dt.date, today: dt.date, data: st.DataObject
) -> None:
    settled = _settle(policy, ev, day, data)
    # Generated evidence is dated 2000 or later; these records all come before it.
    older = data.draw(older_evidence(ev.role))
    combined = Evidence(
        ev.role,
        settled.dbs + older.dbs,
        settled.references + older.references,
        settled.occupational_health + older.occupational_health,
        settled.induction + older.induction,
        settled.training + older.training,
    )
    assert evaluate([policy], combined, today) == evaluate([policy], settled, today)


BEFORE = st.dates(D(1950, 1, 1), D(1999, 12, 31))


def older_evidence(role: Role) -> st.SearchStrategy[Evidence]:
    return st.builds(
        Evidence,
        st.just(role),
        some(
            st.builds(
                DbsEvidence,
                st.sampled_from(DbsLevel),
                BEFORE,
                DECISIONS,
                st.none() | BEFORE,
                st.lists(st.tuples(BEFORE, st.booleans()), max_size=2).map(tuple),
            )
        ),
        some(st.builds(ReferenceEvidence, BEFORE, st.none() | BEFORE, st.none() | st.booleans())),
        some(st.builds(OhEvidence, BEFORE, st.none() | st.sampled_from(OhOutcome), BEFORE)),
        some(st.builds(InductionEvidence, st.booleans(), st.none() | BEFORE)),
        some(st.builds(TrainingEvidence, TOPICS, BEFORE)),
    )


@given(policies(), evidence, DATES, st.integers(0, 3000))
def test_as_today_advances_a_status_only_gets_worse_and_due_dates_stay(
    policy: Policy, ev: Evidence, today: dt.date, days: int
) -> None:
    earlier = one(policy, ev, today)
    later = one(policy, ev, today + dt.timedelta(days=days))
    assert later.due_on == earlier.due_on  # so storage can index it without a clock
    if earlier.status in RANK:
        assert RANK[later.status] >= RANK[earlier.status]
    else:
        assert later.status is earlier.status


@given(policies(), evidence, DATES, st.integers(0, 120), st.integers(0, 365), st.booleans())
def test_longer_validity_or_grace_never_worsens_a_status(
    policy: Policy, ev: Evidence, today: dt.date, more_months: int, more_grace: int, never: bool
) -> None:
    before = one(policy, ev, today)
    if policy.validity_months is not None:
        longer = dataclasses.replace(
            policy,
            validity_months=None if never else policy.validity_months + more_months,
            grace_days=policy.grace_days + more_grace,
        )
    else:
        longer = policy
    after = one(longer, ev, today)
    if before.status in RANK:
        assert RANK[after.status] <= RANK[before.status]
    else:
        assert after.status is before.status


@given(st.integers(1900, 2400), st.integers(1, 12), st.integers(1, 60), st.booleans())
def test_month_ends_and_leap_days_expire_on_the_clamped_date(
    year: int, month: int, months: int, leap_day: bool
) -> None:
    if leap_day:
        year = next(y for y in range(year, year + 8) if monthrange(y, 2)[1] == 29)
        done = D(year, 2, 29)
    else:
        done = D(year, month, monthrange(year, month)[1])
    policy = dataclasses.replace(SAFEGUARDING, validity_months=months, window_days=0, grace_days=0)
    ev = vol(training=(TrainingEvidence("Safeguarding adults", done),))
    expiry = add_months(done, months)
    assert expiry.day == min(done.day, monthrange(expiry.year, expiry.month)[1])
    last_day = one(policy, ev, expiry - dt.timedelta(days=1))
    on_expiry = one(policy, ev, expiry)
    assert (last_day.status, last_day.due_on) == (S.VALID, expiry)
    assert (on_expiry.status, on_expiry.due_on) == (S.EXPIRED, expiry)


@given(policies(), policies(), evidence, DATES)
def test_after_a_policy_change_the_result_equals_evaluating_afresh(
    old: Policy, new: Policy, ev: Evidence, today: dt.date
) -> None:
    evaluate([old], ev, today)  # nothing is remembered between calls
    fresh = Policy(**{f.name: getattr(new, f.name) for f in dataclasses.fields(new)})
    assert evaluate([new], ev, today) == evaluate([fresh], ev, today)
    assert evaluate([old, new], ev, today)[1] == evaluate([fresh], ev, today)[0]


@given(
    st.builds(
        Policy,
        st.integers(),
        st.text(max_size=5),
        st.sampled_from(RequirementKind),
        st.none() | st.sampled_from(DbsLevel),
        st.integers(-3, 5),
        st.none() | st.text(max_size=5),
        st.sampled_from(Applies),
        st.none() | st.integers(-10, 10**6),
        st.integers(-100, 10**6),
        st.integers(-100, 10**6),
    ),
    st.builds(
        Evidence,
        st.sampled_from(Role),
        some(st.builds(DbsEvidence, st.sampled_from(DbsLevel), st.dates(), DECISIONS)),
        some(st.builds(ReferenceEvidence, st.dates(), st.none() | st.dates())),
        some(st.builds(OhEvidence, st.dates(), st.sampled_from(OhOutcome), st.dates())),
        some(st.builds(InductionEvidence, st.booleans(), st.none() | st.dates())),
        some(st.builds(TrainingEvidence, st.text(max_size=3), st.dates())),
    ),
    st.dates(),
)
def test_evaluate_never_raises_even_on_a_refused_policy(
    policy: Policy, ev: Evidence, today: dt.date
) -> None:
    [result] = evaluate([policy], ev, today)
    assert result.sentence
    ready = readiness([result])
    assert ready.ready == (not result.status.blocks)
    assert ready.refusal("Zoë Nguyễn").startswith("Zoë Nguyễn ")
