"""Retention through the service: preview = acted set, holds, rules, the ledger, erasure leaves
no trace in the tables, the search index or the WAL, and trustees' past figures stay the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.progress import Progress
from peerdesk.domain.retention import Action, Outcome, RecordKind, Subject
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.services.retention_service import REQUEST
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_service import session

MARKER = "quokkablister"
LATER = dt.datetime(2029, 1, 10, 9, 0)


def _leave(services: Services, psw: int, on: dt.date) -> None:
    current = services.psws.get(psw)  # type: ignore[arg-type]
    services.psws.change_status(
        current.id, JourneyStatus.LEFT, on=on, reason="Moved away", version=current.version
    )


def _later(services: Services, when: dt.datetime = LATER) -> Services:
    return build(services.workspace, FixedClock(when))


def _every_text(services: Services) -> str:
    """Every text value of every table, FTS shadow tables included, as one string."""
    found = []
    with services.workspace.reading() as s:
        tables = [
            r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        for table in tables:
            for row in s.execute(text(f'SELECT * FROM "{table}"')):
                found.extend(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in row)
    return "\n".join(found)


def test_an_enquiry_left_quiet_is_erased_and_leaves_no_trace(services: Services) -> None:
    psw = new_psw(services, f"Rowan {MARKER.title()}", status=JourneyStatus.ENQUIRY)
    _leave(services, psw, dt.date(2026, 11, 20))
    session(services, psw, notes=f"talked about {MARKER} at length", checkin=MARKER)
    assert MARKER in _every_text(services)
    later = _later(services)
    preview = later.retention.preview()
    due = [d for d in preview.due if d.record_id == psw]
    assert [d.outcome for d in due] == [Outcome.ERASE]
    assert "Left 20 November 2026; kept 6 months after the application ended" in due[0].why
    result = later.retention.act(due, Progress())
    assert [d.record_id for d in result.done] == [psw]
    assert MARKER not in _every_text(services).casefold()
    wal = Path(str(services.paths.db) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with services.workspace.reading() as s:
        ledger = s.execute(text("SELECT subject_kind, subject_id, action, reason FROM erasure"))
        assert [tuple(r) for r in ledger] == [("psw", psw, "erase", "unsuccessful_applicant")]


def test_a_hold_keeps_the_record_and_the_preview_says_why(services: Services) -> None:
    psw = new_psw(services, "Held Person", status=JourneyStatus.ENQUIRY)
    _leave(services, psw, dt.date(2026, 11, 20))
    later = _later(services)
    later.retention.place_hold(RecordKind.PSW, psw, "Employment tribunal claim")
    decision = next(d for d in later.retention.preview().decisions if d.record_id == psw)
    assert decision.outcome is Outcome.HELD
    assert "On hold: Employment tribunal claim" in decision.why
    with pytest.raises(ValidationFailed):
        later.retention.place_hold(RecordKind.PSW, psw, "   ")


def test_a_hold_placed_after_the_preview_stops_the_act(services: Services) -> None:
    psw = new_psw(services, "Late Hold", status=JourneyStatus.ENQUIRY)
    _leave(services, psw, dt.date(2026, 11, 20))
    later = _later(services)
    due = [d for d in later.retention.preview().due if d.record_id == psw]
    later.retention.place_hold(RecordKind.PSW, psw, "Complaint open")
    result = later.retention.act(due)
    assert result.done == () and "hold" in result.skipped[0][1]
    assert services.psws.get(psw).details.full_name == "Late Hold"  # type: ignore[arg-type]


def test_rules_are_validated_and_a_longer_rule_keeps_the_record(services: Services) -> None:
    psw = new_psw(services, "Longer Rule", status=JourneyStatus.ENQUIRY)
    _leave(services, psw, dt.date(2026, 11, 20))
    later = _later(services)
    for months in (0, 241, -3):
        with pytest.raises(ValidationFailed):
            later.retention.set_rule(Subject.UNSUCCESSFUL_APPLICANT, months, Action.ERASE)
    later.retention.set_rule(Subject.UNSUCCESSFUL_APPLICANT, 240, Action.ERASE)
    decision = next(d for d in later.retention.preview().decisions if d.record_id == psw)
    assert decision.outcome is Outcome.KEEP
    assert decision.due_on == dt.date(2046, 11, 20)


def test_an_erasure_request_erases_whatever_the_rule_says(services: Services) -> None:
    psw = new_psw(services, "Asked To Go", status=JourneyStatus.INDUCTION)
    decision = services.retention.erasure_for_request(RecordKind.PSW, psw, 7)
    assert decision.outcome is Outcome.ERASE and "request 7" in decision.why
    services.retention.act([decision], reason=REQUEST)
    with services.workspace.reading() as s:
        assert s.execute(text("SELECT count(*) FROM psw WHERE id = :i"), {"i": psw}).scalar() == 0
        assert s.execute(text("SELECT reason FROM erasure")).scalar() == REQUEST


def test_the_needs_attention_line_counts_records_past_retention(services: Services) -> None:
    for name in ("One Quiet", "Two Quiet"):
        _leave(services, new_psw(services, name, status=JourneyStatus.ENQUIRY), NOW.date())
    later = _later(services)
    lines = [i for i in later.attention.items() if i.subject_kind == "retention"]
    assert [i.item for i in lines] == ["2 records are past retention: review them"]
    assert later.retention.due_count() == 2
    assert [i for i in services.attention.items() if i.subject_kind == "retention"] == []


PASSPHRASE = "retention lantern 4"
PAST = (dt.date(2025, 4, 1), dt.date(2026, 3, 31))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    paths = VaultPaths(Path(tmp_path_factory.mktemp("retention")))
    create_demo_vault(
        paths,
        passphrase=PASSPHRASE,
        psws=80,
        people=100,
        seed=5,
        kdf=TEST_KDF,
        clock=FixedClock(NOW),
    )
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    yield services
    services.close()


def test_anonymising_keeps_past_trustees_figures_identical(demo: Services) -> None:
    before = demo.trustees_report.report(*PAST).figures
    far = build(demo.workspace, FixedClock(dt.datetime(2045, 1, 1, 9, 0)))
    preview = far.retention.preview()
    chosen = [d for d in preview.due if d.outcome is Outcome.ANONYMISE]
    assert {d.kind for d in chosen} == {RecordKind.PSW, RecordKind.PERSON}
    result = far.retention.act(chosen, Progress())
    assert {(d.kind, d.record_id) for d in result.done} == {(d.kind, d.record_id) for d in chosen}
    assert demo.trustees_report.report(*PAST).figures == before
    with demo.workspace.reading() as s:
        names = s.execute(
            text("SELECT full_name, email, notes FROM psw WHERE anonymised_on IS NOT NULL")
        ).all()
    assert names and all(n.startswith("Anonymised") and not e and not t for n, e, t in names)
    again = far.retention.preview()
    assert not [d for d in again.due if d.outcome is Outcome.ANONYMISE]
