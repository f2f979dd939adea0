"""Settings: the organisation's name and the coordinator's name used as "recorded by"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

RECORDER_NOTE = (
    f"Status changes are recorded by this name unless you say otherwise. Leave it empty to use "
    f"“{DEFAULT_RECORDER}”."
)


class OrganisationSection(SettingsSection):
    """Two names, each saved on its own (one service call per save)."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.name = QLineEdit(self)
        self.coordinator = QLineEdit(self)
        self.coordinator.setPlaceholderText(DEFAULT_RECORDER)
        self.coordinator.setAccessibleDescription(RECORDER_NOTE)
        self.rename_button = button("Rena&me organisation", "Rename organisation")
        self.rename_button.clicked.connect(self.rename)
        self.recorder_button = button("Save &recorder name", "Save recorder name")
        self.recorder_button.clicked.connect(self.save_recorder)
        self.name.returnPressed.connect(self.rename)
        self.coordinator.returnPressed.connect(self.save_recorder)

        form = new_form_layout()
        add_row(form, "Organisation &name:", self.name, name="Organisation name")
        self.name_problem = ProblemLabel(self).attach(form, self.name)
        form.addRow(button_row([self.rename_button]))
        add_row(form, "&Coordinator’s name:", self.coordinator, name="Coordinator’s name")
        form.addRow(note(RECORDER_NOTE))
        self.coordinator_problem = ProblemLabel(self).attach(form, self.coordinator)
        form.addRow(button_row([self.recorder_button]))
        self.column.addLayout(form)
        self.finish()
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        self.name.setText(self.services.settings.organisation().name)
        self.coordinator.setText(self.services.settings.coordinator_name())
        if self.coordinator.text() == DEFAULT_RECORDER:
            self.coordinator.clear()  # the placeholder says it: typing starts afresh

    def show_problems(self, problems: Sequence[Problem]) -> None:
        found = list(problems)
        self.name_problem.set_problems([p for p in found if p.field == "organisation"])
        self.coordinator_problem.set_problems([p for p in found if p.field == "coordinator_name"])
        rest = [p for p in found if p.field not in ("organisation", "coordinator_name")]
        self.problem.set_problems(rest)

    def rename(self) -> None:
        def run() -> Outcome:
            changes = self.services.settings.rename_organisation(self.name.text())
            name = self.services.settings.organisation().name
            return changes, f"The organisation is now called “{name}”."

        self.attempt(run)

    def save_recorder(self) -> None:
        def run() -> Outcome:
            changes = self.services.settings.set_coordinator_name(self.coordinator.text())
            return changes, (
                f"Status changes will be recorded by “{self.services.settings.coordinator_name()}”."
            )

        self.attempt(run)
