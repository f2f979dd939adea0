"""A 0009 vault upgrades to 0010: stored supervision due dates, rights requests, bank holidays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import migrate
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)


def test_a_0009_vault_upgrades_keeping_its_psws(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0009")
    with engine.begin() as conn:
        insert_psw(conn, "Zoë", [(None, JourneyStatus.ACTIVE, CREATED.date(), "")], now=CREATED)

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert {"supervision_due", "rights_request", "bank_holiday"} <= set(
        inspect(engine).get_table_names()
    )
    with engine.connect() as conn:
        names = conn.execute(text("SELECT full_name FROM psw")).scalars().all()
        due = conn.execute(text("SELECT count(*) FROM supervision_due")).scalar_one()
        seeded = dict(
            conn.execute(text("SELECT nation, count(*) FROM bank_holiday GROUP BY nation")).all()
        )
        boyne = (
            conn.execute(
                text(
                    "SELECT day FROM bank_holiday WHERE nation = 'northern-ireland' "
                    "AND name LIKE '%Boyne%'"
                )
            )
            .scalars()
            .all()
        )
    assert names == ["Zoë"]
    assert due == 0  # filled on first use, from the journeys and sessions
    assert seeded == {"england-wales": 16, "scotland": 18, "northern-ireland": 20}
    assert boyne == ["2026-07-13", "2027-07-12"]
    engine.dispose()
