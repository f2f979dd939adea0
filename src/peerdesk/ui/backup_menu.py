"""File › Back up now…, Back up to another drive…, Restore from a backup…; the daily backup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.backup_service import BackupMade
from peerdesk.services.bundle import Services
from peerdesk.ui.busy import run_busy

TITLE = "Back up"
DAILY_CHECK_MS = 30 * 60 * 1000
"""How often the open window asks whether a day has passed since the last change-bearing backup."""


@dataclass
class BackupActions:
    back_up_now: QAction
    back_up_elsewhere: QAction
    restore: QAction
    daily: QTimer


def made_text(made: BackupMade) -> str:
    where = (
        "It is on another drive, so it survives losing this laptop."
        if made.other_drive
        else "It is on this laptop's drive: copy backups to a USB stick too."
    )
    return f"Backed up and checked: {made.path}\n\n{where}"


def install_backups(window: QMainWindow, services: Services, menu: QMenu) -> BackupActions:
    now = QAction("&Back up now…", window)
    now.setStatusTip("Make a checked backup in PeerDesk's backups folder")
    elsewhere = QAction("Back up to another &drive…", window)
    elsewhere.setStatusTip("Make a checked backup in a folder you choose, e.g. on a USB stick")
    restore = QAction("&Restore from a backup…", window)
    restore.setStatusTip("Replace the vault with a backup (today's vault is backed up first)")

    def back_up(folder: Path | None) -> None:
        try:
            made = run_busy(
                window,
                TITLE,
                "Making the backup and checking it…",
                lambda: services.backups.back_up(folder),
            )
        except PeerDeskError as error:
            QMessageBox.warning(window, TITLE, str(error))
            return
        QMessageBox.information(window, TITLE, made_text(made))

    def choose_and_back_up() -> None:
        folder = QFileDialog.getExistingDirectory(window, "Choose a folder for the backup")
        if folder:
            back_up(Path(folder))

    def choose_and_restore() -> None:
        from peerdesk.ui.restore_dialog import RestoreDialog  # loads on first use, not at start

        folder = QFileDialog.getExistingDirectory(
            window, "Choose the backup folder", str(services.backups.folder)
        )
        if not folder:
            return
        dialog = RestoreDialog(services, Path(folder), window)
        dialog.exec()
        if dialog.restored:
            QApplication.quit()

    def daily() -> None:
        try:
            if services.backups.daily_due():
                services.backups.back_up_automatically()
        except PeerDeskError as error:
            window.statusBar().showMessage(f"The daily backup was not made: {error}")

    now.triggered.connect(lambda: back_up(None))
    elsewhere.triggered.connect(choose_and_back_up)
    restore.triggered.connect(choose_and_restore)
    for action in (now, elsewhere, restore):
        menu.addAction(action)
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(daily)
    timer.start()
    return BackupActions(now, elsewhere, restore, timer)
