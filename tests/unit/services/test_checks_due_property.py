"""Property: after any sequence of evidence writes, stored due dates equal ``evaluate()``'s."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.check_records import OhDetails, ReferenceDetails
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.evidence import DbsDecision, DbsLevel, OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.domain.requirements import evaluate, next_due
from peerdesk.services.bundle import Services
from peerdesk.storage import evidence_queries
from tests.unit.services.checks_helpers import D, dbs_details, new_psw, safeguarding_course

TODAY = D(2026, 11, 23)
DAYS = st.dates(min_value=D(2019, 1, 1), max_value=TODAY)


def _dbs(services: Services, psw: PswId, data: st.DataObject) -> None:
    issued = data.draw(DAYS)
    decision = data.draw(st.sampled_from([None, DbsDecision.CLEARED, DbsDecision.NOT_CLEARED]))
    check, _ = services.dbs.add(
        psw,
        dbs_details(
            level=data.draw(st.sampled_from(list(DbsLevel))),
            issued_on=issued,
            seen_on=None,
            decision=decision,
            decided_on=None if decision is None else issued,
            update_service=True,
        ),
    )
    if data.draw(st.booleans()):
        on = data.draw(st.dates(min_value=issued, max_value=TODAY))
        services.dbs.add_status_check(check.id, checked_on=on, clean=data.draw(st.booleans()))


def _reference(services: Services, psw: PswId, data: st.DataObject) -> None:
    requested = data.draw(DAYS)
    received = data.draw(st.none() | st.dates(min_value=requested, max_value=TODAY))
    outcome = None if received is None else data.draw(st.none() | st.booleans())
    services.references.add(
        psw, ReferenceDetails(requested, received_on=received, satisfactory=outcome)
    )


def _oh(services: Services, psw: PswId, data: st.DataObject) -> None:
    referred = data.draw(DAYS)
    outcome = data.draw(st.none() | st.sampled_from(list(OhOutcome)))
    services.health.add_referral(
        psw, OhDetails(referred, outcome, None if outcome is None else referred)
    )


def _induction(services: Services, psw: PswId, data: st.DataObject) -> None:
    induction = services.induction.induction(psw)
    if not induction.items:
        services.induction.start(psw)
        return
    item = data.draw(st.sampled_from(induction.items))
    done = data.draw(st.none() | DAYS)
    services.induction.update_item(item.id, due_on=None, done_on=done)


def _training(services: Services, psw: PswId, data: st.DataObject) -> None:
    course = next((c.id for c in services.training.courses()), None)
    services.training.add_record(
        psw, course or safeguarding_course(services), done_on=data.draw(DAYS)
    )


def _remove_something(services: Services, psw: PswId, data: st.DataObject) -> None:
    refs = services.references.references(psw)
    if refs:
        services.references.remove(data.draw(st.sampled_from(refs)).id)
    checks = services.dbs.checks(psw)
    if checks and data.draw(st.booleans()):
        services.dbs.remove(checks[0].id)


WRITES = [_dbs, _reference, _oh, _induction, _training, _remove_something]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_stored_due_dates_follow_every_write(services: Services, data: st.DataObject) -> None:
    psw = new_psw(services, "Property Person")
    for write in data.draw(st.lists(st.sampled_from(WRITES), min_size=1, max_size=8)):
        try:
            write(services, psw, data)
        except ValidationFailed:
            continue
        with services.workspace.reading() as s:
            results = evaluate(
                evidence_queries.policies(s), evidence_queries.evidence_for(s, psw), TODAY
            )
            stored = evidence_queries.stored_due(s, psw)
            candidates = evidence_queries.due_candidates(s, dt.date.max)
        expected = {r.policy_id: r.due_on for r in results}
        assert stored == expected
        assert (psw in candidates) == (next_due(results) is not None)


def test_a_new_psw_has_a_due_row_per_policy_and_a_role_change_recomputes(
    services: Services,
) -> None:
    from peerdesk.domain.psw import PswDetails, Role

    psw, _ = services.psws.create(PswDetails(full_name="Rowan Hale"))
    with services.workspace.reading() as s:
        stored = evidence_queries.stored_due(s, psw.id)
        policy_ids = {p.id for p in evidence_queries.policies(s)}
    assert set(stored) == policy_ids
    services.psws.update(psw.id, PswDetails(full_name="Rowan Hale", role=Role.PAID), version=1)
    with services.workspace.reading() as s:
        assert set(evidence_queries.stored_due(s, psw.id)) == policy_ids
