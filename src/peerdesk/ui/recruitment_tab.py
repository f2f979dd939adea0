"""The Recruitment tab of the PSW form: application support, interviews and leaving outcomes.

Like the Checks tab, nothing here is part of the form's Save: each add, edit or removal is its
own user action and transaction in ``services.interviews``. The tab publishes what changed on
the change bus and refreshes itself when anything changes its PSW's recruitment or record (a
status change may have recorded a leaving outcome).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckSection
from peerdesk.ui.form_fields import section
from peerdesk.ui.interviews_editor import InterviewsEditor
from peerdesk.ui.leaving_outcomes_view import LeavingOutcomesView
from peerdesk.ui.support_editor import SupportEditor

UNSAVED_TEXT = "Save the record first to add recruitment details."
LEAVING_TITLE = "Leaving before becoming active"


def _holding(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.addWidget(widget)
    return layout


class RecruitmentTab(QWidget):
    """Shows one saved PSW's recruitment; loads lazily, when the tab is first shown for them."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_id: PswId | None = None
        self._stale = True

        self.unsaved = QLabel(UNSAVED_TEXT)
        self.unsaved.setWordWrap(True)
        self.unsaved.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.support = SupportEditor(services)
        self.interviews = InterviewsEditor(services)
        self.leaving = LeavingOutcomesView()
        self.sections: list[CheckSection] = [self.support, self.interviews]

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(section("Application support given", _holding(self.support)))
        column.addWidget(section("Interviews", _holding(self.interviews)))
        self.leaving_box = section(LEAVING_TITLE, _holding(self.leaving))
        column.addWidget(self.leaving_box)
        column.addStretch(1)
        self.body = QScrollArea()
        self.body.setWidget(inner)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.body, 1)
        for editor in self.sections:
            editor.changed.connect(self._publish)
        bus.changed.connect(self._on_changed)
        self.show_psw(None)

    def show_psw(self, psw_id: PswId | None) -> None:
        """Show ``psw_id``'s recruitment (None: a new record, which must be saved first)."""
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
        records = self.services.psws.leaving_outcomes(self.psw_id) if self.psw_id else []
        self.leaving.show_records(records)
        self.leaving_box.setVisible(bool(records))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _publish(self, changes: Changes) -> None:
        self.bus.publish(changes, self)

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        psw_id = self.psw_id
        if psw_id is None:
            return
        if psw_id in changes.recruitment or psw_id in changes.psws:
            self._stale = True
            if self.isVisible():
                self.refresh()
