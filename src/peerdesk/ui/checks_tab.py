"""The Checks tab of the PSW form: readiness, references, DBS, OH, induction and training.

Checks are not part of the form's Save: each add, edit, chase or removal is its own user action
and transaction in its service. The tab publishes what changed on the change bus (so lists and
the dashboard follow) and refreshes itself when anything changes the checks of the PSW it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import attention_targets as targets
from peerdesk.ui.adjustments_editor import AdjustmentsEditor
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.dbs_editor import DbsEditor
from peerdesk.ui.form_fields import section
from peerdesk.ui.health_editor import HealthEditor
from peerdesk.ui.induction_editor import InductionEditor
from peerdesk.ui.psw_section_tab import PswSectionTab, boxed
from peerdesk.ui.psw_section_tab import scrolling as scrolling  # psw_form imports it from here
from peerdesk.ui.readiness_summary import ReadinessSummary
from peerdesk.ui.references_editor import ReferencesEditor
from peerdesk.ui.training_editor import TrainingEditor

UNSAVED_TEXT = "Save the record first to add checks."


def _first_control(group: QWidget) -> QWidget | None:
    """The first visible, enabled control in ``group`` that Tab would stop at."""
    widget = group.nextInFocusChain()
    while widget is not None and widget is not group:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()
        if tabbable and group.isAncestorOf(widget) and widget.isVisibleTo(group):
            return widget
        widget = widget.nextInFocusChain()
    return None


class ChecksTab(PswSectionTab):
    """Shows one saved PSW's checks; loads lazily, when the tab is first shown for that PSW."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, UNSAVED_TEXT, parent)
        self.summary = ReadinessSummary()
        self.references = ReferencesEditor(services)
        self.dbs = DbsEditor(services)
        self.health = HealthEditor(services)
        self.adjustments = AdjustmentsEditor(services)
        self.induction = InductionEditor(services)
        self.training = TrainingEditor(services)

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
            self.groups[name] = section(title, boxed(widget))
            column.addWidget(self.groups[name])
        column.addStretch(1)
        self.finish(
            inner,
            [
                self.references,
                self.dbs,
                self.health,
                self.adjustments,
                self.induction,
                self.training,
            ],
        )

    def refresh_more(self) -> None:
        results = self.services.policies.requirements(self.psw_id) if self.psw_id else []
        self.summary.show_results(results)

    def concerns(self, changes: Changes, psw_id: PswId) -> bool:
        return psw_id in changes.checks or psw_id in changes.psws or bool(changes.policies)

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

    def _publish(self, changes: Changes) -> None:
        if changes.empty:  # e.g. chasing twice in a day: nothing new to show, say so by refreshing
            self.refresh()
        super()._publish(changes)
