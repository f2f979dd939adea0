"""A 0002 vault with status history upgrades to 0003: history kept, "Coordinator" recorded it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, RouteOffered
from peerdesk.storage import migrate, pipeline_store, psw_queries, psw_store
from peerdesk.storage.engine import make_sessions
from peerdesk.storage.psw_mapping import read_psw
from tests.migrations.old_vault import insert_psw, vault_at

NOW = dt.datetime(2026, 11, 23, 14, 5)
D = dt.date
ENQ, APP, INT = JourneyStatus.ENQUIRY, JourneyStatus.APPLICATION, JourneyStatus.INTERVIEW


def test_status_history_upgrades_with_coordinator_as_recorder(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0002")
    with engine.begin() as conn:
        psw = PswId(
            insert_psw(
                conn,
                "Zoë Nguyễn",
                [
                    (None, ENQ, D(2026, 9, 1), ""),
                    (ENQ, APP, D(2026, 9, 10), ""),
                    (APP, INT, D(2026, 10, 1), ""),
                ],
                now=NOW,
            )
        )
    assert migrate.current_revision(engine) == "0002"

    backup = migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert backup is not None and backup.exists()
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    sessions = make_sessions(engine)
    with sessions() as s:
        stored = read_psw(psw_queries.load(s, psw))
    assert [(h.from_status, h.to_status, h.on) for h in stored.history] == [
        (None, ENQ, D(2026, 9, 1)),
        (ENQ, APP, D(2026, 9, 10)),
        (APP, INT, D(2026, 10, 1)),
    ]
    assert {h.recorded_by for h in stored.history} == {"Coordinator"}
    assert stored.status is INT

    # The new tables work on the upgraded vault, and an upgraded row can be moved on.
    with sessions.begin() as s:
        moved = psw_store.set_status(
            s,
            psw,
            JourneyStatus.LEFT,
            on=D(2026, 11, 1),
            reason="Moved",
            version=stored.version,
            now=NOW,
            recorded_by="Dana",
        )
        outcome = LeavingOutcome("Moved away", (RouteOffered("Recovery college", D(2026, 11, 1)),))
        pipeline_store.record_leaving(s, psw, psw_store.latest_change_id(s, psw), outcome)
    with sessions() as s:
        assert [r.outcome for r in pipeline_store.leaving_for(s, psw)] == [outcome]
    assert moved.history[-1].recorded_by == "Dana"
    engine.dispose()
