"""Damaging a copy of a vault for the integrity tests: garbage written into one data page."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.psw import PswDetails
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage import backups
from peerdesk.storage.backup_manifest import ON_DEMAND
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import NOW, PASSPHRASE

PAGE = 4096
BACKUP_AT = dt.datetime(2025, 3, 14, 17, 30)


def fill(paths: VaultPaths, *, backup: bool) -> None:
    """Enough peer workers to spread their rows over many pages; optionally a verified backup
    made at ``BACKUP_AT`` in the automatic backups' folder."""
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    try:
        for n in range(120):
            services.psws.create(PswDetails(full_name=f"Peer Worker {n:03d}", notes="x" * 300))
        if backup:
            engine = backups.engine_of(services.workspace)
            backups.make_backup(
                engine, paths, paths.folder / "backups", now=BACKUP_AT, reason=ON_DEMAND
            )
        with services.workspace.reading() as s:
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        services.close()


def damage_a_data_page(paths: VaultPaths) -> Services:
    """Write garbage over one page near the end of the file such that the vault still unlocks
    (its schema pages are whole) but reading every table meets the damage; returns services on
    the damaged vault, freshly unlocked."""
    original = paths.db.read_bytes()
    for page in range(len(original) // PAGE - 2, 1, -1):
        damaged = bytearray(original)
        damaged[page * PAGE + 100 : page * PAGE + 900] = b"\xa5" * 800
        paths.db.write_bytes(bytes(damaged))
        try:
            probe = vault_service.unlock(paths, PASSPHRASE)
        except VaultDamaged:
            continue
        try:
            read_everything(probe)
        except VaultDamaged:
            return build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
        finally:
            probe.close()
    raise AssertionError("no page could be damaged with the vault still opening")


def read_everything(workspace: Workspace) -> None:
    """Every row of every table, read as a screen would (through ``workspace.reading``)."""
    with workspace.reading() as s:
        connection = s.connection()
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
        ).scalars()
        for table in list(tables):
            connection.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
