"""Restore a backup: unlock it with its own key, preview it, safety backup, swap, migrate, re-erase.

Erasures recorded since the backup was made (the ``erasure`` ledger, by kind and id) are applied
again with the retention engineer's ``storage.record_erasure`` functions and written back into
the restored ledger, so a restore never brings an erased person back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from peerdesk.domain.roles import Action
from peerdesk.services import vault_service
from peerdesk.services.backup_service import BackupService
from peerdesk.services.clock import Clock
from peerdesk.services.login import viewer_for
from peerdesk.storage import backup_restore, backups
from peerdesk.storage.backup_manifest import BEFORE_RESTORE
from peerdesk.storage.backup_restore import Erased
from peerdesk.storage.migrate import HEAD_REVISION
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace


@dataclass
class OpenBackup:
    """A backup unlocked with the passphrase or recovery key of its time; ``close`` wipes it."""

    folder: Path
    key: bytearray = field(repr=False)

    def close(self) -> None:
        keyslots.wipe(self.key)


@dataclass(frozen=True)
class RestorePreview:
    folder: Path
    made_at: dt.datetime
    revision: str
    needs_upgrade: bool
    counts_then: dict[str, int]
    counts_now: dict[str, int]
    """Empty when there is no vault here yet (restoring onto another laptop)."""
    erasures: tuple[Erased, ...]
    """Erased or anonymised since the backup was made: done again after restoring."""


@dataclass(frozen=True)
class Restored:
    workspace: Workspace
    """The restored vault, open with the backup's key (its passphrase is the backup's)."""
    safety_backup: Path | None
    set_aside: Path | None
    reapplied: int


def open_backup(folder: Path, *, passphrase: str = "", recovery_key: str = "") -> OpenBackup:
    """Unlock and verify ``folder`` (``WrongPassphrase``, ``VaultDamaged``, ``BackupTooNew``)."""
    key = backup_restore.unlock(folder, passphrase=passphrase, recovery_key=recovery_key)
    try:
        backup_restore.check(folder, key)
    except BaseException:
        keyslots.wipe(key)
        raise
    return OpenBackup(folder, key)


def preview(backup: OpenBackup, current: Workspace | None) -> RestorePreview:
    """What restoring ``backup`` over ``current`` would change (``NotAllowed`` unless whoever
    unlocked ``current`` is a coordinator: nothing is read from it then)."""
    if current is not None:
        viewer_for(current).require(Action.RESTORE)
    info = backup_restore.check(backup.folder, backup.key)
    then = backup_restore.ledger_of_backup(backup.folder, backup.key)
    now_ledger = [] if current is None else backup_restore.ledger_of_vault(current)
    counts_now = {} if current is None else backups.current_counts(backups.engine_of(current))
    revision = info.revision or ""
    return RestorePreview(
        backup.folder,
        info.made_at,
        revision,
        revision != HEAD_REVISION,
        dict(info.counts),
        counts_now,
        tuple(backup_restore.to_reapply(now_ledger, then)),
    )


def restore(
    backup: OpenBackup, paths: VaultPaths, current: Workspace | None, clock: Clock
) -> Restored:
    """Replace the vault at ``paths`` with ``backup``. ``current`` (the open vault there, if any)
    is backed up first, then closed; the caller must not use it afterwards.

    Only a coordinator may replace an open vault (``NotAllowed`` for anyone else)."""
    plan = preview(backup, current)
    safety = None
    if current is not None:
        safety = BackupService(current, clock).back_up_automatically(BEFORE_RESTORE).path
        current.close()
    aside = backup_restore.put_in_place(backup.folder, paths, clock.now())
    workspace = vault_service.open_with_key(paths, backup.key)
    done = backup_restore.reapply(workspace, list(plan.erasures))
    return Restored(workspace, safety, aside, done)
