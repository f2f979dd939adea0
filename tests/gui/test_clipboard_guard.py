"""Copies PeerDesk makes carry concealed-content hints and are cleared after 30 s if unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.ui.clipboard_guard import CLEAR_AFTER_MS, KDE_HINT, ClipboardGuard, windows_mime


class Source:
    """Whether the next copy comes from PeerDesk (True) or another application (False)."""

    here = True


@pytest.fixture
def guard(qtbot: QtBot) -> Iterator[ClipboardGuard]:
    QApplication.clipboard().clear()
    Source.here = True
    made = ClipboardGuard(timer=QTimer(), made_here=lambda: Source.here)
    yield made
    made.detach()
    made.deleteLater()
    QApplication.clipboard().clear()


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    edit = QLineEdit("Amir Haddad, 07700 900123")
    edit.setAccessibleName("Phone")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def copy_all(qtbot: QtBot, field: QLineEdit) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def test_a_copy_carries_the_concealed_hints(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    copy_all(qtbot, field)
    data = QApplication.clipboard().mimeData()
    assert QApplication.clipboard().text() == field.text()
    assert bytes(data.data(KDE_HINT).data()) == b"secret"
    for name in ("CanIncludeInClipboardHistory", "CanUploadToCloudClipboard"):
        assert bytes(data.data(windows_mime(name)).data()) == b"\0\0\0\0"
    assert data.hasFormat(windows_mime("ExcludeClipboardContentFromMonitorProcessing"))
    assert guard.timer.isActive() and guard.timer.interval() == CLEAR_AFTER_MS


def test_cleared_after_30_seconds_when_unchanged(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    copy_all(qtbot, field)
    guard.timer.timeout.emit()
    assert QApplication.clipboard().text() == ""
    assert not guard.holding


def test_left_alone_when_another_application_copied_since(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    copy_all(qtbot, field)
    Source.here = False
    QApplication.clipboard().setText("shopping list")
    assert not guard.holding
    assert not QApplication.clipboard().mimeData().hasFormat(KDE_HINT)
    guard.timer.timeout.emit()
    guard.clear_now()
    assert QApplication.clipboard().text() == "shopping list"


def test_a_second_copy_is_the_one_cleared(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    copy_all(qtbot, field)
    field.setText("Zoe Nguyen")
    copy_all(qtbot, field)
    assert guard.holding
    guard.timer.timeout.emit()
    assert QApplication.clipboard().text() == ""


def test_clear_now_on_lock_or_exit_only_clears_our_copy(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    guard.clear_now()  # nothing copied: nothing to do
    Source.here = False
    QApplication.clipboard().setText("theirs")
    guard.clear_now()
    assert QApplication.clipboard().text() == "theirs"
    Source.here = True
    copy_all(qtbot, field)
    guard.clear_now()
    assert QApplication.clipboard().text() == ""
