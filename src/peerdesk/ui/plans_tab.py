"""The Plans tab of the peer worker form: the wellbeing plan and "telling my story safely"."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import ProblemLabel
from peerdesk.ui.plan_editor import PlanEditor
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.psw_section_tab import scrolling
from peerdesk.ui.story_conflict_note import conflict_note, show_conflicts

UNSAVED_TEXT = "Save the record first: plans are kept once it is saved."


class PlansTab(QWidget):
    """Two plans, each saved as numbered versions; story conflicts shown here and, when given
    ``elsewhere`` (the lived-experience tab's note), there too."""

    def __init__(
        self,
        context: CommandContext,
        elsewhere: ProblemLabel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = context.services
        self.bus: ChangeBus = context.bus
        self.elsewhere = elsewhere
        self.psw_id: PswId | None = None
        self._stale = True
        self.unsaved = QLabel(UNSAVED_TEXT)
        self.unsaved.setWordWrap(True)
        self.wellbeing = PlanEditor(self.services, PlanKind.WELLBEING)
        self.story = PlanEditor(self.services, PlanKind.STORY)
        self.conflicts = conflict_note(self.story.body, 1)
        self.plans = QTabWidget()
        self.plans.setAccessibleName("Plans")
        self.plans.tabBar().setAccessibleName("Plans")
        self.plans.addTab(scrolling(self.wellbeing), PlanKind.WELLBEING.label)
        self.plans.addTab(scrolling(self.story), PlanKind.STORY.label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.plans, 1)
        for editor in (self.wellbeing, self.story):
            editor.saved.connect(self._saved)
        self.bus.changed.connect(self._on_changed)
        self.show_psw(None)

    def show_psw(self, psw_id: PswId | None) -> None:
        """Show ``psw_id``'s plans (None: a new record, which must be saved first)."""
        self.psw_id = psw_id
        self.unsaved.setVisible(psw_id is None)
        self.plans.setVisible(psw_id is not None)
        self._stale = True
        self._show_conflicts()
        if self.isVisible():
            self.refresh()

    def refresh(self, *, keep_edits: bool = False) -> None:
        self._stale = False
        for editor in (self.wellbeing, self.story):
            editor.show_psw(self.psw_id, keep_edits=keep_edits)

    def _show_conflicts(self) -> None:
        found = [] if self.psw_id is None else self.services.plans.conflicts(self.psw_id)
        for note in (self.conflicts, self.elsewhere):
            if note is not None:
                show_conflicts(note, found)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _saved(self, changes: Changes) -> None:
        self._show_conflicts()
        self.bus.publish(changes, self)

    def _on_changed(self, changes: Changes, origin: object) -> None:
        if self.psw_id is None or origin is self:
            return
        if changes.plans or changes.checks or changes.lists or self.psw_id in changes.psws:
            self._show_conflicts()
            self._stale = True
            if self.isVisible():
                self.refresh(keep_edits=True)
