"""Needs attention's matching lines (long waits, old proposals, quiet matches) on a large vault.

The demo vault (10,000 PSWs by default) is copied and given supported people (one per five
PSWs: 2,000), their status histories with holds, and matches at every stage with contact logs,
written in bulk. Figures: each matching source alone, and ``AttentionService.items(30)`` whole.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
from pathlib import Path

from sqlalchemy import func, insert, select

from _common import PASSPHRASE, Figure, demo_vault, median_of, parser, settings
from _common import print_table as print_figures
from peerdesk.services import vault_service
from peerdesk.services.attention_service import (
    AttentionService,
    long_wait_lines,
    quiet_match_lines,
    stale_proposal_lines,
)
from peerdesk.services.bundle import build
from peerdesk.services.clock import SystemClock
from peerdesk.storage.match_models import ContactRow, MatchRow, MatchStepRow
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel, PersonStatusChangeRow
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace

TARGET_SOURCES = 0.050
TARGET_ITEMS = 0.250
CACHE = "with-checks"


def fill(ws: Workspace, people: int, seed: int = 2026) -> dict[str, int]:
    """People with histories and matches, written in a few bulk statements."""
    rng = random.Random(seed)
    today = dt.date.today()
    now = dt.datetime.now()
    with ws.transaction() as s:
        psw_ids = [r[0] for r in s.execute(select(PswRowModel.id))]
        start = (s.scalar(select(func.max(PersonRowModel.id))) or 0) + 1
    rows, moves, matches, steps, contacts = [], [], [], [], []
    match_id = 0
    for n in range(people):
        pid = start + n
        referred = today - dt.timedelta(days=rng.randint(0, 200))
        roll = rng.random()
        status = "waiting" if roll < 0.5 else "on_hold" if roll < 0.6 else "matched"
        name = f"Person {pid}"
        rows.append(
            dict(id=pid, full_name=name, name_key=name.casefold(), search_key=name.casefold(),
                 referred_on=referred, status=status, status_since=referred, created_at=now,
                 updated_at=now, linked_psw_id=rng.choice(psw_ids) if rng.random() < 0.02 else None)
        )  # fmt: skip
        moves.append(dict(person_id=pid, to_status="waiting", changed_on=referred, recorded_at=now))
        span = (today - referred).days
        if status != "matched" and span > 10 and rng.random() < 0.3:
            held = referred + dt.timedelta(days=rng.randint(1, span - 5))
            moves.append(dict(person_id=pid, to_status="on_hold", changed_on=held, recorded_at=now))
            if status == "waiting":
                back = held + dt.timedelta(days=rng.randint(1, (today - held).days))
                moves.append(
                    dict(person_id=pid, to_status="waiting", changed_on=back, recorded_at=now)
                )
        if status != "matched" or span < 4:
            continue
        match_id += 1
        matches.append(dict(id=match_id, person_id=pid, psw_id=rng.choice(psw_ids), created_at=now))
        on = referred + dt.timedelta(days=rng.randint(0, span - 3))
        stages = rng.choice(
            [["proposed"], ["proposed", "introduced", "active"], ["proposed", "withdrawn"],
             ["proposed", "introduced", "active", "ended"]]
        )  # fmt: skip
        for day, stage in enumerate(stages):
            steps.append(dict(match_id=match_id, stage=stage, on=on + dt.timedelta(days=day),
                              by="Bench"))  # fmt: skip
        if "active" in stages:
            for _ in range(rng.randint(0, 6)):
                when = on + dt.timedelta(days=rng.randint(1, max(1, (today - on).days)))
                contacts.append(dict(match_id=match_id, on=min(when, today), minutes=60,
                                     mode="phone", outcome="attended"))  # fmt: skip
    with ws.transaction() as s:
        s.execute(insert(PersonRowModel), rows)
        s.execute(insert(PersonStatusChangeRow), moves)
        if matches:
            s.execute(insert(MatchRow), matches)
            s.execute(insert(MatchStepRow), steps)
        if contacts:
            s.execute(insert(ContactRow), contacts)
    return {"people": len(rows), "matches": len(matches), "contacts": len(contacts)}


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    cached = demo_vault(s.work / CACHE, s.psws)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        shutil.copytree(cached, folder)
        services = build(vault_service.unlock(VaultPaths(folder), PASSPHRASE))
        try:
            made = fill(services.workspace, max(1, s.psws // 5))
            clock = SystemClock()
            figures = []
            for source in (long_wait_lines, stale_proposal_lines, quiet_match_lines):
                alone = AttentionService(services.workspace, clock, sources=(source,))
                count = len(alone.items(30))
                figures.append(
                    Figure(
                        f"{source.__name__} ({count:,} lines)",
                        median_of(s.runs, lambda a=alone: a.items(30)),  # type: ignore[misc]
                        target=TARGET_SOURCES,
                    )
                )
            total = len(services.attention.items(30))
            figures.append(
                Figure(
                    f"AttentionService.items(30) ({total:,} lines)",
                    median_of(s.runs, lambda: services.attention.items(30)),
                    target=TARGET_ITEMS,
                )
            )
        finally:
            services.close()
    ok = print_figures(
        f"Matching lines of Needs attention, {s.psws:,} PSWs, {made['people']:,} people, "
        f"{made['matches']:,} matches, {made['contacts']:,} contacts, median of {s.runs}",
        figures,
    )
    return 0 if ok or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
