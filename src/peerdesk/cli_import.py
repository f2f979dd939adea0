"""`peerdesk import psws FILE`: the dry run (with --commit, the import) from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option
from peerdesk.cli_vault import ENV_PASSPHRASE, err, with_vault

if TYPE_CHECKING:
    from peerdesk.services.import_service import ImportPlan
    from peerdesk.storage.workspace import Workspace

EXIT_CODES = (
    "exit codes:\n  0 checked without errors (with --commit: imported)\n"
    "  1 errors in the file, or the vault could not be opened: nothing was written\n"
    "  2 the command was mistyped, the file or the mapping does not exist"
)
SHOWN = 50
"""Problems printed; the rest are counted."""


def rows(text: str) -> frozenset[int]:
    """``--leave-out 4,7,12``: spreadsheet row numbers."""
    try:
        found = frozenset(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("give row numbers separated by commas, like 4,7") from None
    if any(r < 2 for r in found):
        raise argparse.ArgumentTypeError("row numbers start at 2 (row 1 holds the headers)")
    return found


def import_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help="import peer support workers from a CSV or XLSX spreadsheet (checks first)",
        description="Import from a spreadsheet. Without --commit nothing is written: the file "
        "is checked and a report printed (new, duplicates, errors and rows left out; each "
        "error by spreadsheet row, column, value and message).",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = command.add_subparsers(dest="import_what", metavar="what", required=True)
    psws = what.add_parser(
        "psws",
        help="peer support workers",
        description="Check FILE (CSV or XLSX, judged by its content) and report; with --commit\n"
        "import every row in one go, or nothing if any error remains outside --leave-out.\n"
        "Columns are matched to fields by their headers (Forename, Surname, DOB, Email,\n"
        "Phone, Role, Status, Languages, Area, Skills ...) or by a mapping saved by name in\n"
        "the window's import. Dates are day first (31/12/1980, ISO 1980-12-31 and Excel\n"
        "dates too). Duplicates (same email, or same name and date of birth, in the vault\n"
        "or earlier in the file) are skipped unless --import-duplicates.\n"
        f"The vault is unlocked with ${ENV_PASSPHRASE}, which must be set.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    psws.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx file")
    psws.add_argument("--mapping", metavar="NAME", help="a column mapping saved in the window")
    psws.add_argument("--commit", action="store_true", help="import (default: check only)")
    psws.add_argument(
        "--dates",
        choices=("day-first", "month-first"),
        help="the order of dates like 04/05/2024, when the file's dates read month first",
    )
    psws.add_argument(
        "--leave-out",
        type=rows,
        default=frozenset(),
        metavar="ROWS",
        help="spreadsheet rows not to import, like 4,7,12",
    )
    psws.add_argument(
        "--import-duplicates", action="store_true", help="import duplicates instead of skipping"
    )
    psws.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "utf-16", "cp1252"))
    psws.add_argument("--delimiter", choices=("comma", "semicolon", "tab"))
    data_dir_option(psws, default=argparse.SUPPRESS)


def report(plan: ImportPlan, left_out: frozenset[int], *, import_duplicates: bool) -> str:
    """The dry run as text: counts, then each problem by row and column."""
    counts = plan.counts(left_out, import_duplicates=import_duplicates)
    lines = [
        f"New: {counts.new:,}   Duplicates: {counts.duplicates:,} "
        f"({'imported' if import_duplicates else 'skipped'})   Rows with errors: "
        f"{counts.errors:,}   Left out: {counts.left_out:,}"
    ]
    for row, why in sorted(plan.duplicates.items()):
        if row not in left_out and len(lines) <= SHOWN:
            lines.append(f"Row {row}: duplicate: {why}")
    problems = plan.problems(left_out)
    for problem in problems[:SHOWN]:
        kind = "" if problem.blocking else "warning: "
        value = f" [{problem.value}]" if problem.value else ""
        lines.append(f"{problem.as_text().replace(': ', f': {kind}', 1)}{value}")
    if len(problems) > SHOWN:
        lines.append(f"... and {len(problems) - SHOWN:,} more problems.")
    for key, values in sorted(plan.unknown.items()):
        lines.append(f"Not in the {key} list: {', '.join(values)}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """``peerdesk import psws``: 0 checked clean or imported, 1 errors, 2 bad arguments."""
    from peerdesk.domain.errors import ValidationFailed
    from peerdesk.domain.import_fields import guess_mapping
    from peerdesk.domain.import_table import ImportRefused
    from peerdesk.domain.progress import Cancelled
    from peerdesk.export.spreadsheet_read import read_import_file
    from peerdesk.services.bundle import build
    from peerdesk.services.clock import SystemClock
    from peerdesk.services.import_service import DateOrderNeeded

    if not args.file.is_file():
        err(f"PeerDesk: there is no file {args.file}.")
        return 2
    delimiter = {"comma": ",", "semicolon": ";", "tab": "\t", None: None}[args.delimiter]
    try:
        table = read_import_file(args.file, encoding=args.encoding, delimiter=delimiter)
    except ImportRefused as error:
        err(f"PeerDesk: {error} Nothing was imported.")
        return 1

    def work(workspace: Workspace) -> int:
        imports = build(workspace, SystemClock()).imports
        preset = None
        if args.mapping is not None:
            saved = imports.presets()
            if args.mapping not in saved:
                names = ", ".join(sorted(saved)) or "none saved yet"
                err(f"PeerDesk: there is no mapping called {args.mapping!r} ({names}).")
                return 2
            preset = saved[args.mapping]
        fields = guess_mapping(table.headers, preset)
        columns = imports.month_first_columns(table, fields)
        order = "month" if args.dates == "month-first" else "day"
        orders = {c: order for c in columns} if args.dates else {}
        try:
            plan = imports.dry_run(table, fields, date_orders=orders)
        except DateOrderNeeded as error:
            err(f"PeerDesk: {error} Add --dates day-first or --dates month-first.")
            return 1
        except ValidationFailed as error:
            err(f"PeerDesk: the columns could not be matched to fields: {error}")
            return 1
        print(report(plan, args.leave_out, import_duplicates=args.import_duplicates), end="")
        if not plan.can_commit(args.leave_out):
            err(
                "PeerDesk: correct the errors, or leave their rows out, then run this again. "
                "Nothing was imported."
            )
            return 1
        if not args.commit:
            err("PeerDesk: checked only; add --commit to import.")
            return 0
        result = imports.commit(
            plan, left_out=args.leave_out, import_duplicates=args.import_duplicates
        )
        print(f"Imported {len(result.created):,} peer support workers.")
        return 0

    try:
        return with_vault(args.data_dir, args.demo, "import", work)
    except (KeyboardInterrupt, Cancelled):
        err("\nStopped. Nothing was imported.")
        return 130
