"""Idle lock on the 10,000-PSW demo vault: from the idle limit reached to the lock screen shown.

The real window (``MainWindow``, made as ``app.py`` makes it) runs offscreen under the real
``LockSession`` and ``IdleWatch`` with its real one-second heartbeat ``QTimer``. Only the wall
clock the watch reads is sped up (15 to 24 times, so a beat up to 1.25 s late on this shared
machine is still under the 30 seconds that count as a clock jump), so the one-minute limit
comes round in 2.5 to 4 real seconds, at a different point between two heartbeats each run. A
run that locked for another reason (a late beat taken for a clock jump) is not counted and is
run again. Each run measures from the real moment the
limit was reached to ``LockSession.locked`` (lock screen shown, main window hidden and deleted,
background work waited for, vault closed and key zeroed), then unlocks again. The vault is a
copy of the cached demo vault in this bench's own folder. Floor, same run: showing a bare
``QWidget`` and letting Qt process its events.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from _common import PASSPHRASE, Figure, copy_vault, demo_vault, parser, settings
from _common import print_table as print_figures
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.idle_watch import IDLE, IdleWatch
from peerdesk.ui.lock_session import LockSession
from peerdesk.ui.main_window import MainWindow

TARGET = 1.0
LIMIT_MINUTES = 1
RUNS = 20


class FastWall:
    """A wall clock running ``speed`` times real time; re-based when the speed changes."""

    def __init__(self) -> None:
        self.speed = 20.0
        self._base = time.time()
        self._origin = time.perf_counter()

    def __call__(self) -> float:
        return self._base + (time.perf_counter() - self._origin) * self.speed

    def set_speed(self, speed: float) -> None:
        self._base, self._origin = self(), time.perf_counter()
        self.speed = speed


WARNINGS: list[str] = []
"""Messages of warning dialogs PeerDesk tried to show during the runs (none expected)."""


def _warned(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
    """Stands in for ``QMessageBox.warning``: a modal dialog would stop the timing loop."""
    WARNINGS.append(text)
    return QMessageBox.StandardButton.Ok


def make_window(services: Services) -> MainWindow:
    window = MainWindow(services)
    window.resize(1200, 800)
    window.show()
    return window


def floor_show(app: QApplication, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        widget = QWidget()
        widget.resize(1200, 800)
        widget.show()
        app.processEvents()
        times.append(time.perf_counter() - started)
        widget.hide()
        widget.deleteLater()
        app.processEvents()
    return statistics.median(times)


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    runs = 3 if s.quick else RUNS
    source = demo_vault(s.work, s.psws)
    own = copy_vault(source, s.work / "lock-bench")
    paths = VaultPaths(own)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.warning = _warned  # type: ignore[method-assign,assignment]
    assert isinstance(app, QApplication)
    floor = floor_show(app, runs)
    services = build(vault_service.unlock(paths, PASSPHRASE))
    services.lock_settings.set_idle_minutes(LIMIT_MINUTES)
    wall = FastWall()
    idle = IdleWatch(LIMIT_MINUTES, clock=wall)
    due_at: list[float] = []
    reasons: list[str] = []

    def due(reason: str) -> None:  # connected before LockSession's own slot, so runs first
        due_at.append(time.perf_counter())
        reasons.append(reason)

    idle.lock_due.connect(due)
    session = LockSession(services, make_window, idle=idle)
    loop = QEventLoop()
    locked_at: list[float] = []
    session.locked.connect(lambda: (locked_at.append(time.perf_counter()), loop.quit()))
    guard = QTimer()  # never wait for ever
    guard.setSingleShot(True)
    guard.setInterval(20_000)
    guard.timeout.connect(loop.quit)
    latencies: list[float] = []
    waits: list[float] = []  # limit reached to the heartbeat noticing (lock_due)
    work: list[float] = []  # lock_due to locked: the lock itself
    try:
        run = retried = 0
        while run < runs:
            app.processEvents()
            wall.set_speed(15.0 + 9.0 * run / max(runs - 1, 1))
            armed = time.perf_counter()
            idle.start()  # count idle time from now, as after unlocking
            limit_reached = armed + LIMIT_MINUTES * 60 / wall.speed
            guard.start()
            loop.exec()
            guard.stop()
            if len(locked_at) != run + retried + 1 or session.lock_screen is None:
                raise SystemExit(f"run {run + 1}: PeerDesk did not lock")
            shown = session.lock_screen.isVisible()
            personal = [
                w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
            ]
            if not shown or personal or session.window is not None:
                raise SystemExit(f"run {run + 1}: the lock screen is not all that shows")
            if reasons[-1] == IDLE:
                latencies.append(locked_at[-1] - limit_reached)
                waits.append(due_at[-1] - limit_reached)
                work.append(locked_at[-1] - due_at[-1])
                run += 1
            elif retried < runs:
                retried += 1
            else:
                raise SystemExit("too many locks for a clock jump: the machine is too busy")
            session.lock_screen.unlocked.emit(vault_service.unlock(paths, PASSPHRASE))
    finally:
        session.close()
        app.processEvents()
        shutil.rmtree(own, ignore_errors=True)
    print(
        f"({s.psws:,} PSWs; {runs} idle locks, {retried} clock-jump locks run again; "
        "from limit reached to locked, each: "
        + ", ".join(f"{v * 1000:.0f}" for v in latencies)
        + " ms)"
    )
    for text in WARNINGS:
        print(f"PeerDesk showed a warning during the runs: {text}")
    met = print_figures(
        "Idle lock (floor: showing a bare QWidget, same run)",
        [
            Figure(f"lock shown after the idle limit, worst of {runs}", max(latencies), TARGET,
                   floor),
            Figure(f"lock shown after the idle limit, median of {runs}",
                   statistics.median(latencies), TARGET, floor),
            Figure(f"  of which heartbeat wait, worst of {runs}", max(waits)),
            Figure(f"  of which the lock itself, worst of {runs}", max(work), None, floor),
        ],
    )  # fmt: skip
    met = met and not WARNINGS
    print("\nall targets met" if met else "\nMISSED a target")
    return 0 if met or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
