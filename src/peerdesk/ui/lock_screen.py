"""The lock screen: no record, name or count, only the way back in (passphrase or recovery key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.unlock_dialog import UnlockDialog

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

TITLE = "PeerDesk — locked"
HEADING = "PeerDesk is locked"
EXPLANATION = (
    "Your records are hidden and the vault is closed. Type your passphrase to carry on where you "
    "left off; any changes you had not saved are kept in the vault and offered back."
)


class LockScreen(QWidget):
    """A window of its own, shown where the main window was. ``unlocked`` carries the reopened
    vault; ``quit_requested`` when the person chooses Quit instead."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(self, paths: VaultPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        heading = QLabel(f"<h2>{HEADING}</h2>", self)
        heading.setAccessibleName(HEADING)
        explanation = QLabel(EXPLANATION, self)
        explanation.setWordWrap(True)
        explanation.setAccessibleName("Why PeerDesk is locked")
        self.unlock = UnlockDialog(paths, parent=self)
        self.unlock.setWindowFlags(Qt.WindowType.Widget)  # part of this window, not a dialog
        self.unlock.accepted.connect(self._accepted)
        # Esc (reject) must not leave an empty window: only the Quit button quits
        self.unlock.rejected.connect(self.unlock.show)
        self.unlock.quit_button.clicked.connect(self.quit_requested)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Unsaved changes")
        self.note.hide()
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(heading)
        column.addWidget(explanation)
        column.addWidget(self.note)
        column.addWidget(self.unlock)
        column.addStretch(2)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(self.fontMetrics().averageCharWidth() * 90)
        outer = QVBoxLayout(self)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_at(self, geometry: QRect | None) -> None:
        """Show where the main window was, ready for the passphrase."""
        if geometry is not None and geometry.isValid():
            self.setGeometry(geometry)
        self.show()
        self.raise_()
        self.activateWindow()
        self.unlock.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_note(self, text: str) -> None:
        """Say something about the lock (why unsaved changes could not be kept), or nothing."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _accepted(self) -> None:
        workspace: Workspace | None = self.unlock.workspace
        self.unlock.workspace = None  # the session owns it from here
        if workspace is not None:
            self.unlocked.emit(workspace)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the lock screen's window quits PeerDesk (the vault is already closed)."""
        event.accept()
        self.quit_requested.emit()
