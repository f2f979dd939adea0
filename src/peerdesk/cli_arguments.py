"""The pieces of the ``peerdesk`` parser: the match commands, --data-dir and checked numbers."""

from __future__ import annotations

import argparse

from peerdesk.cli_vault import ENV_PASSPHRASE

MATCH_EXIT_CODES = (
    "exit codes:\n  0 listed   1 the vault could not be opened or read (the message says why)\n"
    "  2 the command was mistyped, or there is no supported person with that id"
)


def match_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        type=person_id,
        metavar="PERSON_ID",
        help="the supported person's id (as shown on the People page)",
    )
    suggest.add_argument(
        "--limit",
        type=limit,
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
        data_dir_option(sub, default=argparse.SUPPRESS)


def data_dir_option(parser: argparse.ArgumentParser, **extra: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder holding the vault (default: your user data folder; or $PEERDESK_DATA_DIR)",
        **extra,  # type: ignore[arg-type]
    )


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("give a number from 0 to 1,000,000")
    return value


def days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError("give a number of days from 0 to 3650")
    return value


def person_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a person's id (a whole number)"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError("a person's id is a whole number from 1")
    return value


def limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("give a number from 1 to 10,000")
    return value
