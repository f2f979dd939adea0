"""Vaults at an older revision, filled with plain SQL (today's models have newer columns)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

from peerdesk.domain.journey import JourneyStatus
from peerdesk.storage import migrate
from peerdesk.storage.engine import open_engine
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF


def vault_at(tmp_path: Path, revision: str) -> tuple[VaultPaths, Engine]:
    paths = VaultPaths(tmp_path / "v")
    paths.folder.mkdir()
    made = keyslots.create(paths, "a long enough passphrase", kdf=TEST_KDF)
    engine = open_engine(paths.db, made.data_key)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return paths, engine


def insert_psw(
    conn: Connection,
    name: str,
    history: list[tuple[JourneyStatus | None, JourneyStatus, dt.date, str]],
    *,
    now: dt.datetime,
) -> int:
    """A PSW as the foundation schema stored one, with its status history (oldest first)."""
    last = history[-1]
    psw_id = conn.execute(
        text(
            "INSERT INTO psw (full_name, known_as, name_key, search_key, pronouns, role, email, "
            "phone, address, postcode, emergency_name, emergency_relationship, emergency_phone, "
            "capacity, notes, status, status_since, archived, created_at, updated_at, version) "
            "VALUES (:n, '', :k, :k, '', 'volunteer', '', '', '', '', '', '', '', 1, '', :s, "
            ":since, 0, :now, :now, 1) RETURNING id"
        ),
        {"n": name, "k": name.lower(), "s": last[1].value, "since": last[2], "now": now},
    ).scalar_one()
    for old, new, on, reason in history:
        conn.execute(
            text(
                "INSERT INTO psw_status_change (psw_id, from_status, to_status, changed_on, "
                "reason, recorded_at) VALUES (:p, :f, :t, :on, :r, :now)"
            ),
            {
                "p": psw_id,
                "f": None if old is None else old.value,
                "t": new.value,
                "on": on,
                "r": reason,
                "now": now,
            },
        )
    return int(psw_id)
