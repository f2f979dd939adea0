"""The ``peerdesk`` command: opens the window, or runs the same services without one."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from peerdesk import __version__

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

T = TypeVar("T")

ENV_PASSPHRASE = "PEERDESK_PASSPHRASE"
ENV_INSECURE_FAST_KDF = "PEERDESK_INSECURE_FAST_KDF"

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
    _data_dir_option(parser)
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
        "--psws", type=_count, default=200, metavar="N", help="how many peer support workers (200)"
    )
    demo.add_argument(
        "--people",
        type=_count,
        default=0,
        metavar="N",
        help="how many supported people (0): about a third waiting, a few on hold or closed, "
        "the rest matched with peer workers (as far as their places allow) with dated steps, "
        "consent to share and contact logs; with people, a few teams of peers too",
    )
    demo.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
    _data_dir_option(demo, default=argparse.SUPPRESS)
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
        type=_days,
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
    _data_dir_option(due, default=argparse.SUPPRESS)
    _match_commands(commands)
    search = commands.add_parser(
        "search",
        help="search supervision notes, check-ins, actions, learning needs and current plans",
        description="Search as the window's Find in notes does: each word matches as the start "
        'of a word, all are required, "double quotes" make a phrase, and accents and letters '
        'such as ł or ß need not be typed ("zoe" finds Zoë). Best matches first, the first 20. '
        "Shared notes only unless --include-confidential; private notes are never searched, "
        "nor records of protected peer workers. "
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
        help="search confidential notes and plans too (never private ones)",
    )
    _data_dir_option(search, default=argparse.SUPPRESS)
    return parser


MATCH_EXIT_CODES = (
    "exit codes:\n  0 listed   1 the vault could not be opened or read (the message says why)\n"
    "  2 the command was mistyped, or there is no supported person with that id"
)


def _match_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    match = commands.add_parser(
        "match",
        help="suggest peer workers for a supported person, or plan matches for everyone waiting",
        description="Matching without the window. Nothing is saved: propose matches in PeerDesk.\n"
        f"The vault is unlocked with ${ENV_PASSPHRASE}, which must be set.",
        epilog=MATCH_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = match.add_subparsers(dest="match_command", metavar="what", required=True)
    suggest = what.add_parser(
        "suggest",
        help="the best peer workers for one person, with reasons, and who is excluded and why",
        description="The peer workers who could be matched with the person, best first, each\n"
        "with a score out of 100, how close they are on each criterion the person has a wish\n"
        "on, and the reasons in words; then every peer worker excluded, with why not.\n"
        "json fields: person_id, name, eligible, suggestions (rank, psw_id, name, score,\n"
        "criteria as {criterion: closeness 0-1}, not_recorded, reasons, warnings,\n"
        "places_left) and excluded (psw_id, name, why_not).",
        epilog=MATCH_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    suggest.add_argument(
        "person_id",
        type=_person_id,
        metavar="PERSON_ID",
        help="the supported person's id (as shown on the People page)",
    )
    suggest.add_argument(
        "--limit",
        type=_limit,
        default=20,
        metavar="N",
        help="how many suggestions, 1 to 10,000 (default 20)",
    )
    plan = what.add_parser(
        "plan",
        help="the caseload plan for everyone waiting, beside first come, first served",
        description="Plan matches for everyone waiting with no match under way: as many people\n"
        "matched as possible, longest waits first, then the best scores, within each peer\n"
        "worker's places; shown beside first come, first served (who would fare worse).\n"
        "json fields: lines (person_id, name, wait_days, psw_id or null when they stay\n"
        "waiting, psw_name, score, greedy_psw_id, greedy_score, candidates,\n"
        "worse_than_greedy), matched, greedy_matched, objective, greedy_objective,\n"
        "total_score, greedy_total_score, minimum_score.",
        epilog=MATCH_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for sub in (suggest, plan):
        sub.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="text to read (default) or json",
        )
        _data_dir_option(sub, default=argparse.SUPPRESS)


def _data_dir_option(parser: argparse.ArgumentParser, **extra: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder holding the vault (default: your user data folder; or $PEERDESK_DATA_DIR)",
        **extra,  # type: ignore[arg-type]
    )


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("give a number from 0 to 1,000,000")
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError("give a number of days from 0 to 3650")
    return value


def _person_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a person's id (a whole number)"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError("a person's id is a whole number from 1")
    return value


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("give a number from 1 to 10,000")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return _demo(args.data_dir, psws=args.psws, people=args.people, seed=args.seed)
    if args.command == "due":
        return _due(args.data_dir, demo=args.demo, within=args.within, fmt=args.format)
    if args.command == "match":
        return _match(args)
    if args.command == "search":
        return _search(args)
    from peerdesk.app import run_app

    return run_app(
        data_dir=args.data_dir, demo=args.demo, passphrase=os.environ.get(ENV_PASSPHRASE)
    )


def _demo(data_dir: str | None, *, psws: int, people: int, seed: int) -> int:
    """``peerdesk demo``: make a demo vault of made-up records and say how to open it."""
    # Imported here, not at the top: opening the window should not pay for them.
    import shlex

    from peerdesk.domain.errors import PeerDeskError
    from peerdesk.services.demo_service import (
        BATCH_SIZE,
        create_demo_vault,
        memorable_passphrase,
    )
    from peerdesk.storage.locations import resolve
    from peerdesk.storage.vault.keyslots import DEFAULT_KDF, TEST_KDF

    paths, chosen = resolve(data_dir, demo=True)
    given = os.environ.get(ENV_PASSPHRASE)
    passphrase = given or memorable_passphrase()
    kdf = DEFAULT_KDF
    if os.environ.get(ENV_INSECURE_FAST_KDF) == "1":
        kdf = TEST_KDF
        _err(
            f"Warning: {ENV_INSECURE_FAST_KDF}=1, so this demo vault is only weakly protected "
            "by its passphrase. Never keep real records in it."
        )
    with_people = f" and {people:,} supported people" if people else ""
    _err(f"Making a demo vault of {psws:,} peer support workers{with_people} in {paths.folder} …")
    try:
        result = create_demo_vault(
            paths,
            passphrase=passphrase,
            psws=psws,
            people=people,
            seed=seed,
            kdf=kdf,
            progress=_progress if psws > BATCH_SIZE else None,
        )
    except PeerDeskError as error:
        _err(f"PeerDesk: {error}")
        return 1
    except KeyboardInterrupt:
        _err("\nStopped. Nothing was left behind.")
        return 130
    open_with = "peerdesk --demo"
    if chosen:
        open_with = f"peerdesk --data-dir {shlex.quote(str(paths.folder))}"
    print(f"Demo vault made: {result.psws:,} made-up peer support workers{with_people}.")
    print(f"  Folder:       {paths.folder}")
    if given:
        print(f"  Passphrase:   the one in ${ENV_PASSPHRASE}")
    else:
        print(f"  Passphrase:   {passphrase}")
    print(f"  Recovery key: {result.recovery_key}")
    print(f"Open it with:   {open_with}")
    return 0


def _due(data_dir: str | None, *, demo: bool, within: int, fmt: str) -> int:
    """``peerdesk due``: the dated items, unlocked by $PEERDESK_PASSPHRASE; 1 on any vault error."""
    # Imported here: the window and 'peerdesk demo' should not pay for them.
    from peerdesk.export.due_listing import render
    from peerdesk.services.attention_service import AttentionService
    from peerdesk.services.clock import SystemClock

    clock = SystemClock()
    found = _with_vault(
        data_dir, demo, "list what is due", lambda ws: AttentionService(ws, clock).items(within)
    )
    if isinstance(found, int):
        return found
    _write(render(found, fmt, today=clock.today()), raw=fmt != "text")
    _warn_unencrypted(bool(found))
    return 0


def _match(args: argparse.Namespace) -> int:
    """``peerdesk match suggest|plan``: read-only matching, unlocked like ``peerdesk due``."""
    from peerdesk.domain.errors import NotFound
    from peerdesk.domain.ids import PersonId
    from peerdesk.export.match_listing import render_plan, render_suggestions
    from peerdesk.services.bundle import build
    from peerdesk.services.clock import SystemClock

    fmt = args.format

    def run(workspace: Workspace) -> str:
        matching = build(workspace, SystemClock()).matching
        if args.match_command == "suggest":
            found = matching.suggest(PersonId(args.person_id), limit=args.limit)
            return render_suggestions(found, fmt)
        return render_plan(matching.plan(), fmt)

    try:
        text = _with_vault(args.data_dir, args.demo, "match", run)
    except NotFound:
        _err(f"PeerDesk: there is no supported person with id {args.person_id} in this vault.")
        return 2
    if isinstance(text, int):
        return text
    _write(text, raw=fmt != "text")
    _warn_unencrypted(True)
    return 0


def _search(args: argparse.Namespace) -> int:
    """``peerdesk search``: the search service's first page, unlocked like ``peerdesk due``."""
    from peerdesk.export.search_listing import render
    from peerdesk.services.search_service import SearchService

    def run(workspace: Workspace) -> str:
        found = SearchService(workspace).search(
            args.text, include_confidential=args.include_confidential
        )
        return render(found, args.format)

    text = _with_vault(args.data_dir, args.demo, "search", run)
    if isinstance(text, int):
        return text
    _write(text, raw=args.format != "text")
    _warn_unencrypted(True)
    return 0


