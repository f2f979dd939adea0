"""``peerdesk forms``: the four blank paper forms as PDFs in a folder, all of them or none."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.cli_arguments import data_dir_option
from peerdesk.cli_vault import ENV_PASSPHRASE, err, with_vault

if TYPE_CHECKING:
    from peerdesk.domain.progress import Exported
    from peerdesk.storage.workspace import Workspace

DESCRIPTION = f"""\
Save the blank forms to print and fill in by hand, then type in later in the same order:
  PD-CL  contact log sheet        PD-SU  peer support worker sign-up (with the consent wording
  PD-RF  referral                        and its version)
  PD-SN  supervision note
Each page's footer says the form's code and version ("Form PD-CL v1"). Tick boxes list the
current lists (areas, lived experience, topics...), so print again after changing them.

Blank forms hold no one's details, so unlike 'peerdesk export' there is no warning about an
unencrypted file; once filled in by hand they are personal, and every page says CONFIDENTIAL.
Each file is written beside its final name and renamed when complete; an existing file is
never replaced without --force, and if any one cannot be saved none is left.
The vault (for the lists and the organisation's name) is unlocked with ${ENV_PASSPHRASE}."""
EXIT_CODES = (
    "exit codes:\n  0 saved   1 PeerDesk could not do it (the message says why; nothing was\n"
    "  written)   2 the command was mistyped"
)


def add_forms_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``peerdesk forms`` on the top-level parser's commands."""
    forms = commands.add_parser(
        "forms",
        help="save the blank paper forms (contact log, sign-up, referral, supervision) as PDFs",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    forms.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="the folder to save them in (it must exist); default: the current folder",
    )
    forms.add_argument("--force", action="store_true", help="replace files that exist")
    data_dir_option(forms, default=argparse.SUPPRESS)


def forms(args: argparse.Namespace) -> int:
    """Run ``peerdesk forms``; returns the exit code."""
    folder: Path = args.out if args.out is not None else Path.cwd()
    if not folder.is_dir():
        err(f"peerdesk forms: --out must be a folder that exists; {folder} is not one.")
        return 2

    def make_all(workspace: Workspace) -> list[Exported]:
        from peerdesk.domain.progress import Progress
        from peerdesk.services.bundle import build
        from peerdesk.services.clock import SystemClock
        from peerdesk.services.form_documents import FORM_CODES

        services = build(workspace, SystemClock())
        return [services.forms.make(code, Progress()) for code in FORM_CODES]

    try:
        made = with_vault(args.data_dir, args.demo, "print blank forms", make_all)
    except KeyboardInterrupt:
        err("\nStopped. Nothing was written.")
        return 130
    if isinstance(made, int):
        return made
    return _save_all(folder, made, force=args.force)


def _save_all(folder: Path, made: list[Exported], *, force: bool) -> int:
    from peerdesk.export.atomic_file import not_saved_text, write_atomically

    targets = [folder / Path(m.name).name for m in made]
    taken = [t for t in targets if t.exists()]
    if taken and not force:
        names = ", ".join(t.name for t in taken)
        err(f"PeerDesk: {names} already in {folder}; add --force to replace. Nothing was written.")
        return 1
    written: list[Path] = []
    for target, form in zip(targets, made, strict=True):
        try:
            write_atomically(target, form.data, force=force)
        except (OSError, KeyboardInterrupt) as error:
            for done in written:  # all or none: take back the ones already saved
                done.unlink(missing_ok=True)
            if isinstance(error, KeyboardInterrupt):
                err("\nStopped. Nothing was written.")
                return 130
            err(f"PeerDesk: {not_saved_text(target, error)} No form was saved.")
            return 1
        written.append(target)
    for target, form in zip(targets, made, strict=True):
        note = f" {form.note}" if form.note else ""
        err(f"Saved {target}.{note}")
    return 0
