"""``peerdesk backup [--to DIR]`` and ``peerdesk restore DIR``: exit 0 done, 1 failed, 2 misused."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option
from peerdesk.cli_vault import ENV_PASSPHRASE, err, with_vault

if TYPE_CHECKING:
    from peerdesk.services.restore_service import RestorePreview
    from peerdesk.storage.workspace import Workspace

ENV_BACKUP_PASSPHRASE = "PEERDESK_BACKUP_PASSPHRASE"


def add_backup_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up the vault now (verified, same encryption)",
        description="Make a verified backup of the vault, encrypted with the same key, in a new "
        "folder named by the time. Without --to it goes in the data folder's 'backups' folder; "
        "a folder on another drive (a USB stick) protects against losing the laptop. The vault "
        f"is unlocked with ${ENV_PASSPHRASE}.",
    )
    backup.add_argument("--to", metavar="DIR", help="the folder to put the backup in")
    backup.add_argument("--label", default="", help="a word or two added to the folder's name")
    data_dir_option(backup, default=argparse.SUPPRESS)
    restore = commands.add_parser(
        "restore",
        help="replace the vault with a backup",
        description="Replace the vault with the backup in DIR (a folder 'peerdesk backup' made). "
        "The backup opens with the passphrase of the time it was made: "
        f"${ENV_BACKUP_PASSPHRASE}, else ${ENV_PASSPHRASE}, else asked for. A vault already "
        f"in the data folder is unlocked with ${ENV_PASSPHRASE}, backed up first, and set aside "
        "in 'replaced'; records erased since the backup was made are erased again. Shows what "
        "will change and asks before doing it, unless --yes. Afterwards the vault opens with "
        "the backup's passphrase.",
    )
    restore.add_argument("folder", metavar="DIR", help="the backup folder")
    restore.add_argument("--yes", action="store_true", help="do not ask before restoring")
    restore.add_argument(
        "--recovery-key",
        action="store_true",
        help="the secret given for the backup is its recovery key, not its passphrase",
    )
    data_dir_option(restore, default=argparse.SUPPRESS)


def backup(args: argparse.Namespace) -> int:
    def run(workspace: Workspace) -> int:
        from peerdesk.services.backup_service import BackupService
        from peerdesk.services.clock import SystemClock

        service = BackupService(workspace, SystemClock())
        made = service.back_up(Path(args.to) if args.to else None, label=args.label)
        if not args.to:
            service.thin()
        where = "another drive" if made.other_drive else "this drive"
        print(f"Backed up and verified: {made.path} ({where}).")
        return 0

    result = with_vault(args.data_dir, args.demo, "back it up", run)
    return result if isinstance(result, int) else 1


def restore(args: argparse.Namespace) -> int:
    from peerdesk.domain.errors import PeerDeskError
    from peerdesk.services import restore_service, vault_service
    from peerdesk.services.clock import SystemClock
    from peerdesk.storage.locations import resolve
    from peerdesk.storage.vault.files import VaultState

    paths, _chosen = resolve(args.data_dir, demo=args.demo)
    folder = Path(args.folder).expanduser().resolve()
    secret = os.environ.get(ENV_BACKUP_PASSPHRASE) or os.environ.get(ENV_PASSPHRASE)
    if not secret and sys.stdin.isatty():
        secret = getpass.getpass("The backup's passphrase (of the time it was made): ")
    if not secret:
        err(f"PeerDesk: set {ENV_BACKUP_PASSPHRASE} to the backup's passphrase to restore it.")
        return 2
    current: Workspace | None = None
    try:
        key_kind = {"recovery_key" if args.recovery_key else "passphrase": secret}
        opened = restore_service.open_backup(folder, **key_kind)
        try:
            state = vault_service.state(paths, may_create_folder=True)
            if state is VaultState.READY:
                passphrase = os.environ.get(ENV_PASSPHRASE)
                if not passphrase:
                    err(f"PeerDesk: set {ENV_PASSPHRASE} to the current vault's passphrase.")
                    return 1
                current = vault_service.unlock(paths, passphrase)
            plan = restore_service.preview(opened, current)
            print(describe(plan), file=sys.stderr)
            if not args.yes and not _confirmed():
                err("PeerDesk: not restored; nothing changed.")
                return 2 if not sys.stdin.isatty() else 0
            done = restore_service.restore(opened, paths, current, SystemClock())
            current = None  # closed by the restore
            done.workspace.close()
        finally:
            opened.close()
    except PeerDeskError as error:
        err(f"PeerDesk: {error}")
        return 1
    finally:
        if current is not None:
            current.close()
    print(f"Restored the backup of {plan.made_at:%a %d %b %Y, %H:%M} into {paths.folder}.")
    if done.safety_backup is not None:
        print(f"The vault as it was is backed up in {done.safety_backup}.")
    if done.reapplied:
        print(f"Erased again: {done.reapplied} record(s) erased since the backup was made.")
    return 0


def describe(plan: RestorePreview) -> str:
    """The preview in words: counts then and now, erasures to re-apply, an upgrade to run."""
    lines = [f"Backup made {plan.made_at:%a %d %b %Y, %H:%M} ({plan.folder})."]
    for table in sorted(plan.counts_then):
        then = plan.counts_then[table]
        now = plan.counts_now.get(table)
        lines.append(
            f"  {table}: {then:,} in the backup" + ("" if now is None else f", {now:,} now")
        )
    if plan.erasures:
        lines.append(f"{len(plan.erasures)} record(s) erased since then will be erased again.")
    if plan.needs_upgrade:
        lines.append("The backup was made by an older PeerDesk: it will be upgraded.")
    return "\n".join(lines)


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        err("PeerDesk: add --yes to restore without being asked.")
        return False
    return input("Replace the vault with this backup? [y/N] ").strip().lower() in ("y", "yes")
