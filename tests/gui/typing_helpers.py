"""Driving widgets as a keyboard user would: typing any text, answering dialogs, Tab order.

``qtbot.keyClicks`` aborts the whole run on a non-ASCII character (an assert in Qt's
qasciikey.cpp), so names like "Zoë Nguyễn 李" are typed with :func:`type_text`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Send a key press and release per character, as a keyboard or input method would."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
    qtbot.wait(0)


def answer_next_modal(act: Callable[[QWidget], None], *, tries: int = 100) -> list[str]:
    """When the next modal dialog opens, call ``act`` on it (e.g. click a button).

    Returns a list that receives the dialog's text for the test to check afterwards.
    """
    seen: list[str] = []

    def poll(left: int = tries) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            if left:
                QTimer.singleShot(10, lambda: poll(left - 1))
            return
        seen.append(getattr(modal, "text", lambda: modal.windowTitle())())
        act(modal)

    QTimer.singleShot(0, poll)
    return seen


def click_button(text: str) -> Callable[[QWidget], None]:
    """An ``act`` for :func:`answer_next_modal`: click the button whose label is ``text``."""

    def act(dialog: QWidget) -> None:
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {dialog.windowTitle()!r}")

    return act


def interactive_widgets(root: QWidget, *, visible_only: bool = False) -> list[QWidget]:
    """Controls a person can operate in ``root``'s window (not the insides of combos or spins)."""
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.window() is not root.window():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        if visible_only and not (widget.isVisible() and widget.isEnabled()):
            continue
        found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets with no accessible name, described for an assertion message."""
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} in {type(w.parent()).__name__}"
        for w in interactive_widgets(root)
        if not w.accessibleName().strip()
    ]


def tab_through(qtbot: QtBot, start: QWidget, *, presses: int = 300) -> list[QWidget]:
    """Press Tab from ``start`` until focus comes back round; the widgets focused, in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None, "focus was lost while tabbing"
        outer = focused.parentWidget()
        if isinstance(outer, (QComboBox, QAbstractSpinBox)):
            focused = outer
        if focused in visited:
            break
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return visited
