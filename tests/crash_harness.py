"""Kill a writer on the real services with SIGKILL at seeded random times, then check the vault.

Shared by the crash test (20 kills) and ``bench/bench_crash.py`` (hundreds). Every third kill
lands in a migration instead: an old vault (revision 0010) killed while it is upgraded.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from peerdesk.storage.backups import PARTIAL, list_backups
from tests.migrations.old_vault import vault_at
from tests.vault_checks import make_vault, reopen

ROOT = Path(__file__).resolve().parents[1]
OLD_PASSPHRASE = "a long enough passphrase"
"""What ``tests.migrations.old_vault.vault_at`` keys its vaults with."""


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    lost: set[str] = field(default_factory=set)
    """Printed after commit, then missing after the kill."""
    torn: set[str] = field(default_factory=set)
    """Present but not whole (a PSW without its status row or audit entry, a session alone)."""
    failed_reopens: list[str] = field(default_factory=list)
    partial_backups_counted: int = 0
    migration_kills: int = 0


def start(folder: Path, seed: int, passphrase: str | None = None) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.crash_writer", str(folder), str(seed)]
    if passphrase:
        command.append(passphrase)
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def kill_after(process: subprocess.Popen[str], delay: float, *, ready: bool) -> list[str]:
    """SIGKILL ``process`` ``delay`` seconds from now (from its ``ready`` line when ``ready``);
    every line it printed, in order."""
    first = ""
    if ready:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == "ready\n", first + (process.stderr.read() if process.stderr else "")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate()
    out = first + out
    if process.returncode != -signal.SIGKILL:
        raise AssertionError(f"the writer stopped by itself ({process.returncode}): {err[-3000:]}")
    return out.splitlines()


def check(folder: Path, lines: list[str], tally: Tally, passphrase: str | None = None) -> None:
    """Reopen the vault, then compare it with everything the writer acknowledged."""
    try:
        found = reopen(folder, passphrase) if passphrase else reopen(folder)
    except Exception as error:
        tally.failed_reopens.append(f"{folder}: {type(error).__name__}: {error}")
        return
    if not (found.quick_check_ok and found.chain_ok):
        tally.failed_reopens.append(
            f"{folder}: quick_check {found.quick_check_ok}, chain {found.chain_ok}"
        )
    expected: dict[int, str] = {}  # by PSW id, the last word said of it (ids can be reused)
    for line in lines:
        kind, _, value = line.partition(" ")
        if kind in ("psw", "edit", "erasing", "erased"):
            expected[int(value)] = kind
        elif (kind == "session" and found.sessions.get(int(value), 0) < 1) or (
            kind == "backup" and not Path(value).is_dir()
        ):
            tally.lost.add(f"{folder.name} {line}")
    for psw, last in expected.items():
        if last in ("psw", "edit") and psw not in found.psws:
            tally.lost.add(f"{folder.name} psw {psw}")
        elif last == "erased" and psw in found.psws:
            tally.lost.add(f"{folder.name} erasure of {psw} acknowledged, yet it is there")
    tally.torn |= {f"{folder.name} psw {i}" for i in found.psws if not found.whole(i)}
    tally.torn |= {f"{folder.name} session {i}" for i, n in found.sessions.items() if n < 1}
    listed = list_backups(folder / "backups")
    tally.partial_backups_counted += sum(b.path.name.endswith(PARTIAL) for b in listed)


def run(
    work: Path, kills: int, seed: int, *, longest: float = 2.5, fresh_every: int | None = None
) -> Tally:
    """``kills`` kills (one in three during a migration), reproducible from ``seed``.

    With ``fresh_every``, the writer moves to a new vault after that many kills, so each check
    (which re-reads everything acknowledged so far) costs the same at kill 500 as at kill 5.
    """
    rng = random.Random(seed)
    tally = Tally()
    vault = make_vault(work / "vault")
    history: list[str] = []
    for index in range(kills):
        if fresh_every and index and index % fresh_every == 0:
            tally.acknowledged += _acknowledged(history)
            vault, history = make_vault(work / f"vault-{index}"), []
            for old in work.glob("old-*"):  # the killed migrations' vaults, already checked
                shutil.rmtree(old)
        if index % 3 == 2:
            (work / f"old-{index}").mkdir()
            paths, engine = vault_at(work / f"old-{index}", "0010")
            engine.dispose()
            writer = start(paths.folder, rng.randrange(10**9), OLD_PASSPHRASE)
            lines = kill_after(writer, rng.uniform(0.3, 2.5), ready=False)  # in the upgrade
            tally.migration_kills += 1
            check(paths.folder, lines, tally, OLD_PASSPHRASE)
            tally.acknowledged += _acknowledged(lines)
        else:
            writer = start(vault.folder, rng.randrange(10**9))
            lines = kill_after(writer, rng.uniform(0.0, longest), ready=True)
            history += lines
            check(vault.folder, history, tally)
        tally.kills += 1
    tally.acknowledged += _acknowledged(history)
    return tally


def _acknowledged(lines: list[str]) -> int:
    return sum(line.split()[0] in ("psw", "edit", "session", "backup", "erased") for line in lines)


def floor_seconds(work: Path, repeats: int = 3) -> float:
    """The fastest bare start of the writer process plus opening the vault (no writing)."""
    vault = make_vault(work / "floor")
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "tests.crash_writer", str(vault.folder), "-1"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.startswith("ready")
        best = min(best, time.perf_counter() - began)
    return best