def _with_vault(
    data_dir: str | None, demo: bool, doing: str, read: Callable[[Workspace], T]
) -> T | int:
    """``read`` from the vault unlocked by $PEERDESK_PASSPHRASE; on a vault error the message is
    shown and 1 returned. ``NotFound`` from ``read`` is left to the caller."""
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if not passphrase:
        _err(f"PeerDesk: set {ENV_PASSPHRASE} to the vault's passphrase to {doing}.")
        return 1
    from peerdesk.domain.errors import NotFound, PeerDeskError
    from peerdesk.services import vault_service
    from peerdesk.storage.locations import resolve
    from peerdesk.storage.vault.files import VaultState

    paths, _chosen = resolve(data_dir, demo=demo)
    try:
        if vault_service.state(paths, may_create_folder=False) is VaultState.NEEDS_SETUP:
            _err(f"PeerDesk: there is no vault in {paths.folder} yet.")
            return 1
        workspace = vault_service.unlock(paths, passphrase)
        try:
            return read(workspace)
        finally:
            workspace.close()
    except NotFound:
        raise
    except PeerDeskError as error:
        _err(f"PeerDesk: {error}")
        return 1


def _warn_unencrypted(named: bool) -> None:
    if named and not sys.stdout.isatty():
        _err(
            "PeerDesk: this listing names people and is not encrypted: "
            "keep any file of it safe, and delete it when done."
        )


def _write(text: str, *, raw: bool) -> None:
    """CSV and JSON go out as UTF-8 bytes, untranslated (CSV rows end in CRLF on every system);
    text goes through the console's encoding, any character it lacks shown as "?"."""
    buffer = getattr(sys.stdout, "buffer", None)
    if raw and buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    sys.stdout.write(text)
    sys.stdout.flush()


def _progress(done: int, total: int) -> None:
    end = "\n" if done == total or not sys.stderr.isatty() else ""
    print(f"\r  {done:,} of {total:,} written", end=end, file=sys.stderr, flush=True)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
