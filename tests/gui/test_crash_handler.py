"""Crashes in a slot and in a worker: the dialog shows, the app carries on, nothing typed leaks."""

from __future__ import annotations

import secrets
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui import error_reporting
from peerdesk.ui.background import ThreadExecutor, wait_for_background_work
from peerdesk.ui.error_reporting import CRASH_TEXT, CrashDialog, install_crash_handler, show_error

MARKER = "Zqx" + secrets.token_hex(8)
WIDE_MARKER = MARKER + "-Łódź-李"

# The handler must be the one that sees these exceptions, not pytest-qt's capture.
pytestmark = pytest.mark.qt_no_exception_capture


class _Window(QWidget):
    """A window whose title and whose failing actions all carry the marker."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"PeerDesk — {WIDE_MARKER}")
        self.clicks = 0
        self.save_button = QPushButton("&Save", self)
        self.save_button.clicked.connect(self.save)
        self.count_button = QPushButton("&Count", self)
        self.count_button.clicked.connect(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.save_button)
        layout.addWidget(self.count_button)

    def save(self) -> None:
        typed = WIDE_MARKER  # a local holding what the person typed
        raise ValueError(f"could not save {typed}")

    def count(self) -> None:
        self.clicks += 1


def _work_that_fails() -> None:
    notes = {"notes": WIDE_MARKER}
    raise KeyError(f"{notes['notes']} is not a column")


@pytest.fixture
def logs(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    hooks = sys.excepthook, threading.excepthook
    install_crash_handler(qapp, log_folder=tmp_path / "logs")
    yield tmp_path / "logs"
    sys.excepthook, threading.excepthook = hooks
    error_reporting._reporter = None


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Crash dialogs as a person meets them: read, Copy report clicked, then OK."""
    dialogs: list[CrashDialog] = []

    def person_exec(dialog: CrashDialog) -> int:
        dialogs.append(dialog)
        dialog.show()
        assert dialog.headline.isVisible() and dialog.headline.text() == CRASH_TEXT
        QApplication.clipboard().clear()
        dialog.copy_button.click()
        assert dialog.status.text() == "The report is on the clipboard."
        dialog.details_button.click()
        dialog.copied = QApplication.clipboard().text()  # type: ignore[attr-defined]
        dialog.ok_button.click()
        return int(dialog.result())

    monkeypatch.setattr(CrashDialog, "exec", person_exec)
    return dialogs


@pytest.fixture
def window(qtbot: QtBot) -> _Window:
    made = _Window()
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def _assert_nothing_leaked(
    dialog: CrashDialog, logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {
        "report": dialog.report,
        "details": dialog.details.toPlainText(),
        "clipboard": dialog.copied,  # type: ignore[attr-defined]
        "stderr": capsys.readouterr().err,
    }
    files = sorted(logs.iterdir())
    assert files, "no crash log was written"
    for path in files:
        texts[path.name] = path.read_text(encoding="utf-8")
    assert texts["clipboard"] == dialog.report
    for where, text in texts.items():
        assert MARKER not in text and "Łódź" not in text, where
        assert MARKER.casefold() not in text.casefold(), where
    for path in files:
        raw = path.read_bytes()
        assert MARKER.encode("utf-8") not in raw and MARKER.encode("utf-16-le") not in raw


def test_a_crash_in_a_clicked_handler_shows_the_dialog_and_the_app_carries_on(
    qtbot: QtBot,
    window: _Window,
    logs: Path,
    shown: list[CrashDialog],
    capsys: pytest.CaptureFixture[str],
) -> None:
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(shown) == 1)
    report = shown[0].report
    assert "in save" in report and "builtins.ValueError" in report
    assert "PeerDesk 0." in report and "Python 3." in report and "Qt 6." in report
    _assert_nothing_leaked(shown[0], logs, capsys)

    qtbot.mouseClick(window.count_button, Qt.MouseButton.LeftButton)  # still answering
    assert window.clicks == 1 and window.isVisible()


def test_a_crash_in_a_timer_slot_shows_the_dialog(
    qtbot: QtBot,
    window: _Window,
    logs: Path,
    shown: list[CrashDialog],
    capsys: pytest.CaptureFixture[str],
) -> None:
    QTimer.singleShot(0, window.save)
    qtbot.waitUntil(lambda: len(shown) == 1)
    _assert_nothing_leaked(shown[0], logs, capsys)

    later: list[bool] = []
    QTimer.singleShot(0, lambda: later.append(True))  # the event loop keeps going
    qtbot.waitUntil(lambda: later == [True])
    qtbot.mouseClick(window.count_button, Qt.MouseButton.LeftButton)
    assert window.clicks == 1


def test_a_crash_in_background_work_shows_the_dialog(
    qtbot: QtBot,
    window: _Window,
    logs: Path,
    shown: list[CrashDialog],
    capsys: pytest.CaptureFixture[str],
) -> None:
    results: list[object] = []
    ThreadExecutor().submit(_work_that_fails, results.append, lambda e: show_error(window, e))

    qtbot.waitUntil(lambda: len(shown) == 1)
    wait_for_background_work()
    assert results == []
    assert "_work_that_fails" in shown[0].report and "builtins.KeyError" in shown[0].report
    _assert_nothing_leaked(shown[0], logs, capsys)

    ThreadExecutor().submit(lambda: 42, results.append, lambda e: show_error(window, e))
    qtbot.waitUntil(lambda: results == [42])  # the next piece of work runs and reports back
    qtbot.mouseClick(window.count_button, Qt.MouseButton.LeftButton)
    assert window.clicks == 1


def test_a_crash_on_a_plain_thread_is_shown_on_the_ui_thread(
    qtbot: QtBot,
    window: _Window,
    logs: Path,
    shown: list[CrashDialog],
    capsys: pytest.CaptureFixture[str],
) -> None:
    thread = threading.Thread(target=_work_that_fails)
    thread.start()
    thread.join()

    qtbot.waitUntil(lambda: len(shown) == 1)  # queued to the UI thread, not shown from the worker
    _assert_nothing_leaked(shown[0], logs, capsys)


def test_a_report_names_no_folder_above_the_code(
    qtbot: QtBot, window: _Window, logs: Path, shown: list[CrashDialog]
) -> None:
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1)
    report = shown[0].report
    assert 'File "tests/gui/test_crash_handler.py"' in report
    assert str(Path.home()) not in report and str(logs) not in report
