"""The change bus: one Qt signal that tells every screen what a service call changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from peerdesk.services.changes import Changes


class ChangeBus(QObject):
    """Carries ``Changes`` from whoever made them to every screen that shows the data.

    ``origin`` says who started the change (a command, a page, or None), so a screen can tell
    its own saves from undo/redo or edits made elsewhere.
    """

    changed = Signal(object, object)
    """(Changes, origin)"""

    def publish(self, changes: Changes, origin: object = None) -> None:
        """Tell every listener about ``changes``; nothing is sent when nothing changed."""
        if changes.empty:
            return
        self.changed.emit(changes, origin)
