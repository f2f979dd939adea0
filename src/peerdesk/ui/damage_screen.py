"""The blocking screen shown once a damaged vault has been set aside: what happened, what next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TITLE = "PeerDesk found damage"
NEXT_STEPS = (
    "Nothing was deleted: the damaged vault is in {folder}. Keep it, and your backups folder, "
    "safe until the vault is restored from a backup."
)


class DamageScreen(QDialog):
    """Modal and not dismissible: the vault is closed, so only the way out is offered."""

    quit_requested = Signal()
    restore_requested = Signal()

    def __init__(
        self, message: str, *, aside: Path | None, backups: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setModal(True)
        self.backups = backups
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(message)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.message.setFont(font)
        steps = NEXT_STEPS.format(folder=aside) if aside is not None else ""
        self.steps = QLabel(steps)
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName(steps)
        self.steps.setVisible(bool(steps))
        self.restore = QPushButton("&Restore a backup…")
        self.restore.setAccessibleName("Restore a backup")
        self.restore.clicked.connect(self.restore_requested)
        self.open_backups = QPushButton("&Open the backups folder")
        self.open_backups.setAccessibleName("Open the backups folder")
        self.open_backups.clicked.connect(self.show_backups)
        self.quit_button = QPushButton("&Quit PeerDesk")
        self.quit_button.setAccessibleName("Quit PeerDesk")
        self.quit_button.clicked.connect(self.quit_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        buttons.addWidget(self.open_backups)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(em * 70)
        self.restore.setDefault(True)
        self.restore.setFocus()

    def show_backups(self) -> None:
        """The automatic backups' folder in the file manager (the data folder if none yet)."""
        folder = self.backups if self.backups.is_dir() else self.backups.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def reject(self) -> None:
        """Escape does not dismiss it: the window behind has nothing usable left."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.quit_requested.emit()
