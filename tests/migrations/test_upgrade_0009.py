"""A 0008 vault upgrades to 0009: reviews, goals and a full-text index like search_index's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import StaticPool

from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import migrate, search_index
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)


def _schema(engine_or_conn: object) -> list[str]:
    sql = (
        "SELECT sql FROM sqlite_master WHERE name IN ('search_entry', 'search_text') ORDER BY name"
    )
    with engine_or_conn.connect() as conn:  # type: ignore[attr-defined]
        return [" ".join(str(r[0]).split()) for r in conn.execute(text(sql))]


def test_a_0008_vault_upgrades_with_the_search_index(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0008")
    with engine.begin() as conn:
        insert_psw(conn, "Zoë", [(None, JourneyStatus.ACTIVE, CREATED.date(), "")], now=CREATED)

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    tables = set(inspect(engine).get_table_names())
    assert {"annual_review", "framework_item", "goal", "goal_progress", "search_entry"} <= tables
    # the migration's index is the one storage/search_index.py would make
    plain = create_engine("sqlite://", module=sqlcipher3, poolclass=StaticPool)
    with plain.begin() as conn:
        search_index.create_index(conn)
    assert _schema(engine) == _schema(plain)
    with engine.connect() as conn:
        secure = conn.execute(
            text("SELECT v FROM search_text_config WHERE k = 'secure-delete'")
        ).scalar_one()
    assert secure == 1
    engine.dispose()
