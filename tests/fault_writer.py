"""A child process that saves one PSW (or makes one backup) and prints what the coordinator read.

Run as ``python -m tests.fault_writer save|backup FOLDER [ARG]`` from the project root, usually
under ``strace`` injecting write errors. The save (or backup) is fenced by two ``access`` calls on
marker paths, so a trace shows which system calls belong to it. It prints one JSON line:
``{"saved": id}`` / ``{"backup": path}`` or ``{"message": words}`` (the text the UI shows for a
PeerDesk error: ``ui.error_reporting.show_error`` shows ``str(error)``).
"""

from __future__ import annotations

import json
import os
import select
import sys
from pathlib import Path

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import NOW, PASSPHRASE

START = "/peerdesk-fault-mark-start"
END = "/peerdesk-fault-mark-end"
PROBE = "/peerdesk-fault-mark-probe"
NOTES = "Prefers evening shifts; speaks Welsh and Urdu. " * 40
"""Long enough that the new rows span several pages (so a save has several write steps)."""


WAIT = "PEERDESK_FAULT_WRITER_WAIT"
"""Set to 1: after unlocking, print ``ready`` and wait for a line on stdin before acting."""


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wait_for_go() -> None:
    """Touch ``PROBE`` every few milliseconds until a line comes on stdin: the runner sends it
    once a probe shows in the trace, i.e. once strace really is stopping at system calls."""
    while not select.select([sys.stdin], [], [], 0.005)[0]:
        mark(PROBE)
    sys.stdin.readline()


def mark(path: str) -> None:
    """A system call that shows in a trace but writes nothing: the fence around the action."""
    os.access(path, os.F_OK)


def run(action: str, folder: Path, arg: str) -> dict[str, object]:
    try:
        services = build(vault_service.unlock(VaultPaths(folder), PASSPHRASE), FixedClock(NOW))
    except PeerDeskError as error:
        return {"unlock": str(error)}
    if os.environ.get(WAIT) == "1":  # strace attaches now, so its counts start at the action
        say("ready")
        wait_for_go()
    try:
        mark(START)
        try:
            if action == "save":
                psw, _ = services.psws.create(
                    PswDetails(full_name=arg, known_as=arg.split()[0], notes=NOTES),
                    status=JourneyStatus.ENQUIRY,
                )
                return {"saved": int(psw.id)}
            made = services.backups.back_up(Path(arg))
            return {"backup": str(made.path)}
        except PeerDeskError as error:
            return {"message": str(error)}
        finally:
            mark(END)
    finally:
        services.close()


def main(argv: list[str]) -> int:
    action, folder, arg = argv[0], Path(argv[1]), argv[2] if len(argv) > 2 else ""
    if action not in ("save", "backup"):
        print(f"unknown action {action}", file=sys.stderr)
        return 2
    say(json.dumps(run(action, folder, arg)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
