"""Checking the vault is whole (quick at start, full weekly and on demand) and setting it aside."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.integrity import Finding, damage_message, one_line
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.audit_service import AuditService
from peerdesk.services.clock import Clock
from peerdesk.storage import backups, integrity, quarantine, settings_store
from peerdesk.storage.workspace import Workspace

LAST_FULL_CHECK = "integrity_last_full_check"
"""Settings key: when the last full check ran (ISO date and time), whatever it found."""
FULL_CHECK_EVERY = dt.timedelta(days=7)
BACKUPS_FOLDER = "backups"
"""The automatic backups' folder inside the data folder (as ``vault_service`` makes them)."""


@dataclass(frozen=True)
class SetAside:
    """A damaged vault moved to ``folder``; ``message`` is what the coordinator is told."""

    folder: Path
    message: str
    newest_backup: backups.BackupInfo | None


class IntegrityService:
    """Checks run on whichever thread calls them (each opens its own session)."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def quick_check(self) -> Finding:
        """``quick_check``; damage found stops all writing at once (``report_damage``)."""
        return self._storage(integrity.quick_check)

    def full_check(self) -> Finding:
        """``integrity_check``, ``cipher_integrity_check``, foreign keys, then the audit chain.

        The time is remembered so the weekly check knows when it is next due. Damage to the
        database stops all writing; a broken audit chain is reported but the vault is still whole.
        """
        self._viewer.require(Action.AUDIT)
        finding = self._storage(integrity.full_check)
        if not finding.ok:
            return finding
        chain = AuditService(self._ws, self._clock).verify()
        with self._ws.transaction() as s:
            settings_store.write(s, LAST_FULL_CHECK, self._clock.now().isoformat())
        if not chain.ok:
            return Finding.damaged(f"Audit log: {chain.words()}")
        return finding

    def last_full_check(self) -> dt.datetime | None:
        with self._ws.reading() as s:
            stored = settings_store.read_all(s).get(LAST_FULL_CHECK)
        try:
            return None if stored is None else dt.datetime.fromisoformat(stored)
        except ValueError:
            return None

    def full_check_due(self) -> bool:
        """A week since the last full check, or never checked (a clock set back counts as due);
        never for a role that may not run one (the quick check at unlock still runs)."""
        if not self._viewer.can(Action.AUDIT):
            return False
        last = self.last_full_check()
        now = self._clock.now()
        return last is None or last > now or now - last >= FULL_CHECK_EVERY

    def backups_folder(self) -> Path:
        return self._ws.paths.folder / BACKUPS_FOLDER

    def newest_backup(self) -> backups.BackupInfo | None:
        """The newest verified backup of this vault in the automatic backups' folder."""
        try:
            vault_id = backups.vault_id_of(self._ws.paths.header)
        except VaultDamaged:
            return None
        return backups.newest_verified(self.backups_folder(), vault_id)

    def set_aside(self) -> SetAside:
        """Stop writing, move the damaged vault's files, unchanged, to ``quarantine/``, then close
        the engine (wiping its key)."""
        self._ws.report_damage()  # no-op when already reported
        try:
            # Moved while still open: SQLite then leaves a moved file and its WAL as they are
            # when the connections close, where it would otherwise copy the WAL into it.
            folder = quarantine.set_aside(self._ws.paths, self._clock.now())
        finally:
            self._ws.close()
        newest = self.newest_backup()
        message = damage_message(None if newest is None else newest.made_at)
        return SetAside(folder, message, newest)

    def _storage(self, check: integrity.Check) -> Finding:
        try:
            with self._ws.reading() as s:
                finding = check(s)
        except VaultDamaged as error:  # the workspace has already stopped writing
            return Finding.damaged(f"Damaged: {one_line(str(error))}")
        if not finding.ok:
            self._ws.report_damage()
        return finding
