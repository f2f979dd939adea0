"""Test 10: SIGKILLs at seeded random times in saves, backups, erasures and a migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import crash_harness

KILLS = 20
SEED = 20261123


@pytest.mark.slow
def test_twenty_kills_lose_nothing_acknowledged_and_tear_nothing(tmp_path: Path) -> None:
    tally = crash_harness.run(tmp_path, KILLS, SEED)
    assert tally.kills == KILLS and tally.migration_kills == KILLS // 3
    assert tally.acknowledged > KILLS  # the writer did get to write between kills
    assert tally.failed_reopens == []
    assert tally.lost == set()
    assert tally.torn == set()
    assert tally.partial_backups_counted == 0
