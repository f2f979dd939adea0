"""A 0005 vault upgrades to 0006: PSWs and people kept as they were, matches can be made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import MatchStage, MatchStep
from peerdesk.storage import match_store, migrate, person_queries
from peerdesk.storage.engine import make_sessions
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)


def test_a_0005_vault_upgrades_and_takes_matches(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0005")
    with engine.begin() as conn:
        psw = PswId(
            insert_psw(
                conn, "Zoë Nguyễn", [(None, JourneyStatus.ENQUIRY, CREATED.date(), "")], now=CREATED
            )
        )
        person = PersonId(
            conn.execute(
                text(
                    "INSERT INTO person (full_name, known_as, name_key, search_key, pronouns, "
                    "email, phone, address, postcode, referral_source, referred_on, wants, "
                    "risk_notes, team, team_key, status, status_since, created_at, updated_at, "
                    "version) VALUES ('محمد', '', 'محمد', 'محمد', '', '', '', '', '', '', "
                    ":on, '', '', '', '', 'waiting', :on, :now, :now, 1) RETURNING id"
                ),
                {"on": CREATED.date(), "now": CREATED},
            ).scalar_one()
        )

    backup = migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert backup is not None and backup.exists()
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert {"match", "match_step", "contact"} <= set(inspect(engine).get_table_names())
    sessions = make_sessions(engine)
    on = dt.date(2026, 1, 2)
    with sessions.begin() as s:
        assert person_queries.load(s, person).full_name == "محمد"
        match = match_store.insert(
            s,
            person,
            psw,
            rationale="",
            proposed=MatchStep(MatchStage.PROPOSED, on, "Ann"),
            now=CREATED,
        )
        match = match_store.append_step(s, match.id, MatchStep(MatchStage.INTRODUCED, on, "Ann"))
        match_store.add_contact(s, match, ContactDetails(on, 30, ContactMode.PHONE))
    with sessions() as s:
        assert match_store.places_used(s, [psw]) == {psw: 1}
        assert [c.details.minutes for c in match_store.contacts(s, match.id)] == [30]
    engine.dispose()
