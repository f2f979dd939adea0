"""``peerdesk report trustees``: the trustees' report for a period, saved as a PDF, all or none."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option
from peerdesk.cli_vault import ENV_PASSPHRASE, err, with_vault

if TYPE_CHECKING:
    from peerdesk.domain.progress import Exported
    from peerdesk.storage.workspace import Workspace

NOTE = (
    "This file will not be encrypted. Anyone with a copy can read it; it holds counts and "
    "trends only, no names."
)
DESCRIPTION = f"""\
Print the trustees' report for a period to a PDF: peer support workers active, joined and left;
referrals; people supported; the waiting list and waits; matches started and ended by reason;
volunteer hours by month; shares cleared by their checks and in date for supervision; training
done; equality monitoring; outcome measures; each beside the period before, with monthly charts.

It holds no names or personal details, so it is not marked CONFIDENTIAL, and protected records
are counted like any other (a count shows no one). Counts under the small-number threshold
(a setting, default 5), and the next smallest beside one, print as "<5".

--from and --to default to the last whole April to March before today. Without --out the file
is saved in the current folder as trustees-report-FROM-to-TO.pdf. The file is written beside its
final name and renamed when complete, so a failure or Ctrl+C leaves nothing; an existing file is
never replaced without --force. A note that the file is not encrypted (but holds no names) is
printed on stderr.
The vault is unlocked with ${ENV_PASSPHRASE}, which must be set."""
EXIT_CODES = (
    "exit codes:\n  0 saved   1 PeerDesk could not do it, or there is nothing to report in the\n"
    "  period (the message says why; nothing was written)   2 the command was mistyped,\n"
    "  or --from is after --to"
)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD (for example 2026-03-31)"
        ) from None


def add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``peerdesk report trustees`` on the top-level parser's commands."""
    report = commands.add_parser(
        "report",
        help="print the trustees' report (counts and charts, no names) to a PDF",
        description="Print a report to a file. The one report so far: trustees.",
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    trustees = kinds.add_parser(
        "trustees",
        help="the trustees' report for a period (default: last April to March)",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    trustees.add_argument(
        "--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="the first day"
    )
    trustees.add_argument(
        "--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="the last day (included)"
    )
    trustees.add_argument(
        "--out", metavar="PATH", type=Path, help="where to save (a file, or a folder to save in)"
    )
    trustees.add_argument("--force", action="store_true", help="replace the file if it exists")
    data_dir_option(trustees, default=argparse.SUPPRESS)


def report(args: argparse.Namespace) -> int:
    """Run ``peerdesk report trustees``; returns the exit code."""
    from peerdesk.domain.progress import Progress
    from peerdesk.domain.trustees_inputs import last_full_year
    from peerdesk.export.atomic_file import not_saved_text, write_atomically
    from peerdesk.services.clock import SystemClock
    from peerdesk.services.trustees_report import TrusteesReportService, period_problems

    clock = SystemClock()
    default = last_full_year(clock.today())
    start: dt.date = args.start or default.start
    end: dt.date = args.end or default.end
    problems = period_problems(start, end)
    if problems:
        err(f"peerdesk report trustees: {problems[0].message} Nothing was written.")
        return 2
    out: Path | None = args.out
    if out is not None and not out.is_dir() and out.exists() and not args.force:
        err(f"PeerDesk: {out} already exists; add --force to replace it. Nothing was written.")
        return 1

    # Nothing to report, like any vault error, is printed by with_vault and gives exit 1.
    def run(workspace: Workspace) -> Exported:
        return TrusteesReportService(workspace, clock).pdf(start, end, Progress())

    try:
        made = with_vault(args.data_dir, args.demo, "print the trustees' report", run)
    except KeyboardInterrupt:
        err("\nStopped. Nothing was written.")
        return 130
    if isinstance(made, int):
        return made
    name = Path(made.name).name
    target = Path.cwd() / name if out is None else (out / name if out.is_dir() else out)
    try:
        write_atomically(target, made.data, force=args.force)
    except FileExistsError:
        err(f"PeerDesk: {target} already exists; add --force to replace it. Nothing was written.")
        return 1
    except OSError as error:
        err(f"PeerDesk: {not_saved_text(target, error)}")
        return 1
    except KeyboardInterrupt:
        err("\nStopped. Nothing was written.")
        return 130
    err(f"PeerDesk: {NOTE}")
    note = f" {made.note}" if made.note else ""
    err(f"Saved {target}.{note}")
    return 0
