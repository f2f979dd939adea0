"""After a fault or a kill: reopen the vault the real way and say what is whole, what is not."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.storage import backups
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW, ORGANISATION, PASSPHRASE


@dataclass(frozen=True)
class Reopened:
    """What reopening found: ``quick_check``, the audit chain, and each PSW's rows by id."""

    quick_check_ok: bool
    chain_ok: bool
    psws: dict[int, tuple[str, int, int]]
    """id -> (full name, status-change rows, audit "create" rows)."""
    sessions: dict[int, int]
    """supervision session id -> attendee rows."""

    def whole(self, psw_id: int) -> bool:
        """The PSW and the rows its creation wrote (status change, audit entry) all there."""
        found = self.psws.get(psw_id)
        return found is not None and found[1] >= 1 and found[2] >= 1

    def named(self, name: str) -> list[int]:
        return [i for i, row in self.psws.items() if row[0] == name]


def make_vault(folder: Path) -> VaultPaths:
    """A new vault (cheap test KDF) in ``folder``, checkpointed and closed."""
    paths = VaultPaths(folder)
    made = vault_service.create(
        paths, organisation=ORGANISATION, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    checkpoint_and_close(made.workspace)
    return paths


def checkpoint_and_close(workspace: vault_service.Workspace) -> None:
    with workspace.reading() as s:  # fold the WAL in so copying the main file is enough
        s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    workspace.close()


def copy_folder(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


def reopen(folder: Path, passphrase: str = PASSPHRASE) -> Reopened:
    """Unlock (the real open path, migrations included), check, read back, close."""
    services = build(vault_service.unlock(VaultPaths(folder), passphrase), FixedClock(NOW))
    try:
        quick = backups.quick_check(backups.engine_of(services.workspace))
        chain = services.audit.verify().ok
        with services.workspace.reading() as s:
            c = s.connection()
            rows = c.exec_driver_sql(
                "SELECT p.id, p.full_name, "
                "(SELECT count(*) FROM psw_status_change c WHERE c.psw_id = p.id), "
                "(SELECT count(*) FROM audit_log a WHERE a.record_kind = 'psw' "
                "AND a.action = 'create' AND a.record_id = p.id) FROM psw p"
            ).fetchall()
            attendees = c.exec_driver_sql(
                "SELECT s.id, (SELECT count(*) FROM supervision_attendee a "
                "WHERE a.session_id = s.id) FROM supervision_session s"
            ).fetchall()
    finally:
        services.close()
    return Reopened(
        quick,
        chain,
        {int(r[0]): (str(r[1]), int(r[2]), int(r[3])) for r in rows},
        {int(r[0]): int(r[1]) for r in attendees},
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path -> sha256 (to prove backups untouched)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
