"""``peerdesk check [--quick]``: the vault's integrity checks, the outcome in one plain line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option
from peerdesk.cli_vault import ENV_PASSPHRASE, with_vault

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

DESCRIPTION = f"""\
Check the vault is whole: SQLite's integrity_check (every page, table and index), SQLCipher's
cipher_integrity_check (every page's authentication code), foreign_key_check, then the audit
log's hash chain. --quick runs SQLite's quick_check alone (seconds, not minutes, on a big vault).

The outcome is ONE line on stdout, whether sound or not. If the database is damaged, PeerDesk
stops, moves the vault file with its -wal and -shm files, unchanged, and a copy of the key file
into quarantine/<time>/ in the data folder (nothing is deleted), and the line names the newest
good backup. A broken audit chain is reported but moves nothing. If the vault cannot be opened
to check it (no passphrase, wrong passphrase, no vault), one line on stderr says why.
The vault is unlocked with ${ENV_PASSPHRASE}, which must be set."""
EXIT_CODES = (
    "exit codes:\n  0 sound   1 damage found, or the vault could not be checked (one line "
    "says why)\n  2 the command was mistyped"
)


def add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``peerdesk check`` on the top-level parser's commands."""
    check = commands.add_parser(
        "check",
        help="check the vault is whole (integrity, encryption, foreign keys, audit chain)",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "--quick", action="store_true", help="run SQLite's quick_check only (much faster)"
    )
    data_dir_option(check, default=argparse.SUPPRESS)


def check(args: argparse.Namespace) -> int:
    """Run the checks; print the one line; 0 when sound, else 1."""
    quick: bool = args.quick

    def run(workspace: Workspace) -> int:
        from peerdesk.services.clock import SystemClock
        from peerdesk.services.integrity_service import IntegrityService

        integrity = IntegrityService(workspace, SystemClock())
        finding = integrity.quick_check() if quick else integrity.full_check()
        line = finding.line
        if workspace.damaged:
            line = f"{line} {integrity.set_aside().message}"
        print(line, flush=True)
        return 0 if finding.ok else 1

    return with_vault(args.data_dir, args.demo, "check it", run)
