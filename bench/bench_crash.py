"""Crash harness at scale: SIGKILL a writer on the real services N times; nothing may be lost."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import crash_harness


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument(
        "--fresh-every",
        type=int,
        default=100,
        help="start a new vault after this many kills (0: one vault throughout), so the "
        "check after each kill, which re-reads the whole vault, does not grow without end",
    )
    parser.add_argument("--quick", action="store_true", help="20 kills, for CI")
    options = parser.parse_args()
    kills = 20 if options.quick else options.kills
    with tempfile.TemporaryDirectory(prefix="peerdesk-crash-") as work:
        floor = crash_harness.floor_seconds(Path(work))
        began = time.perf_counter()
        tally = crash_harness.run(
            Path(work), kills, options.seed, fresh_every=options.fresh_every or None
        )
        took = time.perf_counter() - began
    fresh = f", a new vault every {options.fresh_every}" if options.fresh_every else ""
    during = f"{tally.migration_kills} during a migration{fresh}"
    print(f"kills                 {tally.kills} ({during})")
    print(f"acknowledged ids      {tally.acknowledged}")
    print(f"lost                  {len(tally.lost)}")
    print(f"torn                  {len(tally.torn)}")
    print(f"failed reopens        {len(tally.failed_reopens)}")
    print(f"partial backups kept  {tally.partial_backups_counted}")
    print(f"floor (start + open)  {floor:.2f} s")
    print(f"total                 {took:.0f} s ({took / max(kills, 1):.2f} s a kill)")
    for line in sorted(tally.lost | tally.torn)[:20] + tally.failed_reopens[:20]:
        print("  ", line)
    bad = tally.lost or tally.torn or tally.failed_reopens or tally.partial_backups_counted
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
