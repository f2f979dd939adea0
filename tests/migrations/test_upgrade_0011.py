"""A 0010 vault upgrades to 0011: an append-only audit log, retention rules, users, drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import migrate
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)
NEW = {
    "audit_log",
    "erasure",
    "form_draft",
    "protected_access",
    "retention_hold",
    "retention_rule",
    "user_account",
    "user_supervisee",
}


def test_a_0010_vault_upgrades_keeping_its_psws(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0010")
    with engine.begin() as conn:
        insert_psw(conn, "Zoë", [(None, JourneyStatus.ACTIVE, CREATED.date(), "")], now=CREATED)

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert set(inspect(engine).get_table_names()) >= NEW
    with engine.connect() as conn:
        psw = conn.execute(text("SELECT full_name, anonymised_on FROM psw")).one()
        rules = dict(
            conn.execute(text("SELECT subject, months || ' ' || action FROM retention_rule")).all()
        )
    assert tuple(psw) == ("Zoë", None)
    assert rules == {
        "enquiry": "6 erase",
        "unsuccessful_applicant": "6 erase",
        "psw_left": "24 anonymise",
        "psw_left_after_incident": "84 anonymise",
        "supported_person": "24 anonymise",
    }
    engine.dispose()


def test_the_audit_log_refuses_update_and_delete(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0010")
    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, user, action, record_kind, record_id, fields, "
                "prev_hash, hash) VALUES (:at, 'Coordinator', 'unlock', '', NULL, '', '', 'h1')"
            ),
            {"at": CREATED},
        )
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    engine.dispose()
