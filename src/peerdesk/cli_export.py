"""``peerdesk export``: a table to CSV or XLSX, or a printed document, saved all or nothing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option, days
from peerdesk.cli_vault import ENV_PASSPHRASE, err, with_vault

if TYPE_CHECKING:
    from peerdesk.domain.import_table import CellValue
    from peerdesk.domain.progress import Exported, Progress
    from peerdesk.services.bundle import Services
    from peerdesk.storage.workspace import Workspace

WARNING = "This file will not be encrypted. Anyone with a copy can read it."
TABLES = {
    "psws": "peer workers (not archived), by name",
    "people": "supported people on the waiting list, every status, wait in days",
    "attention": "what Needs attention lists (also: due), most pressing first",
    "audit": "the audit log, oldest first: who, when, action, record, field names",
}
ALIASES = {"due": "attention"}
KINDS = {
    "record": "a peer worker's full record (ID: the peer worker's id)",
    "wellbeing": "a peer worker's wellbeing and 'telling my story safely' plans (ID: their id)",
    "supervision": "a supervision record (ID: the session's id)",
    "match": "a match summary (ID: the match's id)",
    "review": "an annual review (ID: the review's id)",
    "sar": "a subject access bundle, a ZIP (ID: the request's id)",
}
EXIT_CODES = (
    "exit codes:\n  0 saved   1 PeerDesk could not do it (the message says why; nothing was\n"
    "  written)   2 the command was mistyped, or there is nothing with that id"
)


def _description() -> str:
    tables = "\n".join(f"  {name:<12}{what}" for name, what in TABLES.items())
    kinds = "\n".join(f"  {name:<12}{what}" for name, what in KINDS.items())
    return (
        "Save a table for a spreadsheet, or print one document to a file.\n\n"
        f"Tables (--format csv or xlsx; no ID):\n{tables}\n\n"
        f"Documents (an ID; PDF unless said):\n{kinds}\n\n"
        "CSV is UTF-8 with a byte-order mark; XLSX keeps numbers and dates as such. Text that\n"
        "a spreadsheet would run as a formula (starting = + - @) is stored as text. Protected\n"
        "records are never included.\n\n"
        f"{WARNING}\n(also said on stderr each time). The file is written beside its final\n"
        "name and renamed when complete, so a failure or Ctrl+C leaves nothing; an existing\n"
        "file is never replaced without --force.\n"
        f"The vault is unlocked with ${ENV_PASSPHRASE}, which must be set."
    )


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``peerdesk export`` on the top-level parser's commands."""
    export = commands.add_parser(
        "export",
        help="save a table (CSV or XLSX) or print a document (record, review…) to a file",
        description=_description(),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "what",
        metavar="WHAT",
        help="a table ("
        + ", ".join([*TABLES, *ALIASES])
        + ") or a document kind ("
        + ", ".join(KINDS)
        + ")",
    )
    export.add_argument(
        "id", metavar="ID", nargs="?", type=_record_id, help="which document (see above)"
    )
    export.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        help="tables only: csv or xlsx (default: from --out's extension, else xlsx)",
    )
    export.add_argument(
        "--out",
        metavar="PATH",
        type=Path,
        help="where to save (a file, or a folder to save in); default: the suggested name, "
        "such as psws-2026-11-23.xlsx or psw-42-record.pdf, in the current folder",
    )
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    export.add_argument(
        "--within",
        type=days,
        default=30,
        metavar="DAYS",
        help="attention only: items due within DAYS days from today, 0 to 3650 (default 30)",
    )
    data_dir_option(export, default=argparse.SUPPRESS)


def _record_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError("an id is a whole number from 1")
    return value


def export(args: argparse.Namespace) -> int:
    """Run ``peerdesk export``; returns the exit code."""
    what = ALIASES.get(args.what, args.what)
    if what in TABLES:
        if args.id is not None:
            return _mistyped(f"a table takes no ID: peerdesk export {args.what} --format xlsx")
        fmt = _table_format(args.format, args.out)
        if fmt is None:
            return _mistyped("a table is saved as .csv or .xlsx: give --format csv or xlsx")
        return _save(args, lambda sv, p: _table(sv, what, fmt, args.within, p), None)
    if what in KINDS:
        if args.id is None:
            return _mistyped(f"say which {what}: peerdesk export {what} ID")
        if args.format is not None:
            return _mistyped("--format is for tables; documents have one format")
        from peerdesk.cli_documents import DOCUMENTS

        maker = DOCUMENTS.get(what)
        if maker is None:
            err(f"PeerDesk: this version cannot print '{what}' documents yet. Nothing was written.")
            return 1
        record_id: int = args.id
        return _save(args, lambda sv, p: maker(sv, record_id, p), (what, record_id))
    known = ", ".join([*TABLES, *ALIASES, *KINDS])
    return _mistyped(f"there is no table or document called {args.what!r}; choose from {known}")


