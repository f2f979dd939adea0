"""The ``peerdesk`` command: opens the window, or runs the same services without one."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from peerdesk import __version__, cli_commands, cli_import
from peerdesk.cli_arguments import count, data_dir_option, days, match_commands
from peerdesk.cli_backup import add_backup_commands, backup, restore
from peerdesk.cli_check import add_check_command, check
from peerdesk.cli_export import add_export_command, export
from peerdesk.cli_forms import add_forms_command, forms
from peerdesk.cli_report import add_report_command, report
from peerdesk.cli_vault import ENV_INSECURE_FAST_KDF, ENV_PASSPHRASE

__all__ = ["ENV_INSECURE_FAST_KDF", "ENV_PASSPHRASE", "build_parser", "main"]

EPILOG = f"""\
environment:
  PEERDESK_DATA_DIR    the data folder, as --data-dir (which wins over it)
  {ENV_PASSPHRASE}  unlocks (or sets up) the vault without asking: for automation and
                       tests only, since anyone who can read your environment can read it
  {ENV_INSECURE_FAST_KDF}=1
                       'peerdesk demo' protects the demo vault with a deliberately cheap key
                       derivation, so tests and benchmarks run fast; never for real records

exit codes:
  0 done   1 PeerDesk could not do it (the message says why)   2 the command was mistyped
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="PeerDesk: records for peer support coordinators, kept in an encrypted vault. "
        "With no command, opens the PeerDesk window.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"PeerDesk {__version__}")
    data_dir_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo vault made by 'peerdesk demo' (never the real one)",
    )
    commands = parser.add_subparsers(dest="command", metavar="command")
    demo = commands.add_parser(
        "demo",
        help="create a demo vault full of realistic made-up records",
        description="Create a demo vault of made-up but realistic UK records. Without "
        "--data-dir it goes in a separate demo folder that never touches the real vault. "
        f"The passphrase is ${ENV_PASSPHRASE} when set; otherwise one is made up and printed. "
        "Refuses if a vault is already in the folder.",
    )
    demo.add_argument(
        "--psws", type=count, default=200, metavar="N", help="how many peer support workers (200)"
    )
    demo.add_argument(
        "--people",
        type=count,
        default=0,
        metavar="N",
        help="how many supported people (0): about a third waiting, a few on hold or closed, "
        "the rest matched with peer workers (as far as their places allow) with dated steps, "
        "consent to share and contact logs; with people, a few teams of peers too",
    )
    demo.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
    data_dir_option(demo, default=argparse.SUPPRESS)
    due = commands.add_parser(
        "due",
        help="list checks, training, waits, matches and other items overdue or due soon",
        description="List what Needs attention shows, most pressing first: checks and training\n"
        "overdue, in grace or due within DAYS; references awaited over 14 days; stalled\n"
        "applicants; adjustment reviews; active peer workers not cleared; supported\n"
        "people waiting over 6 weeks (time on hold not counted); matches proposed over\n"
        "14 days ago and not yet introduced; active matches with no contact for 30 days.\n"
        "Those last three are listed once due, whatever DAYS is, and leave out protected\n"
        "records.\n"
        f"The vault is unlocked with ${ENV_PASSPHRASE}, which must be set.",
        epilog="exit codes:\n  0 listed   1 the vault could not be opened or read (the message "
        "says why)   2 the command was mistyped",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    due.add_argument(
        "--within",
        type=days,
        default=30,
        metavar="DAYS",
        help="include items due within DAYS days from today, 0 to 3650 (default 30)",
    )
    due.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="text to read (default); csv (a header row, ISO dates, safe to open in a "
        "spreadsheet) or json: subject_kind ('psw' for a peer worker, 'person' for a "
        "supported person), subject_id, name, item, status, due_on, days",
    )
    data_dir_option(due, default=argparse.SUPPRESS)
    match_commands(commands)
    cli_import.import_commands(commands)
    add_export_command(commands)
    add_report_command(commands)
    add_forms_command(commands)
    add_backup_commands(commands)
    add_check_command(commands)
    search = commands.add_parser(
        "search",
        help="search supervision notes, check-ins, actions, learning needs and current plans",
        description="Search as the window's Find in notes does: each word matches as the start "
        'of a word, all are required, "double quotes" make a phrase, and accents and letters '
        'such as ł or ß need not be typed ("zoe" finds Zoë). Best matches first, the first 20. '
        "Shared notes only unless --include-confidential; private notes are never searched, "
        "nor records of peer workers you may not see. "
        f"The vault is unlocked with ${ENV_PASSPHRASE}, which must be set.",
        epilog="exit codes:\n  0 searched (found or not)   1 the vault could not be opened or "
        "read (the message says why)   2 the command was mistyped",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("text", metavar="TEXT", help="what to look for (quote it in the shell)")
    search.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text to read (default) or json: message, more, and results with psw_id, "
        "psw_name, kind, kind_label, date, confidentiality, session_id, record_id, snippet",
    )
    search.add_argument(
        "--include-confidential",
        action="store_true",
        help="search confidential notes too (never private ones): a coordinator's search "
        "finds every confidential note and plan; a supervisor's finds the confidential notes "
        "of their own sessions (where they are the supervisor) and their supervisees' "
        "confidential plans; a trustee's is refused (exit 1)",
    )
    data_dir_option(search, default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return cli_commands.demo(args.data_dir, psws=args.psws, people=args.people, seed=args.seed)
    if args.command == "due":
        return cli_commands.due(args.data_dir, demo=args.demo, within=args.within, fmt=args.format)
    if args.command == "match":
        return cli_commands.match(args)
    if args.command == "search":
        return cli_commands.search(args)
    if args.command == "import":
        return cli_import.run(args)
    if args.command == "export":
        return export(args)
    if args.command == "forms":
        return forms(args)
    if args.command == "report":
        return report(args)
    if args.command == "backup":
        return backup(args)
    if args.command == "restore":
        return restore(args)
    if args.command == "check":
        return check(args)
    # Start-up makes many long-lived objects (imports, the window, the first table) and the
    # garbage collector would walk them again and again: it is paused until the window is up.
    gc.disable()
    from peerdesk.app import run_app

    try:
        return run_app(
            data_dir=args.data_dir, demo=args.demo, passphrase=os.environ.get(ENV_PASSPHRASE)
        )
    finally:
        gc.enable()  # on again however it ended (the window turns it on once it is up)


if __name__ == "__main__":
    sys.exit(main())
