"""Import of 10,000 spreadsheet rows: read, map, dry run and commit, beside csv.reader alone.

A CSV of generated volunteers (accented names, day-first dates of birth, emails, phones, role,
status, one or two languages and an area from the starting lists, a short note) is written
once. Each run copies a fresh empty vault, then times the whole import as the window does it:
read the file (kind, encoding and delimiter judged), guess the mapping from the headers, dry
run every row, and commit them all in one transaction. Progress callbacks are counted, so the
bar is shown to move. The floor is ``csv.reader`` over the same file in the same run.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

from _common import PASSPHRASE, SEED, Figure, parser, settings
from _common import print_table as print_figures
from peerdesk.domain.import_fields import guess_mapping
from peerdesk.domain.progress import Progress
from peerdesk.domain.taxonomy import ListKind
from peerdesk.export.spreadsheet_read import read_import_file
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

TARGET = 5.0
FULL_ROWS = 10_000
QUICK_ROWS = 500
FIRST = [
    "Zoë",
    "Siobhán",
    "Łukasz",
    "Amir",
    "Priya",
    "Niamh",
    "Oluwaseun",
    "Dafydd",
    "Chloé",
    "Mehmet",
    "Ana",
    "Björn",
]
LAST = [
    "Nguyễn",
    "O'Brien",
    "Kowalski",
    "Khan",
    "Patel",
    "Murphy",
    "Adeyemi",
    "Jones",
    "Martin",
    "Yılmaz",
    "Silva",
]


def template(work: Path) -> VaultPaths:
    """An empty vault with the starting lists, made once and copied per run."""
    paths = VaultPaths(work / "import-template" / "vault")
    if not paths.db.is_file():
        shutil.rmtree(paths.folder.parent, ignore_errors=True)
        paths.folder.parent.mkdir(parents=True)
        made = vault_service.create(
            paths, organisation="Bench", passphrase=PASSPHRASE, kdf=TEST_KDF
        )
        with made.workspace.reading() as s:
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        made.workspace.close()
    return paths


def spreadsheet(path: Path, rows: int, languages: list[str], areas: list[str]) -> None:
    rng = random.Random(SEED)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["Forename", "Surname", "DOB", "Email", "Phone", "Role", "Status", "Languages", "Area",
         "Notes"]
    )  # fmt: skip
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        writer.writerow(
            [
                first,
                last,
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2005)}",
                f"v{i}@example.org",
                f"07700 9{i:05d}",
                rng.choice(["Volunteer", "Volunteer", "Paid"]),
                rng.choice(["Enquiry", "Application", "Active"]),
                "; ".join(rng.sample(languages, rng.randint(1, 2))),
                rng.choice(areas),
                "Prefers evenings; happy to do group sessions." if i % 3 else "",
            ]
        )
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


def fresh(template_paths: VaultPaths, work: Path) -> VaultPaths:
    paths = VaultPaths(work / "import-run" / "vault")
    shutil.rmtree(paths.folder.parent, ignore_errors=True)
    paths.folder.mkdir(parents=True)
    for source in (template_paths.db, template_paths.header):
        shutil.copy2(source, paths.folder / source.name)
    return paths


def main() -> int:
    args = parser(__doc__ or "").parse_args()
    s = settings(args)
    rows = QUICK_ROWS if s.quick else FULL_ROWS
    work = s.work
    base = template(work)
    services = build(vault_service.unlock(base, PASSPHRASE))
    try:
        languages = [i.name for i in services.lists.items(ListKind.LANGUAGE)]
        areas = [i.name for i in services.lists.items(ListKind.AREA)]
    finally:
        services.close()
    file = work / f"import-{rows}.csv"
    spreadsheet(file, rows, languages, areas)
    timings, floors, steps = [], [], []
    for _ in range(s.runs):
        started = time.perf_counter()
        with file.open(newline="", encoding="utf-8-sig") as handle:
            read = sum(1 for _ in csv.reader(handle))
        floors.append(time.perf_counter() - started)
        assert read == rows + 1
        services = build(vault_service.unlock(fresh(base, work), PASSPHRASE))
        calls = 0

        def counted(done: int, total: int) -> None:
            nonlocal calls
            calls += 1

        try:
            started = time.perf_counter()
            table = read_import_file(file)
            plan = services.imports.dry_run(
                table, guess_mapping(table.headers), progress=Progress(counted)
            )
            assert plan.can_commit(), plan.errors()[:3]
            result = services.imports.commit(plan, progress=Progress(counted))
            timings.append(time.perf_counter() - started)
        finally:
            services.close()
        assert len(result.created) == plan.counts().new > rows * 0.99, plan.counts()
        steps.append(calls)
    ok = print_figures(
        f"Import of {rows:,} rows (CSV, {file.stat().st_size / 1e6:.1f} MB): read, map, dry run "
        f"and commit in one transaction; {min(steps)} progress reports a run",
        [Figure("import, dry run + commit", statistics.median(timings), target=TARGET,
                floor=statistics.median(floors), unit="s")],
    )  # fmt: skip
    moving = min(steps) >= rows // 500
    if not moving:
        print(f"  progress reported only {min(steps)} times", file=sys.stderr)
    return 0 if ok and moving else 1


if __name__ == "__main__":
    sys.exit(main())
