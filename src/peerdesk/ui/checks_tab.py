"""The Checks tab of the PSW form: readiness, references, DBS, OH, induction and training.

Checks are not part of the form's Save: each add, edit, chase or removal is its own user action
and transaction in its service. The tab publishes what changed on the change bus (so lists and
the dashboard follow) and refreshes itself when anything changes the checks of the PSW it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import attention_targets as targets
from peerdesk.ui.adjustments_editor import AdjustmentsEditor
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckSection
from peerdesk.ui.dbs_editor import DbsEditor
from peerdesk.ui.form_fields import section
from peerdesk.ui.health_editor import HealthEditor
from peerdesk.ui.induction_editor import InductionEditor
from peerdesk.ui.readiness_summary import ReadinessSummary
from peerdesk.ui.references_editor import ReferencesEditor
from peerdesk.ui.training_editor import TrainingEditor

UNSAVED_TEXT = "Save the record first to add checks."


def _boxed(widget: QWidget) -> QVBoxLayout:
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


def _first_control(group: QWidget) -> QWidget | None:
    """The first visible, enabled control in ``group`` that Tab would stop at."""
    widget = group.nextInFocusChain()
    while widget is not None and widget is not group:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()
        if tabbable and group.isAncestorOf(widget) and widget.isVisibleTo(group):
            return widget
        widget = widget.nextInFocusChain()
    return None


class ChecksTab(QWidget):
    """Shows one saved PSW's checks; loads lazily, when the tab is first shown for that PSW."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_id: PswId | None = None
        self._stale = True

        self.unsaved = QLabel(UNSAVED_TEXT)
        self.unsaved.setWordWrap(True)
        self.unsaved.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary = ReadinessSummary()
        self.references = ReferencesEditor(services)
        self.dbs = DbsEditor(services)
        self.health = HealthEditor(services)
        self.adjustments = AdjustmentsEditor(services)
        self.induction = InductionEditor(services)
        self.training = TrainingEditor(services)
        self.sections: list[CheckSection] = [
            self.references,
            self.dbs,
            self.health,
            self.adjustments,
            self.induction,
            self.training,
        ]

        inner = QWidget()
        column = QVBoxLayout(inner)
        self.groups: dict[str, QWidget] = {}
        for name, title, widget in (
            (targets.READINESS, "Ready to be active", self.summary),
            (targets.REFERENCES, "References", self.references),
            (targets.DBS, "DBS check (metadata only)", self.dbs),
            (targets.HEALTH, "Occupational health", self.health),
            (targets.ADJUSTMENTS, "Reasonable adjustments", self.adjustments),
            (targets.INDUCTION, "Induction", self.induction),
            (targets.TRAINING, "Training", self.training),
        ):
            self.groups[name] = section(title, _boxed(widget))
            column.addWidget(self.groups[name])
        column.addStretch(1)
        self.body = scrolling(inner)

        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.body, 1)
        for editor in self.sections:
            editor.changed.connect(self._publish)
        bus.changed.connect(self._on_changed)
        self.show_psw(None)

    def show_psw(self, psw_id: PswId | None) -> None:
        """Show ``psw_id``'s checks (None: a new record, which must be saved first)."""
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
        results = self.services.policies.requirements(self.psw_id) if self.psw_id else []
        self.summary.show_results(results)

    def focus_section(self, name: str) -> QWidget | None:
        """Scroll ``name``'s section (see :mod:`attention_targets`) into view and focus its
        first control (the readiness summary has none: the first control after it); the
        focused control, or None for an unknown section or an unsaved record."""
        group = self.groups.get(name)
        if group is None or self.psw_id is None:
            return None
        if self._stale:
            self.refresh()
        self.body.ensureWidgetVisible(group, 0, 0)
        names = list(self.groups)
        for later in names[names.index(name) :]:
            control = _first_control(self.groups[later])
            if control is not None:
                control.setFocus(Qt.FocusReason.OtherFocusReason)
                self.body.ensureWidgetVisible(group, 0, 0)  # the title too, not just the control
                return control
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _publish(self, changes: Changes) -> None:
        if changes.empty:  # e.g. chasing twice in a day: nothing new to show, say so by refreshing
            self.refresh()
        self.bus.publish(changes, self)

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        psw_id = self.psw_id
        if psw_id is None:
            return
        if psw_id in changes.checks or psw_id in changes.psws or changes.policies:
            self._stale = True
            if self.isVisible():
                self.refresh()
