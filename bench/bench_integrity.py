"""SQLite's integrity checks on 10,000- and 100,000-PSW demo vaults, beside a file copy.

The vaults are ``peerdesk demo`` vaults cached by ``_common.demo_vault`` (the 100,000 one takes a
while to build the first time). Each check runs through ``IntegrityService`` as the app runs it
(``quick_check``: ``PRAGMA quick_check``; ``full_check``: ``integrity_check``,
``cipher_integrity_check``, ``foreign_key_check`` then the audit chain), and each PRAGMA alone
on the service's own connection. Floor, same run: ``shutil.copy`` of the closed vault files.
No targets are set by the issue: the figures are reported.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from _common import PASSPHRASE, Figure, copy_vault, demo_vault, median_of, parser, settings
from _common import print_table as print_figures
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage import backups
from peerdesk.storage.vault.files import DB_NAME, VaultPaths

FULL_SIZES = (10_000, 100_000)
QUICK_SIZES = (200,)
PRAGMAS = ("quick_check", "integrity_check", "cipher_integrity_check")


def pragma(services: Any, name: str) -> None:
    raw = backups.engine_of(services.workspace).raw_connection()
    try:
        rows = raw.driver_connection.execute(f"PRAGMA {name}").fetchall()
    finally:
        raw.close()
    if name != "cipher_integrity_check" and [tuple(r) for r in rows] != [("ok",)]:
        raise SystemExit(f"{name} did not pass: {rows[:3]}")
    if name == "cipher_integrity_check" and rows:
        raise SystemExit(f"{name} found problems: {rows[:3]}")


def measure(psws: int, work: Path, runs: int) -> list[Figure]:
    source = demo_vault(work, psws)
    scratch = work / "integrity-bench"
    floor = median_of(
        runs, lambda: copy_vault(source, scratch, fresh=False)
    )  # the copy is then checked
    size_mb = (source / DB_NAME).stat().st_size / 1e6
    print(f"({psws:,} PSWs: {size_mb:,.0f} MB vault)")
    services = build(vault_service.unlock(VaultPaths(scratch), PASSPHRASE))
    name = f"{psws:,} PSWs"
    figures = [Figure(f"{name}: file copy of the closed vault (floor)", floor)]
    try:
        figures.append(
            Figure(
                f"{name}: IntegrityService.quick_check",
                median_of(runs, services.integrity.quick_check),
                floor=floor,
            )
        )
        for check in PRAGMAS:
            figures.append(
                Figure(
                    f"{name}: PRAGMA {check}",
                    median_of(runs, lambda check=check: pragma(services, check)),  # type: ignore[misc]
                    floor=floor,
                )
            )
        figures.append(
            Figure(
                f"{name}: IntegrityService.full_check (all + audit chain)",
                median_of(max(1, runs // 2), services.integrity.full_check),
                floor=floor,
            )
        )
    finally:
        services.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return figures


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    sizes = (s.psws,) if args.psws is not None else (QUICK_SIZES if s.quick else FULL_SIZES)
    figures: list[Figure] = []
    for psws in sizes:
        figures += measure(psws, s.work, 3 if s.quick else min(s.runs, 3))
    print_figures("Integrity checks (floor: file copy of the closed vault, same run)", figures)
    print("\nno target set by the issue: figures reported (met)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
