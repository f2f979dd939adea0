"""The audit log: rows in the action's transaction, the chain, tampering caught, no names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from peerdesk.domain.audit_chain import GENESIS, AuditEntry
from peerdesk.domain.psw import PswDetails
from peerdesk.services.audit_service import export_reference
from peerdesk.services.bundle import Services
from peerdesk.storage import audit_log
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import NOW
from tests.unit.services.checks_helpers import new_psw
from tests.unit.test_cli_export import run


def _all(services: Services) -> list[AuditEntry]:
    with services.workspace.reading() as s:
        return [row for chunk in audit_log.walk(s, 1000) for row in chunk]


def _tamper(services: Services, sql: str) -> None:
    with services.workspace.transaction() as s:
        c = s.connection()
        c.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        c.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        c.exec_driver_sql(sql)


def test_a_create_and_an_edit_are_recorded_with_field_names(services: Services) -> None:
    psw_id = new_psw(services, "Alexandra Quinn")
    psw = services.psws.get(psw_id)
    changed = dataclasses.replace(psw.details, known_as="Lexi")
    services.psws.update(psw_id, changed, version=psw.version)
    rows = [r for r in _all(services) if r.record_kind == "psw" and r.record_id == psw_id]
    assert [r.action for r in rows] == ["create", "view", "change"]
    assert "known_as" in rows[-1].fields.split(",")
    assert all(r.at == NOW and r.user == "Coordinator" for r in rows)


def test_a_rolled_back_action_leaves_no_audit_row(services: Services) -> None:
    before = services.audit.head()
    with pytest.raises(RuntimeError), services.workspace.transaction() as s:
        audit_log.record(s, "export", "psw", 1)
        raise RuntimeError("the action failed")
    assert services.audit.head() == before


def test_the_chain_verifies_from_the_genesis_hash(services: Services) -> None:
    new_psw(services, "Alexandra Quinn")
    new_psw(services, "Ben Okafor")
    rows = _all(services)
    assert rows[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    result = services.audit.verify()
    assert result.ok and result.checked == len(rows)
    assert "whole" in result.words()


def test_update_and_delete_are_refused(services: Services) -> None:
    new_psw(services)
    for sql in ("UPDATE audit_log SET user = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), services.workspace.transaction() as s:
            s.connection().exec_driver_sql(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET fields = 'full_name' WHERE id = {id}",
        "DELETE FROM audit_log WHERE id = {id} - 1",
        "UPDATE audit_log SET at = '2020-01-01 00:00:00.000000' WHERE id = {id}",
    ],
)
def test_a_tampered_row_is_caught_at_its_entry_and_on_needs_attention(
    services: Services, sql: str
) -> None:
    for name in ("Alexandra Quinn", "Ben Okafor", "Cara Doyle"):
        new_psw(services, name)
    rows = _all(services)
    target = rows[len(rows) // 2].id
    _tamper(services, sql.format(id=target))
    result = services.audit.verify()
    assert not result.ok and result.first_broken_id == target
    assert f"broken at entry {target}" in result.words()
    lines = [i for i in services.attention.items() if i.subject_kind == "audit"]
    assert [line.item for line in lines] == [
        f"The audit log's chain is broken at entry {target}: it may have been tampered with"
    ]


def test_a_forged_row_at_the_end_is_caught(services: Services) -> None:
    new_psw(services)
    assert not [i for i in services.attention.items() if i.subject_kind == "audit"]
    head = services.audit.head()
    assert head is not None
    with services.workspace.transaction() as s:
        s.execute(
            text(
                "INSERT INTO audit_log (id, at, user, action, record_kind, record_id, fields,"
                " prev_hash, hash) VALUES (:id, :at, 'x', 'view', 'psw', 1, '', :prev, :hash)"
            ),
            {"id": head[0] + 1, "at": NOW, "prev": head[1], "hash": "f" * 64},
        )
    assert services.audit.verify().first_broken_id == head[0] + 1
    lines = [i for i in services.attention.items() if i.subject_kind == "audit"]
    assert [line.subject_id for line in lines] == [head[0] + 1]


def test_opening_a_record_writes_one_view_row_not_one_per_re_read(services: Services) -> None:
    first, second = new_psw(services, "Alexandra Quinn"), new_psw(services, "Ben Okafor")
    generation = services.workspace.generation
    for psw_id in (first, first, first, second, first):
        services.psws.get(psw_id)
    views = [(r.record_kind, r.record_id) for r in _all(services) if r.action == "view"]
    assert views == [("psw", first), ("psw", second), ("psw", first)]
    assert services.workspace.generation == generation  # caches stay valid


def test_a_search_is_recorded_without_its_words(services: Services) -> None:
    services.search.search("flamingo")
    rows = [r for r in _all(services) if r.action == "search"]
    assert len(rows) == 1
    assert "flamingo" not in repr(rows[0])


def test_export_reference_takes_only_references() -> None:
    assert export_reference("psw-0042-record.pdf") == ("psw", 42)
    assert export_reference("match-0007-summary-person.pdf") == ("match", 7)
    assert export_reference("sar-0003-bundle.zip") == ("sar", 3)
    assert export_reference("psws-2026-11-23.xlsx") == ("psws", None)
    assert export_reference("Alexandra Quinn.pdf") == ("file", None)
    assert export_reference("alexandra-1.pdf") == ("file", None)


def test_entries_page_newest_first_with_filters(services: Services) -> None:
    new_psw(services)
    services.audit.exported("psw-0001-record.pdf")
    page = services.audit.entries()
    assert page.entries[0].action == "export"
    assert page.entries[0].record_kind == "psw" and page.entries[0].record_id == 1
    only = services.audit.entries(action="export")
    assert [e.action for e in only.entries] == ["export"] and only.total == 1
    assert services.audit.entries(since=dt.date(2030, 1, 1)).total == 0
    assert "export" in services.audit.actions()


def test_export_csv_lists_every_entry(services: Services) -> None:
    new_psw(services)
    made = services.audit.export_csv()
    text_out = made.data.decode("utf-8-sig")
    assert text_out.splitlines()[0].startswith("Entry,Time,User,Action")
    assert len(text_out.splitlines()) == len(_all(services)) + 1
    assert made.name == "audit-log-2026-11-23.csv"


_NAMES = st.text(
    alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x24F, categories=("Lu", "Ll")),
    min_size=1,
    max_size=20,
).map(lambda typed: f"Qzx{typed}")
"""Each starts "Qzx" so it can be told apart from any field or table name."""


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(full=_NAMES, known=_NAMES, notes=_NAMES)
def test_typed_names_and_text_never_reach_the_audit_log(
    services: Services, full: str, known: str, notes: str
) -> None:
    psw, _ = services.psws.create(PswDetails(full_name=full, known_as=known))
    services.psws.update(
        psw.id,
        dataclasses.replace(psw.details, known_as=f"{known}x", notes=notes),
        version=psw.version,
    )
    services.search.search(full)
    typed = (full, known, notes)
    for row in _all(services):
        stored = (row.user, row.action, row.record_kind, row.fields)
        for value in typed:
            assert all(value.casefold() not in part.casefold() for part in stored)


def test_peerdesk_export_audit_writes_the_log_as_csv(
    services: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_psw(services)
    expected = len(_all(services))
    services.close()
    target = tmp_path / "audit.csv"
    code, err = run(monkeypatch, capsys, vault_paths, "audit", "--out", str(target))
    assert code == 0 and f"Saved {target}." in err
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Entry,Time,User,Action")
    assert len(lines) >= expected + 1  # the CLI's own unlock is recorded too
