"""A child process that keeps writing through the real services until it is killed.

``python -m tests.crash_writer FOLDER SEED [PASSPHRASE]``: unlocks (migrating an old vault),
prints ``ready``, then forever: new PSWs, edits, supervision sessions, a backup now and then and
the erasure of an old enquiry. Each line is printed (and flushed) only after its commit:
``psw ID``, ``edit ID``, ``session ID``, ``backup PATH``, ``erasing ID`` (before), ``erased ID``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, SessionDraft
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import NOW, PASSPHRASE

LATER = dt.datetime(2029, 1, 10, 9, 0)
"""The retention service's clock: every enquiry that left is past its six months by then."""


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def new_psw(services: Services, rng: random.Random, status: JourneyStatus) -> PswId:
    name = f"Crash {rng.randrange(10**6):06d} Ó'Brien"
    psw, _ = services.psws.create(
        PswDetails(full_name=name, known_as="C", notes="notes " * rng.randrange(1, 400)),
        status=status,
    )
    return psw.id


def erase_an_enquiry(services: Services, later: Services, rng: random.Random) -> None:
    psw = new_psw(services, rng, JourneyStatus.ENQUIRY)
    say(f"psw {psw}")
    current = services.psws.get(psw)
    services.psws.change_status(
        psw, JourneyStatus.LEFT, on=NOW.date(), reason="No reply", version=current.version
    )
    due = [d for d in later.retention.preview().due if d.record_id == psw]
    say(f"erasing {psw}")
    later.retention.act(due, Progress())
    say(f"erased {psw}")


def step(services: Services, later: Services, rng: random.Random, mine: list[PswId]) -> None:
    roll = rng.random()
    if roll < 0.4 or not mine:
        mine.append(new_psw(services, rng, JourneyStatus.INDUCTION))
        say(f"psw {mine[-1]}")
    elif roll < 0.65:
        target = rng.choice(mine)
        current = services.psws.get(target)
        details = PswDetails(full_name=current.details.full_name, notes=f"edit {rng.random()}")
        services.psws.update(target, details, version=current.version)
        say(f"edit {target}")
    elif roll < 0.88:
        people = [rng.choice(mine)]
        draft = SessionDraft(
            kind=SupervisionKind.MANAGERIAL,
            supervisor="Sam Lee",
            held_on=NOW.date() - dt.timedelta(days=rng.randrange(0, 60)),
            minutes=50,
            attendees=tuple(AttendeeDraft(p) for p in people),
        )
        session_id, _ = services.supervision.record(draft)
        say(f"session {session_id}")
    elif roll < 0.95:
        made = services.backups.back_up_automatically()
        say(f"backup {made.path}")
    else:
        erase_an_enquiry(services, later, rng)


def main(argv: list[str]) -> int:
    folder, seed = Path(argv[0]), int(argv[1])
    passphrase = argv[2] if len(argv) > 2 else PASSPHRASE
    services = build(vault_service.unlock(VaultPaths(folder), passphrase), FixedClock(NOW))
    later = build(services.workspace, FixedClock(LATER))
    services = build(services.workspace, FixedClock(NOW))  # ``build`` set the audit clock
    say("ready")
    if seed < 0:  # the floor: start, open, stop
        return 0
    rng = random.Random(seed)
    with services.workspace.reading() as s:
        rows = s.connection().exec_driver_sql("SELECT id FROM psw WHERE status != 'left'")
        mine = [PswId(int(r[0])) for r in rows]
    while True:
        step(services, later, rng, mine)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
