"""A 0004 vault upgrades to 0005: PSWs kept as they were, supported people can be referred."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.person import PersonDetails, PersonQuery, PersonSort, PersonStatus
from peerdesk.storage import migrate, person_queries, person_store, psw_queries
from peerdesk.storage.engine import make_sessions
from peerdesk.storage.psw_mapping import read_psw
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)


def test_a_0004_vault_upgrades_and_takes_referrals(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0004")
    with engine.begin() as conn:
        psw = PswId(
            insert_psw(
                conn, "Zoë Nguyễn", [(None, JourneyStatus.ENQUIRY, CREATED.date(), "")], now=CREATED
            )
        )

    backup = migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert backup is not None and backup.exists()
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {"person", "person_status_change", "person_language", "person_identity"} <= tables
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        assert read_psw(psw_queries.load(s, psw)).details.full_name == "Zoë Nguyễn"
        person = person_store.insert(
            s,
            PersonDetails("محمد", referred_on=dt.date(2026, 1, 2)),
            status=PersonStatus.WAITING,
            now=CREATED,
        )
    with sessions() as s:
        query = PersonQuery(text="محمد", sort=PersonSort.WAIT)
        assert person_queries.list_ids(s, query, today=dt.date(2026, 2, 2)) == [person.id]
    engine.dispose()
