"""Driving the check dialogs as a person would: open one, retype a field, read its problems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.check_fields import CheckDialog


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select what is there (Ctrl+A) and type over it, as a keyboard user would."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)


def open_dialog(clicked: QWidget, owner: object) -> CheckDialog:
    clicked.click()  # type: ignore[attr-defined]
    dialog = owner.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, CheckDialog)
    assert dialog.isVisible()
    return dialog


def shown_problems(dialog: CheckDialog) -> str:
    return " ".join(
        label.text() for label in [*dialog.problems.values(), dialog.summary] if label.isVisible()
    )


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
