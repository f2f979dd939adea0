"""Locking and unlocking a running PeerDesk: the main window, its vault and the lock screen.

Locking keeps unsaved forms as drafts (while the vault is still open), clears a copy PeerDesk
left on the clipboard, closes every dialog, replaces the main window (and with it every page,
model and cached record) by the lock screen, waits for background work, then closes the vault:
the engine is disposed and its copy of the data key zeroed. Unlocking reopens the vault with the
passphrase (or recovery key) of any active user, builds fresh services for that user and a
fresh main window on the same page, then offers back the drafts that user left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from peerdesk.services.bundle import Services, build
from peerdesk.services.changes import Changes
from peerdesk.ui.background import forget_pending_answers, wait_for_background_work
from peerdesk.ui.clipboard_guard import ClipboardGuard
from peerdesk.ui.form_drafts import DraftOffers, keep_drafts
from peerdesk.ui.idle_watch import IdleWatch
from peerdesk.ui.lock_screen import LockScreen
from peerdesk.ui.session_signals import SessionSignals

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace
    from peerdesk.ui.main_window import MainWindow


class LockSession(QObject):
    """Owns whichever is showing: the main window (``window``) or the lock screen."""

    locked = Signal()
    unlocked = Signal()
    quit_requested = Signal()
    """The person chose Quit on the lock screen."""

    def __init__(
        self,
        services: Services,
        make_window: Callable[[Services], MainWindow],
        *,
        idle: IdleWatch | None = None,
        clipboard: ClipboardGuard | None = None,
        rebuild: Callable[[Workspace], Services] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._make_window = make_window
        # whoever unlocks (any active user) gets everything rebuilt for them: their Viewer
        self._rebuild = rebuild or (lambda workspace: build(workspace, services.clock))
        self.idle = idle or IdleWatch(services.lock_settings.idle_minutes(), parent=self)
        self.idle.set_minutes(services.lock_settings.idle_minutes())
        self.idle.lock_due.connect(lambda _reason: self.lock())
        # the desktop going to sleep or locking its screen, where it says so over D-Bus
        self.session_signals = SessionSignals(parent=self)
        self.session_signals.going_away.connect(lambda _reason: self.idle.system_suspending())
        self.clipboard = clipboard or ClipboardGuard(parent=self)
        self.lock_screen: LockScreen | None = None
        self.draft_offers: DraftOffers | None = None
        self.window: MainWindow | None = self._new_window(services)
        self.idle.start()

    @property
    def is_locked(self) -> bool:
        return self.window is None

    def _new_window(self, services: Services) -> MainWindow:
        window = self._make_window(services)
        window.lock_requested.connect(self.lock)
        window.bus.changed.connect(self._changed)
        return window

    def _changed(self, changes: Changes, _origin: object) -> None:
        if changes.settings and self.window is not None:
            self.idle.set_minutes(self.services.lock_settings.idle_minutes())

    def front(self) -> QWidget | None:
        """What the person should see now (to bring forward when PeerDesk is started again)."""
        return self.lock_screen if self.window is None else self.window

    def lock(self) -> None:
        """Hide everything personal and close the vault (a no-op when already locked)."""
        window = self.window
        if window is None:
            return
        self.idle.stop()
        if self.draft_offers is not None:  # drafts not yet answered go back into the vault
            self.draft_offers.stop()
        note = keep_drafts(window)  # first: the vault is still open
        self.clipboard.clear_now()
        geometry = window.geometry()
        page = window.navigation.currentRow()
        screen = LockScreen(self.services.paths)
        screen.setProperty("page", page)
        screen.unlocked.connect(self._unlocked)
        screen.quit_requested.connect(self.quit_requested)
        screen.show_note(note)
        self.lock_screen = screen
        _close_everything_but(screen)
        screen.show_at(geometry)
        self.window = None
        self.draft_offers = None
        window.hide()
        for timer in window.findChildren(QTimer):  # nothing of the old window runs on
            timer.stop()
        window.setEnabled(False)
        window.deleteLater()
        forget_pending_answers()  # a read still running tells the old window nothing
        wait_for_background_work()  # no worker may still hold a session when the vault closes
        self.services.close()  # disposes the engine and zeroes its copy of the data key
        self.locked.emit()

    def _unlocked(self, workspace: Workspace) -> None:
        screen = self.lock_screen
        assert screen is not None
        self.services = self._rebuild(workspace)
        window = self._new_window(self.services)
        page = screen.property("page")
        if isinstance(page, int) and page >= 0:
            window.navigation.setCurrentRow(page)
        _place(window, screen.geometry())
        window.show()
        window.raise_()
        window.activateWindow()
        self.window = window
        self.lock_screen = None
        screen.hide()
        screen.deleteLater()
        self.idle.set_minutes(self.services.lock_settings.idle_minutes())
        self.idle.start()
        self.unlocked.emit()
        self.draft_offers = DraftOffers(window)
        self.draft_offers.start()

    def close(self) -> None:
        """On quitting: clear our clipboard copy and close the vault if it is open."""
        self.idle.stop()
        self.clipboard.detach()
        if self.window is not None:
            self.services.close()


def _close_everything_but(keep: QWidget) -> None:
    """Close every dialog and popup, hide every other window: nothing stays on screen."""
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif isinstance(widget, QMenu):
            widget.close()
        widget.hide()


def _place(window: QWidget, geometry: QRect) -> None:
    if geometry.isValid():
        window.setGeometry(geometry)
