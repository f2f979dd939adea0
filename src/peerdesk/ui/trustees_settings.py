"""Settings: the trustees' report's small-number threshold (counts under it print as "<5")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.trustees_report import THRESHOLD_MAX
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note, whole_number

HOW = (
    "Counts under this number print as “<5” (when it is 5) in the trustees' report, and so does "
    "the next smallest count in the same table, so that no one can be picked out or worked out "
    "from a total. Waiting times, outcome changes and shares are not shown for fewer people. "
    f"Use a whole number from 1 to {THRESHOLD_MAX}; 1 hides nothing."
)


def hidden_words(threshold: int) -> str:
    """What a threshold hides, in a sentence: "Counts from 1 to 4 will print as “<5”."."""
    if threshold <= 1:
        return "No counts will be hidden."
    if threshold == 2:
        return "A count of 1 will print as “<2”."
    return f"Counts from 1 to {threshold - 1} will print as “<{threshold}”."


class TrusteesSettingsSection(SettingsSection):
    """One whole number, saved with its own button or Enter (one service call per save)."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.threshold = QLineEdit(self)
        self.threshold.setMaxLength(6)
        self.threshold.setMaximumWidth(self.threshold.fontMetrics().averageCharWidth() * 12)
        self.threshold.setAccessibleDescription(HOW)
        self.threshold.returnPressed.connect(self.save)
        self.save_button = button("Sa&ve threshold", "Save threshold")
        self.save_button.clicked.connect(self.save)

        self.column.addWidget(note(HOW))
        form = new_form_layout()
        add_row(form, "Small-number &threshold:", self.threshold, name="Small-number threshold")
        self.threshold_problem = ProblemLabel(self).attach(form, self.threshold)
        form.addRow(button_row([self.save_button]))
        self.column.addLayout(form)
        self.finish()
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        self.threshold.setText(str(self.services.trustees_report.threshold()))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        found = list(problems)
        self.threshold_problem.set_problems([p for p in found if p.field == "threshold"])
        self.problem.set_problems([p for p in found if p.field != "threshold"])

    def save(self) -> None:
        def run() -> Outcome:
            problems: list[Problem] = []
            chosen = whole_number(
                self.threshold.text(),
                field="threshold",
                what="small-number threshold",
                problems=problems,
            )
            if chosen is None:
                raise ValidationFailed(problems)
            changes = self.services.trustees_report.set_threshold(chosen)
            return changes, f"Threshold saved: {hidden_words(chosen)}"

        self.attempt(run)
