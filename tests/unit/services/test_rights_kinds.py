"""Every kind of data rights request: one due-date rule, Needs attention until done, and what
erasure and restriction do to the record (restricted: kept, not used by matching)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.retention import RecordKind
from peerdesk.domain.rights_due import KIND_LABELS, RequestDates, due
from peerdesk.domain.rights_request import reference_of, restricted_by, restriction_reason
from peerdesk.domain.text import tidy
from peerdesk.services.bundle import Services
from peerdesk.services.retention_service import REQUEST
from tests.unit.services.test_matching_service import D, ready_psw, waiting


def _lines(services: Services) -> list[str]:
    return [i.item for i in services.attention.items(within_days=3650)]


@pytest.mark.parametrize("kind", sorted(KIND_LABELS))
def test_each_kind_is_due_by_the_one_rule_on_needs_attention_until_done(
    services: Services, kind: str
) -> None:
    psw = ready_psw(services, "Ada Quinn")
    label = KIND_LABELS[kind]
    line, _ = services.rights.log(psw_id=psw, received_on=D(2025, 1, 31), kind=kind)
    # 31 Jan 2025 → 28 Feb (a Friday), whatever the kind
    assert line.due.due_on == due(RequestDates(D(2025, 1, 31)), frozenset()).due_on
    assert line.due.due_on == D(2025, 2, 28)
    assert f"{label} overdue since 28 February 2025" in _lines(services)
    later, _ = services.rights.log(psw_id=psw, received_on=D(2026, 11, 20), kind=kind)
    assert f"{label} due 21 December 2026" in _lines(services)

    r = line.request
    if kind == "access":
        services.rights.mark_sent(r.id, on=D(2026, 11, 1), version=r.version)
    else:
        done, _ = services.rights.mark_done(
            r.id, on=D(2026, 11, 1), note="Dealt with by letter.", version=r.version
        )
        assert done.request.note.endswith("Done: Dealt with by letter.")
        assert done.request.reference.startswith("REQ-")
    lines = _lines(services)
    assert f"{label} overdue since 28 February 2025" not in lines
    assert f"{label} due 21 December 2026" in lines  # the other stays until it is done
    assert later.request.reference == reference_of(later.request.id, kind)


def test_references_share_one_series_with_a_prefix_by_kind() -> None:
    assert reference_of(7, "access") == "SAR-0007"
    assert reference_of(8, "erasure") == "REQ-0008"
    assert restricted_by(restriction_reason("REQ-0008")) == "REQ-0008"
    assert restricted_by("Legal claim") == ""


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(max_size=300))
def test_any_note_typed_when_done_is_kept_or_refused_plainly(services: Services, note: str) -> None:
    psw = ready_psw(services, "Note Taker")
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 11, 2), kind="objection")
    done, _ = services.rights.mark_done(
        line.request.id, on=D(2026, 11, 3), note=note, version=line.request.version
    )
    assert done.request.sent_on == D(2026, 11, 3)
    assert ("Done: " in done.request.note) == bool(tidy(note))


def test_a_restricted_psw_leaves_suggestions_and_returns_when_lifted(services: Services) -> None:
    kept = ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    other = ready_psw(services, "Ann Smith", languages=("English",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    assert {s.psw_id for s in services.matching.suggest(who).suggestions} == {kept, other}

    line, _ = services.rights.log(psw_id=kept, received_on=D(2026, 11, 20), kind="restriction")
    restricted, changes = services.rights.restrict(line.request.id, version=line.request.version)
    assert kept in changes.psws and restricted.request.sent_on == D(2026, 11, 23)
    [hold] = services.retention.holds(RecordKind.PSW, kept)
    assert hold.reason == f"Restricted by request {line.request.reference}"
    assert [s.psw_id for s in services.matching.suggest(who).suggestions] == [other]
    assert all(line.psw_id != kept for line in services.matching.plan().lines)
    assert not [i for i in _lines(services) if "Restriction request" in i]
    with pytest.raises(ValidationFailed, match="restricted already"):
        services.rights.restrict(line.request.id, version=restricted.request.version)

    services.rights.lift_restriction(line.request.id)
    assert services.retention.holds(RecordKind.PSW, kept) == []
    assert {s.psw_id for s in services.matching.suggest(who).suggestions} == {kept, other}
    with pytest.raises(ValidationFailed, match="not restricted"):
        services.rights.lift_restriction(line.request.id)


def test_an_ordinary_hold_does_not_restrict_matching(services: Services) -> None:
    psw = ready_psw(services, "Held Only", languages=("Polish",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    services.retention.place_hold(RecordKind.PSW, psw, "Legal claim")
    assert [s.psw_id for s in services.matching.suggest(who).suggestions] == [psw]


def test_a_restricted_person_leaves_the_caseload_plan(services: Services) -> None:
    ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    assert [line.person_id for line in services.matching.plan().lines] == [who]
    line, _ = services.rights.log(person_id=who, received_on=D(2026, 11, 20), kind="restriction")
    services.rights.restrict(line.request.id, version=line.request.version)
    assert services.matching.plan().lines == () or list(services.matching.plan().lines) == []
    services.rights.lift_restriction(line.request.id)
    assert [line.person_id for line in services.matching.plan().lines] == [who]


def test_only_a_restriction_request_restricts(services: Services) -> None:
    psw = ready_psw(services, "Not Restricted")
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 11, 20), kind="objection")
    with pytest.raises(ValidationFailed, match="Only a restriction"):
        services.rights.restrict(line.request.id, version=line.request.version)


def test_erasure_by_request_erases_and_the_ledger_says_request(services: Services) -> None:
    psw = ready_psw(services, "Asked To Go")
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 11, 20), kind="erasure")
    ref = line.request.reference
    decision = services.retention.erasure_for_request(RecordKind.PSW, psw, ref)
    assert f"request {ref}" in decision.why
    result = services.retention.act([decision], reason=REQUEST)
    assert [d.record_id for d in result.done] == [psw]
    done, _ = services.rights.mark_done(
        line.request.id, on=D(2026, 11, 23), note="Erased.", version=line.request.version
    )
    assert done.request.psw_id is None and done.request.sent_on == D(2026, 11, 23)
    with services.workspace.reading() as s:
        assert s.execute(text("SELECT count(*) FROM psw WHERE id = :i"), {"i": psw}).scalar() == 0
        assert s.execute(text("SELECT reason FROM erasure")).scalar() == REQUEST
    assert not [i for i in _lines(services) if "Erasure request" in i]


def test_a_future_done_date_is_refused(services: Services) -> None:
    psw = ready_psw(services, "Too Soon")
    line, _ = services.rights.log(psw_id=psw, received_on=D(2026, 11, 20), kind="rectification")
    with pytest.raises(ValidationFailed, match="in the future"):
        services.rights.mark_done(
            line.request.id, on=dt.date(2026, 12, 1), note="x", version=line.request.version
        )
