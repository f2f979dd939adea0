"""A foundation (0001) vault with PSWs upgrades through 0002 with policies seeded and data kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from peerdesk.domain.ids import PswId
from peerdesk.domain.induction import DEFAULT_TEMPLATE
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.requirement_policy import DEFAULT_POLICIES
from peerdesk.domain.requirements import evaluate
from peerdesk.domain.training import DEFAULT_TOPICS
from peerdesk.storage import consent_store, evidence_queries, migrate
from peerdesk.storage.engine import make_sessions
from tests.migrations.old_vault import insert_psw, vault_at

NOW = dt.datetime(2026, 11, 23, 14, 5)


def test_foundation_vault_upgrades_with_policies_seeded(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0001")
    sessions = make_sessions(engine)
    with engine.begin() as conn:
        ids = [
            PswId(insert_psw(conn, name, [(None, status, NOW.date(), "")], now=NOW))
            for name, status in (
                ("Zoë Nguyễn", JourneyStatus.ACTIVE),
                ("Amir", JourneyStatus.CHECKS),
            )
        ]
    assert migrate.current_revision(engine) == "0001"

    backup = migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert backup is not None and backup.exists()
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
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


def test_foundation_consent_flags_become_ledger_entries_at_head(tmp_path: Path) -> None:
    """The issue's "migration from the foundation schema with consents set"."""
    paths, engine = vault_at(tmp_path, "0001")
    with engine.begin() as conn:
        psw = insert_psw(
            conn, "Siobhán Kelly", [(None, JourneyStatus.ACTIVE, NOW.date(), "")], now=NOW
        )
        first, second = (
            conn.execute(
                text(
                    "INSERT INTO list_item (kind, name, family, retired, position) "
                    "VALUES ('lived_experience', :n, 'Mental health', 0, :pos) RETURNING id"
                ),
                {"n": name, "pos": pos},
            ).scalar_one()
            for pos, name in enumerate(("Anxiety", "Psychosis"))
        )
        conn.execute(
            text(
                "INSERT INTO psw_lived_experience (psw_id, item_id, note, use_for_matching, "
                "share_with_supported) VALUES (:p, :a, '', 1, 0), (:p, :b, '', 0, 1)"
            ),
            {"p": psw, "a": first, "b": second},
        )
    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")
    with make_sessions(engine)() as s:
        rows = s.execute(
            text(
                "SELECT purpose, kind, how, before_ledger, given_on FROM consent_entry "
                "WHERE psw_id = :p ORDER BY purpose"
            ),
            {"p": psw},
        ).all()
        assert [tuple(r) for r in rows] == [
            (f"lived_experience:{first}:matching", "given", "recorded before the ledger", 1,
             NOW.date().isoformat()),
            (f"lived_experience:{second}:sharing", "given", "recorded before the ledger", 1,
             NOW.date().isoformat()),
        ]  # fmt: skip
        assert consent_store.matching_consents(s, [PswId(psw)]) == {(psw, first)}
    engine.dispose()
