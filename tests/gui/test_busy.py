"""A job that must finish runs off the UI thread behind a moving bar, then answers or raises."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import StorageUnavailable
from peerdesk.ui.background import ThreadExecutor, forget_pending_answers
from peerdesk.ui.busy import run_busy


def test_a_slow_job_shows_the_bar_while_the_window_keeps_painting(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    on_thread: list[bool] = []

    def work() -> int:
        on_thread.append(threading.current_thread() is not threading.main_thread())
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and not seen:
            time.sleep(0.05)
        return 42

    def look() -> None:  # runs on the UI thread while the work is going on
        for dialog in window.findChildren(QProgressDialog):
            if dialog.isVisible():
                seen.append(dialog.labelText())

    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.timeout.connect(look)
    timer.start(50)
    answer = run_busy(
        window, "Backing up", "Making and checking a backup…", work, executor=ThreadExecutor()
    )
    timer.stop()
    assert answer == 42
    assert on_thread == [True]
    assert seen and seen[0] == "Making and checking a backup…"
    QApplication.processEvents()
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


def test_the_jobs_own_error_comes_back_unchanged(qtbot: QtBot) -> None:
    def work() -> None:
        raise StorageUnavailable("Backup stopped: the drive was removed. Nothing else changed.")

    with pytest.raises(StorageUnavailable, match="the drive was removed"):
        run_busy(None, "Backing up", "Making a backup…", work, executor=ThreadExecutor())


def test_a_quick_job_never_flashes_a_dialog(qtbot: QtBot) -> None:
    """A job of 0.1 s (under SHOW_AFTER_MS) is watched throughout: no bar ever shows."""
    from PySide6.QtCore import QTimer

    shown: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(
        lambda: shown.append(
            any(
                isinstance(w, QProgressDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            )
        )
    )
    timer.start(10)

    def work() -> str:
        time.sleep(0.1)
        return "done"

    answer = run_busy(None, "Backing up", "…", work, executor=ThreadExecutor())
    timer.stop()
    assert answer == "done"
    assert shown and not any(shown)  # looked several times while it ran, never saw a bar


def test_locking_while_a_job_runs_still_ends_the_wait(qtbot: QtBot) -> None:
    """Locking forgets answers to reads still running; a job run_busy waits on is not one of
    them (its caller is waiting on the stack), so the answer still comes back."""
    from PySide6.QtCore import QTimer

    locked = threading.Event()

    def lock() -> None:
        forget_pending_answers()
        locked.set()

    QTimer.singleShot(50, lock)

    def work() -> int:
        assert locked.wait(5)
        return 42

    assert run_busy(None, "Backing up", "…", work, executor=ThreadExecutor()) == 42