def _mistyped(message: str) -> int:
    err(f"peerdesk export: {message}")
    return 2


def _table_format(given: str | None, out: Path | None) -> str | None:
    if given:
        return given
    if out is None or out.is_dir() or not out.suffix:
        return "xlsx"
    suffix = out.suffix.lower()
    return suffix[1:] if suffix in (".csv", ".xlsx") else None


def _save(
    args: argparse.Namespace,
    make: Callable[[Services, Progress], Exported],
    document: tuple[str, int] | None,
) -> int:
    from peerdesk.domain.errors import NotFound
    from peerdesk.domain.progress import Progress
    from peerdesk.export.atomic_file import not_saved_text, write_atomically
    from peerdesk.services.bundle import build
    from peerdesk.services.clock import SystemClock

    out: Path | None = args.out
    if out is not None and not out.is_dir() and out.exists() and not args.force:
        err(f"PeerDesk: {out} already exists; add --force to replace it. Nothing was written.")
        return 1
    err(f"PeerDesk: {WARNING}")
    progress = Progress(_report if sys.stderr.isatty() else None)

    def run(workspace: Workspace) -> Exported:
        return make(build(workspace, SystemClock()), progress)

    try:
        made = with_vault(args.data_dir, args.demo, "export", run)
    except NotFound:
        kind, record_id = document or ("record", 0)
        err(f"PeerDesk: there is no {kind} with id {record_id} that you may see in this vault.")
        return 2
    except KeyboardInterrupt:
        err("\nStopped. Nothing was written.")
        return 130
    if isinstance(made, int):
        return made
    target = _target(out, made.name)
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
    note = f" {made.note}" if made.note else ""
    err(f"Saved {target}.{note}")
    return 0


def _target(out: Path | None, suggested: str) -> Path:
    name = Path(suggested).name  # a suggested name never chooses the folder
    if out is None:
        return Path.cwd() / name
    if out.is_dir():
        return out / name
    return out


def _table(services: Services, what: str, fmt: str, within: int, progress: Progress) -> Exported:
    from peerdesk.domain.progress import Exported
    from peerdesk.domain.roles import Action
    from peerdesk.export.table_export import table_bytes

    services.viewer.require(Action.BULK_EXPORT)  # NotAllowed: shown, exit 1
    headers, rows = _table_rows(services, what, within, progress)

    def step(done: int, total: int) -> bool:
        progress.step(done, total)
        return True

    data, replaced = table_bytes(headers, rows, fmt=fmt, progress=step)
    note = "1 row." if len(rows) == 1 else f"{len(rows):,} rows."
    if replaced:
        note += f" {replaced:,} characters a spreadsheet cannot hold became \ufffd."
    name = f"{what}-{services.clock.today().isoformat()}.{fmt}"
    return Exported(data, name, note)


def _table_rows(
    services: Services, what: str, within: int, progress: Progress
) -> tuple[tuple[str, ...], list[tuple[CellValue, ...]]]:
    from peerdesk.domain.person import PersonQuery
    from peerdesk.domain.psw import PswQuery
    from peerdesk.export import table_rows

    if what == "people":
        lines = services.people.waiting_list(PersonQuery())
        return table_rows.PEOPLE_HEADERS, [table_rows.person_cells(line) for line in lines]
    if what == "audit":
        from peerdesk.services.audit_service import HEADERS

        return HEADERS, services.audit.cells(progress)
    if what == "attention":
        items = services.attention.items(within)
        today = services.clock.today()
        return table_rows.ATTENTION_HEADERS, [table_rows.attention_cells(i, today) for i in items]
    ids = services.psws.find_ids(PswQuery())
    rows: list[tuple[CellValue, ...]] = []
    for start in range(0, len(ids), 1000):
        progress.step(start, len(ids))
        found = {row.id: row for row in services.psws.rows(ids[start : start + 1000])}
        rows.extend(table_rows.psw_cells(found[i]) for i in ids[start : start + 1000] if i in found)
    return table_rows.PSW_HEADERS, rows


def _report(done: int, total: int) -> None:
    if total:
        end = "\n" if done >= total else ""
        print(f"\r  {done:,} of {total:,}", end=end, file=sys.stderr, flush=True)
