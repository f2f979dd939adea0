"""Needs attention and `peerdesk due` on a large vault with check histories, beside raw SQLCipher.

The demo vault (``peerdesk demo``) is copied once and given check histories for every PSW: DBS
checks, two references (some still awaited), an OH referral, induction, 8-12 training records,
and some adjustments with review dates; then every requirement's due date is recomputed. Figures:

- ``AttentionService.items(30)`` in process, beside the same selection as one raw SQL statement
  on a raw sqlcipher3 connection to the same vault (``floor_due.RAW_SELECTION``);
- ``peerdesk due --within 30 --format json`` start to exit (test KDF cost), beside a bare Python
  process that derives the key, opens the vault with sqlcipher3 and runs the raw statement.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from _common import PASSPHRASE, REPO, SEED, Figure, demo_vault, env, median_of, parser, settings
from _common import print_table as print_figures
from floor_due import open_raw, raw_rows
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage import evidence_queries
from peerdesk.storage.check_models import (
    AdjustmentRow,
    DbsCheckRow,
    InductionItemRow,
    InductionRow,
    OhReferralRow,
    ReferenceRow,
    TrainingCourseRow,
    TrainingRecordRow,
    TrainingTopicRow,
)
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.vault.files import VaultPaths

TARGET_ITEMS = 0.200
TARGET_CLI = 1.5
WITHIN = 30
READY_MARK = "histories-ready"


def with_histories(work: Path, psws: int) -> VaultPaths:
    """A copy of the fast-KDF demo vault with check histories for everyone (made once)."""
    folder = work / f"attention-v3-{psws}-{SEED}"
    if (folder / READY_MARK).is_file():
        return VaultPaths(folder)
    source = VaultPaths(demo_vault(work, psws))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in (source.db, source.header):
        shutil.copy2(path, folder / path.name)
    paths = VaultPaths(folder)
    workspace = vault_service.unlock(paths, PASSPHRASE)
    try:
        with workspace.transaction() as s:
            _add_histories(s, dt.date.today())
            evidence_queries.recompute_due(s, None, dt.date.today())
        with workspace.reading() as s:
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        workspace.close()
    (folder / READY_MARK).write_text("ok\n")
    return paths


def _add_histories(s: Session, today: dt.date) -> None:
    rnd = random.Random(SEED)
    topics = list(s.execute(select(TrainingTopicRow.id, TrainingTopicRow.name)))
    courses = []
    for topic_id, name in topics:
        months = 24 if name.lower().startswith("safeguarding") else rnd.choice([None, 36, 12])
        courses.append(
            {
                "name": f"{name} course",
                "topic_id": topic_id,
                "provider": "Council",
                "hours": 3.0,
                "validity_months": months,
            }
        )
    s.execute(insert(TrainingCourseRow), courses)
    course_ids = list(s.scalars(select(TrainingCourseRow.id)))
    people = list(s.execute(select(PswRowModel.id, PswRowModel.status)))
    dbs, refs, oh, induction, items, training, adjustments = [], [], [], [], [], [], []

    def ago(low: int, high: int) -> dt.date:
        return today - dt.timedelta(days=rnd.randint(low, high))

    safeguarding = next(
        c
        for c, (_, name) in zip(course_ids, topics, strict=True)
        if name.lower() == "safeguarding adults"
    )
    for psw_id, status in people:
        # Applicants' references are still coming in; everyone further on has theirs.
        if status == "enquiry":
            continue
        applicant = status in ("application", "interview", "checks")
        for position in (1, 2):
            requested = ago(3, 60) if applicant else ago(400, 1500)
            received = None
            if not applicant or rnd.random() < 0.5:
                received = requested + dt.timedelta(days=rnd.randint(3, 20))
            refs.append(
                {
                    "psw_id": psw_id,
                    "position": position,
                    "kind": "employer",
                    "referee": f"Referee {position}",
                    "contact": "",
                    "requested_on": requested,
                    "received_on": received,
                    "satisfactory": None if received is None else True,
                    "outcome_on": received,
                }
            )
        if status in ("enquiry", "application", "interview"):
            continue
        # Renewed on time, mostly: issue dates spread over a little more than the 36 months.
        for _ in range(rnd.choice([1, 1, 2])):
            issued = ago(20, 1140)
            decided = status != "checks" or rnd.random() < 0.5
            dbs.append(
                {
                    "psw_id": psw_id,
                    "scheme": "dbs",
                    "level": "enhanced",
                    "certificate_number": f"{rnd.randrange(10**12):012d}",
                    "issued_on": issued,
                    "decision": "cleared" if decided else None,
                    "decided_on": issued + dt.timedelta(days=3) if decided else None,
                }
            )
        if status == "checks":
            continue
        referred = ago(400, 1500)
        oh.append(
            {
                "psw_id": psw_id,
                "referred_on": referred,
                "outcome": "fit",
                "outcome_on": referred + dt.timedelta(days=7),
            }
        )
        induction.append({"psw_id": psw_id, "mentor": "Jo Bloggs"})
        done = ago(300, 1400)
        for position, name in enumerate(("Welcome", "E-learning", "Shadowing"), start=1):
            finished = status != "induction" and rnd.random() > 0.01
            items.append(
                {
                    "psw_id": psw_id,
                    "name": name,
                    "position": position,
                    "done_on": done if finished else None,
                }
            )
        # 8-12 courses, safeguarding adults among them, refreshed about every 24 months.
        others = [c for c in course_ids if c != safeguarding]
        training.append({"psw_id": psw_id, "course_id": safeguarding, "done_on": ago(1, 760)})
        for course_id in rnd.sample(others, min(len(others), rnd.randint(7, 11))):
            training.append({"psw_id": psw_id, "course_id": course_id, "done_on": ago(1, 1000)})
        if rnd.random() < 0.1:
            adjustments.append(
                {
                    "psw_id": psw_id,
                    "category": "Hours",
                    "what": "Short shifts",
                    "status": "in_place",
                    "review_on": ago(-180, 30),
                }
            )
    for model, rows in (
        (DbsCheckRow, dbs),
        (ReferenceRow, refs),
        (OhReferralRow, oh),
        (InductionRow, induction),
        (InductionItemRow, items),
        (TrainingRecordRow, training),
        (AdjustmentRow, adjustments),
    ):
        if rows:
            s.execute(insert(model), rows)


def run_process(args: list[str], **extra: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(args, env=env(**extra), capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode()}")
    return done


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    paths = with_histories(s.work, s.psws)
    services = build(vault_service.unlock(paths, PASSPHRASE))
    raw = open_raw(paths, PASSPHRASE)
    try:
        items = services.attention.items(WITHIN)
        rows = raw_rows(raw, dt.date.today(), WITHIN)
        in_process = median_of(s.runs, lambda: services.attention.items(WITHIN))
        floor = median_of(s.runs, lambda: raw_rows(raw, dt.date.today(), WITHIN))
    finally:
        services.close()
        raw.close()
    due = [
        sys.executable,
        "-m",
        "peerdesk",
        "due",
        "--within",
        str(WITHIN),
        "--format",
        "json",
        "--data-dir",
        str(paths.folder),
    ]
    bare = [sys.executable, str(REPO / "bench" / "floor_due.py"), str(paths.folder), str(WITHIN)]
    secret = {"PEERDESK_PASSPHRASE": PASSPHRASE}
    run_process(due, **secret)  # warm the file cache for both
    cli = median_of(s.runs, lambda: run_process(due, **secret))
    cli_floor = median_of(s.runs, lambda: run_process(bare, **secret))
    ok = print_figures(
        f"Needs attention, {s.psws:,} PSWs with check histories, median of {s.runs} "
        f"({len(items):,} lines; the raw selection returns {len(rows):,} rows)",
        [
            Figure(
                f"AttentionService.items({WITHIN})", in_process, target=TARGET_ITEMS, floor=floor
            ),
            Figure(
                f"peerdesk due --within {WITHIN} --format json (process)",
                cli,
                target=TARGET_CLI,
                floor=cli_floor,
                unit="s",
            ),
        ],
    )
    return 0 if ok or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
