"""The few questions and error messages PeerDesk puts in a box, worded in one place.

Screens call these through the module (``message_boxes.ask_unsaved(...)``) so tests can answer
them without a real modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.changes import Changes


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, name: str) -> UnsavedChoice:
    """Save, discard or keep editing the unsaved changes to ``name``'s record."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    who = name.strip() or "this new peer worker"
    box.setText(f"Save your changes to {who}?")
    box.setInformativeText("If you don't save, the changes you typed will be lost.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Discard).setText("&Don't save")
    box.button(QMessageBox.StandardButton.Cancel).setText("&Keep editing")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def confirm(parent: QWidget | None, *, title: str, text: str, action: str) -> bool:
    """Ask before doing ``action`` (the label of the button that goes ahead)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A plain-English error (``str()`` of a PeerDeskError), with an "Error:" prefix for clarity."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(f"Error: {message}")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def saved(
    parent: QWidget | None, title: str, action: Callable[[], Changes], refused: Callable[[], None]
) -> Changes | None:
    """Run one save; if the service refuses, say why in a box, call ``refused`` and return None."""
    try:
        return action()
    except PeerDeskError as error:
        show_error(parent, title, str(error))
        refused()
        return None


def show_about(parent: QWidget | None, text: str) -> None:
    QMessageBox.about(parent, "About PeerDesk", text)
