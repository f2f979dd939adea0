"""When the vault is checked (after the window is up, weekly, on demand) and what damage does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.integrity import Finding
from peerdesk.services.bundle import Services
from peerdesk.ui import background
from peerdesk.ui.background import Executor
from peerdesk.ui.damage_screen import DamageScreen

QUICK_CHECK_DELAY_MS = 2000
"""After the window is shown: its first pages have loaded, so start-up is never slower."""
CHECK_TITLE = "Check the vault"


def _forget(listeners: list[Callable[[], None]], listener: Callable[[], None]) -> None:
    if listener in listeners:
        listeners.remove(listener)


def quit_app() -> None:
    """Leave at once: the vault is closed, so there is nothing to save or ask about."""
    QCoreApplication.exit(1)


def leave_after_restore() -> None:
    """Close once a backup replaced the damaged vault: it is opened again with its passphrase."""
    QCoreApplication.exit(0)


class IntegrityWatch(QObject):
    """Runs the checks off the UI thread; on damage, sets the vault aside and blocks the window.

    Damage found anywhere (a check, or any read or save meeting a malformed page) reaches
    ``damage_found`` from whichever thread saw it; the connection is queued, so the screen comes
    after the action that met the damage has finished.
    """

    damage_found = Signal()

    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        menu: QMenu,
        *,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.executor = executor or background.default_executor()
        self.screen: DamageScreen | None = None
        self.action = QAction("&Check the vault…", self)
        self.action.setStatusTip("Run every integrity check on the vault now")
        self.action.triggered.connect(self.check_now)
        menu.addAction(self.action)
        self.damage_found.connect(self._set_aside, Qt.ConnectionType.QueuedConnection)
        listeners = services.workspace.damage_listeners
        listener = self.damage_found.emit
        listeners.append(listener)
        # a window closed on locking must not be told about a later vault's damage
        self.destroyed.connect(lambda: _forget(listeners, listener))

    def start(self, delay_ms: int = QUICK_CHECK_DELAY_MS) -> None:
        """Once the window is shown: a quick check, then the full one if a week has passed."""
        QTimer.singleShot(delay_ms, self._background_checks)

    def _background_checks(self) -> None:
        if not self.window.isVisible():  # not shown yet (or hidden while locked): wait
            if not self.services.workspace.closed:
                self.start()
            return
        integrity = self.services.integrity

        def work() -> Finding:
            finding = integrity.quick_check()
            if finding.ok and integrity.full_check_due():
                finding = integrity.full_check()
            return finding

        # Damage reaches the window through damage_found; a broken audit chain, through Needs
        # attention. A vault locked or closed meanwhile is simply checked next time.
        self.executor.submit(work, lambda _finding: None, self._background_failed)

    def _background_failed(self, error: BaseException) -> None:
        if not isinstance(error, PeerDeskError):
            raise error

    def check_now(self) -> None:
        """Every check, now: the answer in a box, or the damage screen."""
        self.action.setEnabled(False)
        QCoreApplication.processEvents()
        self.executor.submit(self.services.integrity.full_check, self._checked, self._failed)

    def _checked(self, finding: Finding) -> None:
        self.action.setEnabled(True)
        if self.services.workspace.damaged:
            return  # the damage screen says it
        icon = QMessageBox.Icon.Information if finding.ok else QMessageBox.Icon.Warning
        self._tell(icon, finding.line)

    def _failed(self, error: BaseException) -> None:
        self.action.setEnabled(True)
        if not isinstance(error, PeerDeskError):
            raise error
        if not self.services.workspace.damaged:
            self._tell(QMessageBox.Icon.Warning, str(error))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, CHECK_TITLE, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleDescription(text)
        self.box = box
        box.open()

    def restore_from_damage(self) -> None:
        """Pick a backup folder and restore it; PeerDesk then closes (the vault here is gone)."""
        from PySide6.QtWidgets import QFileDialog

        from peerdesk.ui.restore_dialog import RestoreDialog

        parent = self.screen or self.window
        folder = QFileDialog.getExistingDirectory(
            parent, "Choose the backup folder", str(self.services.integrity.backups_folder())
        )
        if not folder:
            return
        dialog = RestoreDialog(self.services, Path(folder), parent)
        dialog.exec()
        if dialog.restored:
            leave_after_restore()

    def _set_aside(self) -> None:
        if self.screen is not None:
            return
        integrity = self.services.integrity
        try:
            aside = integrity.set_aside()
            message, folder = aside.message, aside.folder
        except PeerDeskError as error:
            message, folder = str(error), None
        central = self.window.centralWidget()
        if central is not None:
            central.hide()  # nothing from the closed vault stays on screen
        self.window.menuBar().setEnabled(False)
        self.screen = DamageScreen(
            message, aside=folder, backups=integrity.backups_folder(), parent=self.window
        )
        self.screen.quit_requested.connect(lambda: quit_app())
        self.screen.restore_requested.connect(self.restore_from_damage)
        self.screen.open()
