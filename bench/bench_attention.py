"""Needs attention and `peerdesk due` on a large vault with check histories, beside raw SQLCipher.

The vault is the one ``peerdesk demo`` makes: every PSW carries a history true to their journey
(references, DBS checks with renewals or Update Service status checks, OH, induction, 8-12
training records, some adjustments), with requirement due dates recomputed as it is written.
Figures:

- ``AttentionService.items(30)`` in process, beside the same selection as one raw SQL statement
  on a raw sqlcipher3 connection to the same vault (``floor_due.RAW_SELECTION``);
- ``peerdesk due --within 30 --format json`` start to exit (test KDF cost), beside a bare Python
  process that derives the key, opens the vault with sqlcipher3 and runs the raw statement.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from _common import PASSPHRASE, REPO, Figure, demo_vault, env, median_of, parser, settings
from _common import print_table as print_figures
from floor_due import open_raw, raw_rows
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths

TARGET_ITEMS = 0.200
TARGET_CLI = 1.5
WITHIN = 30
CACHE = "with-checks"
"""Its own cache folder: demo vaults cached before demo data had check histories are not used."""


def run_process(args: list[str], **extra: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(args, env=env(**extra), capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode()}")
    return done


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    paths = VaultPaths(demo_vault(s.work / CACHE, s.psws))
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
