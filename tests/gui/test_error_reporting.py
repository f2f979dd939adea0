"""Crash reports: the log holds code locations only, and the message box cannot recurse."""

from __future__ import annotations

import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import StorageUnavailable
from peerdesk.ui import error_reporting
from peerdesk.ui.error_reporting import (
    CRASH_TEXT,
    CrashDialog,
    crash_details,
    install_crash_handler,
    show_error,
)

SECRET = "Zoë Nguyễn disclosed self-harm"


def _raise_with_record_contents() -> None:
    try:
        raise KeyError(SECRET)
    except KeyError as error:
        raise ValueError(f"could not save {SECRET}") from error


def _caught() -> BaseException:
    try:
        _raise_with_record_contents()
    except ValueError as error:
        return error
    raise AssertionError("unreachable")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Crash dialogs that would have been shown (exec() returns at once)."""
    boxes: list[CrashDialog] = []

    def fake_exec(box: CrashDialog) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return boxes


@pytest.fixture
def handler(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """The crash handler installed with a log folder of its own, removed afterwards."""
    hooks = sys.excepthook, threading.excepthook
    install_crash_handler(qapp, log_folder=tmp_path / "logs")
    yield tmp_path / "logs"
    sys.excepthook, threading.excepthook = hooks
    error_reporting._reporter = None


def test_details_name_the_code_but_never_the_record_contents() -> None:
    error = _caught()
    details = crash_details(type(error), error, error.__traceback__)
    assert "_raise_with_record_contents" in details
    assert "builtins.KeyError" in details and "builtins.ValueError" in details
    assert SECRET not in details and "Zoë" not in details


def test_an_uncaught_error_is_logged_and_explained(handler: Path, shown: list[CrashDialog]) -> None:
    error = _caught()
    sys.excepthook(type(error), error, error.__traceback__)

    (log,) = handler.glob("crash-*.log")
    assert SECRET not in log.read_text(encoding="utf-8")
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
    (box,) = shown
    assert box.headline.text() == CRASH_TEXT
    assert str(log) in box.more.text()
    assert box.details.isHidden()
    box.details_button.click()  # "Show details"
    assert "_raise_with_record_contents" in box.details.toPlainText()


def test_a_failing_message_box_does_not_recurse(
    handler: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_exec(box: CrashDialog) -> int:
        raise RuntimeError("the box itself failed")

    monkeypatch.setattr(CrashDialog, "exec", broken_exec)
    error = _caught()
    sys.excepthook(type(error), error, error.__traceback__)  # returns; does not raise

    assert "could not show its crash message" in capsys.readouterr().err
    assert len(list(handler.glob("crash-*.log"))) == 1


def test_expected_errors_are_a_plain_warning(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    show_error(None, StorageUnavailable("The disk holding the vault is full."))
    assert warned == ["The disk holding the vault is full."]
