"""A 0006 vault upgrades to 0007: people kept, the new tables usable, the access log append-only."""

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
NEW_TABLES = {
    "team",
    "team_member",
    "conflict",
    "access_log",
    "outcome_measure",
    "outcome_item",
    "outcome_score",
    "outcome_answer",
    "plan_rejection",
    "person_share_consent",
}


def test_a_0006_vault_upgrades_and_the_access_log_refuses_edits(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0006")
    with engine.begin() as conn:
        insert_psw(conn, "Łukasz", [(None, JourneyStatus.ENQUIRY, CREATED.date(), "")], now=CREATED)
        conn.execute(
            text(
                "INSERT INTO person (full_name, known_as, name_key, search_key, pronouns, "
                "email, phone, address, postcode, referral_source, referred_on, wants, "
                "risk_notes, team, team_key, status, status_since, created_at, updated_at, "
                "version) VALUES ('Zoë', '', 'zoe', 'zoe', '', '', '', '', '', '', "
                ":on, '', '', '', '', 'waiting', :on, :now, :now, 1)"
            ),
            {"on": CREATED.date(), "now": CREATED},
        )

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    with engine.begin() as conn:
        row = conn.execute(text("SELECT full_name, linked_psw_id FROM person")).one()
        assert tuple(row) == ("Zoë", None)
        conn.execute(
            text(
                "INSERT INTO access_log (at, viewer, action, record_kind) "
                "VALUES (:at, 'Coordinator', 'show protected', '')"
            ),
            {"at": CREATED},
        )
    for sql in ("UPDATE access_log SET viewer = 'x'", "DELETE FROM access_log"):
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM access_log")).scalar_one() == 1
    engine.dispose()
