"""A 0007 vault upgrades to 0008: PSWs kept, supervision, concerns and plan versions usable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import migrate
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)
NEW_TABLES = {
    "supervision_session",
    "supervision_attendee",
    "supervision_topic",
    "supervision_action",
    "supervision_learning_need",
    "supervision_addendum",
    "safeguarding_concern",
    "safeguarding_step",
    "plan_version",
}


def test_a_0007_vault_upgrades_and_keeps_its_peer_workers(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0007")
    with engine.begin() as conn:
        psw = insert_psw(
            conn, "Łukasz", [(None, JourneyStatus.ACTIVE, CREATED.date(), "")], now=CREATED
        )

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert set(inspect(engine).get_table_names()) >= NEW_TABLES
    with engine.begin() as conn:
        assert conn.execute(text("SELECT full_name FROM psw")).scalar_one() == "Łukasz"
        conn.execute(
            text(
                "INSERT INTO plan_version (psw_id, kind, number, sections, confidentiality, "
                "recorded_at, recorded_by) VALUES (:psw, 'wellbeing', 1, '[]', 'confidential', "
                ":now, 'Ann')"
            ),
            {"psw": psw, "now": CREATED},
        )
        assert conn.execute(text("SELECT count(*) FROM plan_version")).scalar_one() == 1
    engine.dispose()
