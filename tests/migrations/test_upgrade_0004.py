"""A 0003 vault with ticked consent boxes upgrades to entries "recorded before the ledger"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Connection, text

from peerdesk.domain.consent import ConsentHow, EntryKind, lived_experience_purpose
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import consent_store, migrate, psw_queries
from peerdesk.storage.engine import make_sessions
from peerdesk.storage.psw_mapping import read_psw
from tests.migrations.old_vault import insert_psw, vault_at

CREATED = dt.datetime(2025, 3, 14, 16, 30)
ENQ = JourneyStatus.ENQUIRY


def _item(conn: Connection, name: str) -> TaxonomyItemId:
    return TaxonomyItemId(
        conn.execute(
            text(
                "INSERT INTO list_item (kind, name, family, retired, position) "
                "VALUES ('lived_experience', :n, '', 0, 0) RETURNING id"
            ),
            {"n": name},
        ).scalar_one()
    )


def _lived(conn: Connection, psw: int, item: int, matching: bool, sharing: bool) -> None:
    conn.execute(
        text(
            "INSERT INTO psw_lived_experience (psw_id, item_id, note, use_for_matching, "
            "share_with_supported) VALUES (:p, :i, '', :m, :s)"
        ),
        {"p": psw, "i": item, "m": matching, "s": sharing},
    )


def test_ticked_consents_become_entries_recorded_before_the_ledger(tmp_path: Path) -> None:
    paths, engine = vault_at(tmp_path, "0003")
    with engine.begin() as conn:
        psychosis, caring, faith = (_item(conn, n) for n in ("Psychosis", "Caring", "Faith"))
        zoe = PswId(insert_psw(conn, "Zoë Nguyễn", [(None, ENQ, CREATED.date(), "")], now=CREATED))
        sam = PswId(insert_psw(conn, "Sam", [(None, ENQ, CREATED.date(), "")], now=CREATED))
        _lived(conn, zoe, psychosis, True, True)
        _lived(conn, zoe, caring, True, False)
        _lived(conn, zoe, faith, False, False)
        _lived(conn, sam, faith, False, True)

    migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "backups")

    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    sessions = make_sessions(engine)
    with sessions() as s:
        zoe_ledger = consent_store.entries_for(s, zoe)
        sam_ledger = consent_store.entries_for(s, sam)
        matching = consent_store.matching_consents(s, [zoe, sam])
        consents = consent_store.consents_for(s, [zoe, sam])
        zoe_record = read_psw(psw_queries.load(s, zoe))
    assert {e.purpose for e in zoe_ledger} == {
        lived_experience_purpose(psychosis, "matching"),
        lived_experience_purpose(psychosis, "sharing"),
        lived_experience_purpose(caring, "matching"),
    }
    assert [e.purpose for e in sam_ledger] == [lived_experience_purpose(faith, "sharing")]
    for e in [*zoe_ledger, *sam_ledger]:
        assert e.kind is EntryKind.GIVEN and e.before_ledger
        assert e.how is ConsentHow.BEFORE_LEDGER and e.given_on == CREATED.date()
        assert e.told == "" and e.recorded_by == "Coordinator"
    assert matching == {(zoe, psychosis), (zoe, caring)}
    assert consents[sam] == {lived_experience_purpose(faith, "sharing"): True}
    # The boxes (now a cache of the ledger) read as before.
    assert {
        (le.item_id, le.use_for_matching, le.share_with_supported)
        for le in zoe_record.details.lived_experience
    } == {(psychosis, True, True), (caring, True, False), (faith, False, False)}
    engine.dispose()
