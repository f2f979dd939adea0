"""The window's viewer: "Show protected records" (asks for the passphrase) and its banner."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.viewer import Right, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.passphrase_fields import PassphraseEdit, ShowPassphraseToggle, deriving_key

BANNER_TEXT = (
    "Protected records are shown: peer workers who are also supported here, and their "
    "person records. Turn this off in View › Show protected records."
)


class ShowProtectedDialog(CheckDialog):
    """Asks for the vault passphrase before protected records are shown (each use is logged)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Show protected records", "&Show", parent)
        self.services = services
        self.viewer: Viewer | None = None
        self.add_note(
            "Protected records belong to peer workers who are also supported by the "
            "organisation. Type the vault passphrase to show them; this is written to the "
            "access log (the time only, never a name)."
        )
        self.passphrase = PassphraseEdit("Passphrase")
        self.add_field("passphrase", "&Passphrase", self.passphrase)
        self.show_toggle = ShowPassphraseToggle("Show pass&phrase")
        self.show_toggle.add(self.passphrase)
        self.form.addRow(QLabel(), self.show_toggle)
        self.finish_layout()
        self.passphrase.textEdited.connect(self.edited)

    def submit(self) -> Changes:
        with deriving_key():
            self.viewer = self.services.protection.show_protected(self.passphrase.text())
        return Changes()

    def save(self) -> None:
        super().save()
        if self.viewer is None:  # refused: type it again
            self.passphrase.selectAll()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)


class ViewerState(QObject):
    """The window's current viewer; ``changed`` carries the new one (pages re-query their lists)."""

    changed = Signal(object)

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self._window = parent
        self._viewer = services.viewer  # whoever unlocked; protected records start hidden
        self.dialog: ShowProtectedDialog | None = None
        """The passphrase dialog while it is open (tests fill it in)."""
        self.action = QAction("Show &protected records", self)
        self.action.setCheckable(True)
        self.action.setChecked(False)
        self.action.toggled.connect(self._toggled)
        self.banner = QLabel(BANNER_TEXT)
        self.banner.setObjectName("protectedBanner")
        self.banner.setAccessibleName(BANNER_TEXT)
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "#protectedBanner { font-weight: bold; border-bottom: 3px solid palette(text);"
            " padding: 6px; }"
        )
        self.banner.setVisible(False)

    @property
    def viewer(self) -> Viewer:
        return self._viewer

    def shows_protected(self) -> bool:
        return self._viewer.may(Right.VIEW_PROTECTED)

    def _toggled(self, on: bool) -> None:
        if on == self.shows_protected():
            return
        if not on:
            self._set(self._viewer.without_right(Right.VIEW_PROTECTED))
            return
        dialog = ShowProtectedDialog(self.services, self._window)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ShowProtectedDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if dialog.viewer is not None:
            self._set(dialog.viewer)
        else:  # cancelled: the menu item goes back off
            self.action.setChecked(False)
        dialog.deleteLater()

    def _set(self, viewer: Viewer) -> None:
        self._viewer = viewer
        shown = self.shows_protected()
        self.banner.setVisible(shown)
        if self.action.isChecked() != shown:
            self.action.setChecked(shown)
        self.changed.emit(viewer)


def current_viewer(widget: QWidget, signed_in: Viewer) -> Viewer:
    """The viewer of the window ``widget`` is in (the main window keeps a ViewerState, with
    "Show protected"); from a dialog, its parent window's; else ``signed_in`` (the services'
    own viewer: never more than whoever unlocked may see)."""
    window: QWidget | None = widget.window()
    while window is not None:
        state = getattr(window, "viewer_state", None)
        if isinstance(state, ViewerState):
            return state.viewer
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    return signed_in
