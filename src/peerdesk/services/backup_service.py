"""Backups of the open vault: automatic (on close, daily, before restores) and on demand, thinned.

Automatic backups go to the data folder's ``backups`` folder (inside the platform's user data
folder unless ``--data-dir`` chose another). An on-demand backup may go to any folder outside the
vault's own; one on another drive (a different filesystem device, ``st_dev``, than the vault's:
a USB stick, a network share or a second disk) is recorded as the last backup that left the
laptop, which Needs attention watches (``backup_attention``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from peerdesk.domain.backup_thinning import Candidate, to_remove
from peerdesk.domain.errors import StorageUnavailable, VaultDamaged
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.clock import Clock
from peerdesk.storage import backups, settings_store
from peerdesk.storage.backup_manifest import AUTOMATIC, ON_CLOSE, ON_DEMAND, BackupInfo
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace

AUTOMATIC_FOLDER = "backups"
OFF_LAPTOP_AT = "backup_off_laptop_at"
"""When a backup last went to a folder on another drive (ISO time, in the vault's settings)."""
FIRST_BACKUP_AT = "backup_first_at"
"""When this vault was first backed up at all: the 30 days start here before any off-laptop one."""
DAILY = dt.timedelta(days=1)


@dataclass(frozen=True)
class BackupMade:
    """What the coordinator is told: where, when, what it holds, and whether it left the laptop."""

    path: Path
    made_at: dt.datetime
    counts: dict[str, int]
    other_drive: bool
    removed_by_thinning: int = 0


def automatic_folder(paths: VaultPaths) -> Path:
    return paths.folder / AUTOMATIC_FOLDER


def on_another_drive(folder: Path, paths: VaultPaths) -> bool:
    """A folder on a different filesystem device from the vault's (survives losing the disk)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return os.stat(probe).st_dev != os.stat(paths.folder).st_dev
    except OSError:
        return False


def refuse_inside_vault(folder: Path, paths: VaultPaths) -> None:
    """On-demand backups go anywhere but inside the vault's folder (its ``backups`` aside)."""
    target = folder.expanduser().resolve()
    vault = paths.folder.resolve()
    if target == automatic_folder(paths).resolve():
        return
    if target == vault or vault in target.parents:
        raise StorageUnavailable(
            f"Choose a folder outside PeerDesk's data folder {vault}: a backup inside it would be "
            "lost with the vault. Nothing was changed."
        )


class BackupService:
    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        """``viewer``: who unlocked; a role without ``Action.BACKUP`` (a trustee) makes none."""
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._generation = workspace.generation
        """The workspace generation at the last backup (or at opening): what "changed" means."""

    @property
    def folder(self) -> Path:
        return automatic_folder(self._ws.paths)

    def changed(self) -> bool:
        return self._ws.generation != self._generation

    def back_up(self, folder: Path | None = None, *, label: str = "") -> BackupMade:
        """An on-demand backup to ``folder`` (default: the automatic backups folder)."""
        self._viewer.require(Action.BACKUP)
        target = self.folder if folder is None else folder.expanduser().resolve()
        refuse_inside_vault(target, self._ws.paths)
        return self._make(target, ON_DEMAND, label)

    def back_up_automatically(self, reason: str = AUTOMATIC) -> BackupMade:
        self._viewer.require(Action.BACKUP)
        made = self._make(self.folder, reason, "")
        removed = self.thin()
        return BackupMade(made.path, made.made_at, made.counts, made.other_drive, removed)

    def daily_due(self) -> bool:
        """Changed since the last backup, and the newest automatic one is a day old (or none)."""
        if self._ws.closed or not self.changed() or not self._viewer.can(Action.BACKUP):
            return False
        newest = self.newest()
        return newest is None or self._clock.now() - newest.made_at >= DAILY

    def on_close(self) -> BackupMade | None:
        """``quick_check``, then a backup if anything changed while open. A vault failing the
        check is not backed up (its newest good backup stays newest): ``VaultDamaged``."""
        if self._ws.closed or not self.changed() or not self._viewer.can(Action.BACKUP):
            return None
        if not backups.quick_check(backups.engine_of(self._ws)):
            raise VaultDamaged(
                "PeerDesk found damage in the vault while closing, so it made no backup. The "
                "newest good backup is unchanged."
            )
        return self.back_up_automatically(ON_CLOSE)

    def newest(self) -> BackupInfo | None:
        return backups.newest_verified(self.folder, self.vault_id())

    def listed(self, folder: Path | None = None) -> list[BackupInfo]:
        return backups.list_backups(self.folder if folder is None else folder)

    def vault_id(self) -> str:
        return backups.vault_id_of(self._ws.paths.header)

    def thin(self) -> int:
        """Delete the automatic backups the thinning rule lets go; returns how many went."""
        self._viewer.require(Action.BACKUP)
        found = backups.list_backups(self.folder)
        candidates = [
            Candidate(b.path, b.made_at, b.vault_id, b.automatic, b.verified) for b in found
        ]
        going = to_remove(candidates, vault_id=self.vault_id(), now=self._clock.now())
        for info in found:
            if info.path in going:
                backups.remove(info)
        return len(going)

    def _make(self, folder: Path, reason: str, label: str) -> BackupMade:
        now = self._clock.now().replace(microsecond=0)
        info = backups.make_backup(
            backups.engine_of(self._ws), self._ws.paths, folder, now=now, reason=reason, label=label
        )
        other = on_another_drive(folder, self._ws.paths)
        with self._ws.transaction() as s:
            known = settings_store.read_all(s)
            if FIRST_BACKUP_AT not in known:
                settings_store.write(s, FIRST_BACKUP_AT, now.isoformat())
            if other:
                settings_store.write(s, OFF_LAPTOP_AT, now.isoformat())
        self._generation = self._ws.generation
        return BackupMade(info.path, info.made_at, dict(info.counts), other)
