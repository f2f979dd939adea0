"""The base of the PSW form's Checks and Recruitment tabs: lazy loading and the change bus."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckSection


def boxed(widget: QWidget) -> QVBoxLayout:
    """A layout holding just ``widget`` (for a titled section around it)."""
    layout = QVBoxLayout()
    layout.addWidget(widget)
    return layout


def scrolling(inner: QWidget) -> QScrollArea:
    """``inner`` in a frameless scroll area that takes no Tab stop itself (form tabs use it)."""
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class PswSectionTab(QWidget):
    """Sections of one saved PSW's records, each saving at once; loads lazily, when shown.

    A subclass builds its sections, then calls :meth:`finish`; it says which published
    changes concern the PSW shown (``concerns``) and may show more on refresh (``refresh_more``).
    """

    def __init__(
        self, services: Services, bus: ChangeBus, unsaved: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_id: PswId | None = None
        self._stale = True
        self.unsaved = QLabel(unsaved)
        self.unsaved.setWordWrap(True)
        self.unsaved.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sections: list[CheckSection] = []

    def finish(self, inner: QWidget, sections: Sequence[CheckSection]) -> None:
        """Lay out the message for unsaved records above ``inner`` (scrolling); connect."""
        self.sections = list(sections)
        self.body = scrolling(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.body, 1)
        for editor in self.sections:
            editor.changed.connect(self._publish)
        self.bus.changed.connect(self._on_changed)
        self.show_psw(None)

    def show_psw(self, psw_id: PswId | None) -> None:
        """Show ``psw_id``'s records (None: a new record, which must be saved first)."""
        self.psw_id = psw_id
        self.unsaved.setVisible(psw_id is None)
        self.body.setVisible(psw_id is not None)
        self._stale = True
        if psw_id is None or self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        for editor in self.sections:
            editor.show_psw(self.psw_id)
        self.refresh_more()

    def refresh_more(self) -> None:
        """Show what is not a section (subclasses)."""

    def concerns(self, changes: Changes, psw_id: PswId) -> bool:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _publish(self, changes: Changes) -> None:
        self.bus.publish(changes, self)

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        psw_id = self.psw_id
        if psw_id is not None and self.concerns(changes, psw_id):
            self._stale = True
            if self.isVisible():
                self.refresh()
