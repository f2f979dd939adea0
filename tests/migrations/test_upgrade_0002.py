"""A foundation (0001) vault with PSWs upgrades to 0002 with policies seeded and data kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from peerdesk.domain.induction import DEFAULT_TEMPLATE
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.requirement_policy import DEFAULT_POLICIES
from peerdesk.domain.requirements import evaluate
from peerdesk.domain.training import DEFAULT_TOPICS
from peerdesk.storage import evidence_queries, migrate, psw_store
from peerdesk.storage.engine import make_sessions, open_engine
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

NOW = dt.datetime(2026, 11, 23, 14, 5)


def test_foundation_vault_upgrades_with_policies_seeded(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "v")
    paths.folder.mkdir()
    made = keyslots.create(paths, "a long enough passphrase", kdf=TEST_KDF)
    engine = open_engine(paths.db, made.data_key)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        ids = [
            psw_store.insert(
                s, PswDetails(full_name=name), status=status, since=NOW.date(), now=NOW
            ).id
            for name, status in (
                ("Zoë Nguyễn", JourneyStatus.ACTIVE),
                ("Amir", JourneyStatus.CHECKS),
            )
        ]
    assert migrate.current_revision(engine) == "0001"

    backup = migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert backup is not None and backup.exists()
    assert migrate.current_revision(engine) == "0002"
    with sessions() as s:
        assert evidence_queries.policies(s) == list(DEFAULT_POLICIES)
        names = s.execute(text("SELECT full_name, status FROM psw ORDER BY id")).all()
        assert [tuple(r) for r in names] == [("Zoë Nguyễn", "active"), ("Amir", "checks")]
        topics = s.execute(text("SELECT name FROM training_topic ORDER BY position")).scalars()
        assert list(topics) == list(DEFAULT_TOPICS)
        template = s.execute(
            text("SELECT name FROM induction_template_item ORDER BY position")
        ).scalars()
        assert list(template) == list(DEFAULT_TEMPLATE)
        for psw in ids:
            results = evaluate(DEFAULT_POLICIES, evidence_queries.evidence_for(s, psw), NOW.date())
            assert evidence_queries.stored_due(s, psw) == {r.policy_id: r.due_on for r in results}
            status = s.execute(
                text("SELECT DISTINCT status FROM requirement_due WHERE psw_id = :p"), {"p": psw}
            ).scalars()
            assert list(status) == ["missing"]
    engine.dispose()
