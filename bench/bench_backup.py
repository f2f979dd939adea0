"""Backup, verify and erasure on the 10,000-PSW demo vault and the 200,000-note search vault.

Each vault (cached by ``_common.demo_vault`` / ``bench_search.search_vault``) is copied into a
folder of this bench's own, so no other bench's vault is changed. Floor, same run: copying the
closed vault's files with ``shutil.copy``. Figures:

- backup: ``BackupService.back_up`` (``VACUUM INTO``, fsync, manifest, then its own verify);
- verify: ``storage.backups.verify`` alone on that backup (``cipher_integrity_check``,
  ``integrity_check``, counts);
- erasing one PSW with many notes: one record's transaction of ``RetentionService.act`` (secure
  delete, FTS5 secure-delete, ledger), timed between its progress steps, so without the batch's
  compaction; the PSWs with the most supervision sessions are erased, one batch of ``runs``;
- the batch's single compaction (``record_erasure.compact``: FTS optimize, VACUUM, WAL
  checkpoint), timed by wrapping the real function.
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import PASSPHRASE, Figure, copy_vault, demo_vault, median_of, parser, settings
from _common import print_table as print_figures
from bench_search import FULL_NOTES, QUICK_NOTES, search_vault
from peerdesk.domain.progress import Progress
from peerdesk.domain.retention import RecordKind
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.retention_service import REQUEST
from peerdesk.storage import backups, record_erasure
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import DB_NAME, VaultPaths

BACKUP_X_FLOOR = 3.0
VERIFY_X_FLOOR = 4.0
TARGET_ERASE = 1.0


def busiest_psws(services: Services, count: int) -> list[int]:
    """The PSWs with the most one-to-one supervision sessions (the most notes to erase)."""
    from sqlalchemy import text

    with services.workspace.reading() as s:
        rows = s.execute(
            text(
                "SELECT a.psw_id FROM supervision_attendee a JOIN supervision_session s"
                " ON s.id = a.session_id GROUP BY a.psw_id ORDER BY count(*) DESC LIMIT :n"
            ),
            {"n": count},
        )
        return [int(r[0]) for r in rows]


def erase_batch(services: Services, count: int) -> tuple[list[float], float]:
    """Erase ``count`` busy PSWs in one act: each record's seconds, and the compaction's."""
    chosen = [
        services.retention.erasure_for_request(RecordKind.PSW, psw, 1)
        for psw in busiest_psws(services, count)
    ]
    stamps: list[float] = []
    compacting: list[float] = []
    real_compact = record_erasure.compact

    def timed_compact(engine: object) -> None:
        started = time.perf_counter()
        real_compact(engine)  # type: ignore[arg-type]
        compacting.append(time.perf_counter() - started)

    record_erasure.compact = timed_compact  # type: ignore[assignment]
    try:
        progress = Progress(lambda _done, _total: stamps.append(time.perf_counter()))
        result = services.retention.act(chosen, progress, reason=REQUEST)
    finally:
        record_erasure.compact = real_compact
    if len(result.done) != len(chosen):
        raise SystemExit(f"erased {len(result.done)} of {len(chosen)}: {result.skipped}")
    return [b - a for a, b in itertools.pairwise(stamps)], compacting[0]


def measure(name: str, source: Path, scratch: Path, runs: int, erasures: int) -> list[Figure]:
    own = scratch / name
    floor = median_of(runs, lambda: copy_vault(source, scratch / f"{name}-floor", fresh=False))
    shutil.rmtree(scratch / f"{name}-floor")
    copy_vault(source, own)
    size_mb = (own / DB_NAME).stat().st_size / 1e6
    services = build(vault_service.unlock(VaultPaths(own), PASSPHRASE))
    out = scratch / f"{name}-backups"
    made: list[Path] = []
    try:
        key = engine_key(backups.engine_of(services.workspace))
        assert key is not None

        def back_up() -> None:
            made.append(services.backups.back_up(out).path)

        def drop() -> None:
            while made:
                shutil.rmtree(made.pop(), ignore_errors=True)

        backup = median_of(runs, back_up, before=drop)
        verify = median_of(runs, lambda: backups.verify(made[-1], key))
        drop()
        each, compaction = erase_batch(services, erasures)
    finally:
        services.close()
        shutil.rmtree(out, ignore_errors=True)
    print(f"({name}: {size_mb:,.0f} MB vault; erased {len(each)} PSWs in one batch)")
    return [
        Figure(f"{name}: file copy of the closed vault (floor)", floor),
        Figure(f"{name}: backup (VACUUM INTO + its verify)", backup, BACKUP_X_FLOOR * floor, floor),
        Figure(f"{name}: verify alone", verify, VERIFY_X_FLOOR * floor, floor),
        Figure(
            f"{name}: backup less its verify (the copy)", max(backup - verify, 0.0), None, floor
        ),
        Figure(f"{name}: erase one busy PSW, median", statistics.median(each), TARGET_ERASE),
        Figure(f"{name}: erase one busy PSW, worst", max(each), TARGET_ERASE),
        Figure(f"{name}: the batch's one compaction (VACUUM)", compaction),
    ]


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    notes = QUICK_NOTES if s.quick else FULL_NOTES
    scratch = s.work / "backup-bench"
    vaults: list[tuple[str, Callable[[], Path]]] = [
        (f"{s.psws:,} PSWs", lambda: demo_vault(s.work, s.psws)),
        (f"{notes:,} notes", lambda: search_vault(s.work, notes)),
    ]
    figures: list[Figure] = []
    try:
        for name, source in vaults:
            figures += measure(name, source(), scratch, s.runs, 3 if s.quick else 10)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    met = print_figures("Backup, verify and erasure (floor: file copy, same run)", figures)
    print("\nall targets met" if met else "\nMISSED a target")
    return 0 if met or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
