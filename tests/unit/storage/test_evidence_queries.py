"""Evidence assembly in batches, and the indexed due-date selection."""

from __future__ import annotations

from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.evidence import InductionEvidence, ReferenceEvidence
from peerdesk.domain.psw import Role
from peerdesk.services.bundle import Services
from peerdesk.storage import evidence_queries
from tests.unit.services.checks_helpers import D, complete_evidence, new_psw


def test_batch_equals_one_at_a_time(services: Services) -> None:
    full = new_psw(services, "Full Evidence")
    complete_evidence(services, full)
    partial = new_psw(services, "Partial", role=Role.PAID)
    services.references.add(partial, ReferenceDetails(D(2026, 11, 1)))
    services.induction.set_mentor(partial, "Jo")
    nothing = new_psw(services, "Nothing Yet")
    ids = [full, partial, nothing]
    with services.workspace.reading() as s:
        batch = evidence_queries.evidence_for_many(s, ids)
        single = {i: evidence_queries.evidence_for(s, i) for i in ids}
        everyone = evidence_queries.evidence_for_many(s, None)
    assert batch == single
    assert {i: everyone[i] for i in ids} == single
    assert batch[partial].role is Role.PAID
    assert batch[partial].references == (ReferenceEvidence(D(2026, 11, 1)),)
    assert batch[partial].induction == (InductionEvidence(started=True, completed_on=None),)
    assert batch[nothing].dbs == () and batch[nothing].induction == ()
    assert len(batch[full].training) == 1 and batch[full].induction[0].completed_on


def test_due_candidates_select_by_date_in_sql(services: Services) -> None:
    a, b = new_psw(services, "Ann A"), new_psw(services, "Bob B")
    complete_evidence(services, a)
    services.references.add(b, ReferenceDetails(D(2026, 11, 1)))  # worth chasing from 15 Nov
    with services.workspace.reading() as s:
        assert evidence_queries.due_candidates(s, D(2026, 11, 14)) == []
        assert evidence_queries.due_candidates(s, D(2026, 11, 15)) == [b]
        # A's earliest: DBS issued 1 Sep 2026 + 36 months; safeguarding 1 Jun 2026 + 24 months.
        assert evidence_queries.due_candidates(s, D(2028, 6, 1)) == [a, b]
        plan = s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT DISTINCT psw_id FROM requirement_due "
            "WHERE next_due IS NOT NULL AND next_due <= '2026-12-01'"
        )
        assert "ix_requirement_due_next_due" in " ".join(str(r) for r in plan)
