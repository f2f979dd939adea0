"""Start-up: process start to a usable main window with its table filled, against a bare Qt floor.

Launches ``python -m peerdesk --data-dir DIR`` offscreen with PEERDESK_BENCH_EXIT_WHEN_READY=1,
which makes the app print ``READY <seconds> rows=<n> alembic=<0|1>`` and quit once the window
is shown and the table has its rows. The floor is ``floor_window.py``, launched the same way.

Both run as an installed copy does: with compiled bytecode (pip compiles modules when it
installs them). The children get a bytecode folder of their own in the work folder, filled by
the untimed warm-up launch, even where the environment sets PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from _common import PASSPHRASE, Figure, demo_vault, env, parser, print_table, settings

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 1.5
TARGET_RATIO = 4.0
TIMEOUT_SECONDS = 60
_READY = re.compile(r"READY (?P<own>[\d.]+)(?: rows=(?P<rows>\d+))?(?: alembic=(?P<alembic>\d))?")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


@dataclass(frozen=True)
class Launch:
    wall: float
    """Seconds from Popen to the READY line, as a user would wait."""
    own: float
    """The process's own figure: seconds since it was created."""
    rows: int | None
    alembic: int | None


def launch(command: list[str], child_env: dict[str, str]) -> Launch:
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=child_env
        )
        # A crash dialog or a passphrase prompt would wait forever offscreen: kill it instead.
        watchdog = threading.Timer(TIMEOUT_SECONDS, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            found = None
            for line in process.stdout:
                found = _READY.match(line)
                if found:
                    break
            wall = time.perf_counter() - started
            process.stdout.read()
            process.wait()
        finally:
            watchdog.cancel()
        if found is None:
            errors.seek(0)
            raise SystemExit(
                f"No READY line within {TIMEOUT_SECONDS} s from {' '.join(command)} "
                f"(exit code {process.returncode}):\n{errors.read()}"
            )
    rows, alembic = found.group("rows"), found.group("alembic")
    return Launch(
        wall,
        float(found.group("own")),
        None if rows is None else int(rows),
        None if alembic is None else int(alembic),
    )


def app_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "peerdesk", "--data-dir", str(folder)]


def import_times(module: str, top: int = 15) -> tuple[list[tuple[int, str]], set[str]]:
    """The ``top`` cumulative import times (µs) of importing ``module``, and every module seen."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env(),
        capture_output=True,
        text=True,
        check=True,
    )
    cumulative: dict[str, int] = {}
    for m in map(_IMPORT_LINE.match, done.stderr.splitlines()):
        if m:  # a module can be listed twice (a submodule first imported by its parent)
            cumulative[m.group(4)] = max(cumulative.get(m.group(4), 0), int(m.group(2)))
    ranked = sorted(((micros, name) for name, micros in cumulative.items()), reverse=True)
    return ranked[:top], set(cumulative)


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    folder = demo_vault(s.work, s.psws)
    child_env = env(
        QT_QPA_PLATFORM="offscreen",
        PEERDESK_PASSPHRASE=PASSPHRASE,
        PEERDESK_BENCH_EXIT_WHEN_READY="1",
        PYTHONPYCACHEPREFIX=str(s.work / "bytecode"),
    )
    child_env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once
    app_cmd = app_command(folder)
    floor_cmd = [sys.executable, str(HERE / "floor_window.py")]
    launch(app_cmd, child_env)  # warm the OS file cache once for both, untimed
    launch(floor_cmd, child_env)
    app_runs, floor_runs = [], []
    for _ in range(s.runs):  # interleaved, so drift in machine load hits both alike
        floor_runs.append(launch(floor_cmd, child_env))
        app_runs.append(launch(app_cmd, child_env))
    app_wall = statistics.median(r.wall for r in app_runs)
    floor_wall = statistics.median(r.wall for r in floor_runs)
    app_own = statistics.median(r.own for r in app_runs)
    floor_own = statistics.median(r.own for r in floor_runs)
    figures = [
        Figure("floor: bare PySide6 window, empty table", floor_wall, unit="s"),
        Figure(
            f"PeerDesk start to filled table ({s.psws:,} PSWs)",
            app_wall,
            target=min(TARGET_SECONDS, TARGET_RATIO * floor_wall),
            floor=floor_wall,
            unit="s",
        ),
        Figure("  the same, as the app itself counts it", app_own, floor=floor_own, unit="s"),
    ]
    ok = print_table(
        f"Start-up, median of {s.runs} (target ≤ {TARGET_SECONDS} s and ≤ {TARGET_RATIO:g}x floor)",
        figures,
    )
    rows = {r.rows for r in app_runs}
    alembic = {r.alembic for r in app_runs}
    alembic_text = ", ".join(sorted("n/a" if a is None else str(a) for a in alembic))
    print(
        f"  ratio to floor: {app_wall / floor_wall:.2f}x   rows in table: {rows}   "
        f"alembic imported at start: {alembic_text}"
    )
    top, seen = import_times("peerdesk.app")
    print("\nSlowest imports of peerdesk.app (cumulative)")
    for micros, name in top:
        print(f"  {micros / 1000:8.1f} ms  {name}")
    broken = False  # hard failures, unlike timings, fail the quick (CI) mode too
    if "alembic" in seen:
        print("  FAILED: importing peerdesk.app imports alembic; it should wait for a migration")
        broken = True
    if 1 in alembic:
        print("  FAILED: alembic was imported during a start with no migration pending")
        broken = True
    if broken:
        return 1
    return 0 if ok or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
