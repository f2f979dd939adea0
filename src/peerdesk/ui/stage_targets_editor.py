"""Settings: days an applicant may spend at each stage before active before they are stalled."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.pipeline import DEFAULT_TARGET_DAYS, target_problems
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note, whole_number

INTRODUCTION = (
    "An applicant who spends longer than this at a stage is shown as stalled on Needs "
    "attention. Whole days from 1 to 3,650."
)
MNEMONICS = {
    JourneyStatus.ENQUIRY: "E&nquiry",
    JourneyStatus.APPLICATION: "&Application",
    JourneyStatus.INTERVIEW: "&Interview",
    JourneyStatus.CHECKS: "Chec&ks",
    JourneyStatus.INDUCTION: "In&duction",
}


def defaults_text() -> str:
    return ", ".join(str(days) for days in DEFAULT_TARGET_DAYS.values())


class StageTargetsSection(SettingsSection):
    """One field per stage; Save sends all five in one call, Reset saves the defaults."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.column.addWidget(note(INTRODUCTION))
        form = new_form_layout()
        self.fields: dict[JourneyStatus, QLineEdit] = {}
        self.field_problems: dict[JourneyStatus, ProblemLabel] = {}
        for status in DEFAULT_TARGET_DAYS:
            edit = QLineEdit(self)
            edit.setMaxLength(6)
            edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * 12)
            edit.setAccessibleDescription(
                f"Days at {status.label.lower()} before they count as stalled; "
                f"the default is {DEFAULT_TARGET_DAYS[status]}."
            )
            edit.returnPressed.connect(self.save)
            add_row(form, f"{MNEMONICS[status]} (days):", edit, name=f"{status.label} target days")
            self.fields[status] = edit
            self.field_problems[status] = ProblemLabel(self).attach(form, edit)
        self.column.addLayout(form)
        self.save_button = button("&Save targets", "Save targets")
        self.save_button.clicked.connect(self.save)
        self.reset_button = button(
            "&Reset to defaults",
            "Reset to defaults",
            tip=f"Save the defaults: {defaults_text()} days.",
        )
        self.reset_button.clicked.connect(self.reset)
        self.column.addWidget(button_row([self.save_button, self.reset_button]))
        self.finish()
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        for status, days in self.services.settings.stage_targets().items():
            if status in self.fields:
                self.fields[status].setText(str(days))

    def typed(self) -> dict[JourneyStatus, int]:
        """The targets as typed; ``ValidationFailed`` naming each field that is wrong."""
        problems: list[Problem] = []
        targets: dict[JourneyStatus, int] = {}
        for status, edit in self.fields.items():
            found: list[Problem] = []
            what = f"target for {status.label.lower()}"
            days = whole_number(edit.text(), field=status.value, what=what, problems=found)
            if days is not None:
                # the domain's own wording, placed under the field it is about
                found += [Problem(status.value, m) for m in target_problems({status: days})]
                targets[status] = days
            problems += found
        if problems:
            raise ValidationFailed(problems)
        return targets

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for status, label in self.field_problems.items():
            label.set_problems([p for p in problems if p.field == status.value])
        placed = {s.value for s in self.field_problems}
        self.problem.set_problems([p for p in problems if p.field not in placed])
        for status in self.fields:
            if any(p.field == status.value for p in problems):
                self.fields[status].setFocus()
                break

    def save(self) -> None:
        def run() -> Outcome:
            changes = self.services.settings.set_stage_targets(self.typed())
            return changes, "Stage targets saved."

        self.attempt(run)

    def reset(self) -> None:
        def run() -> Outcome:
            changes = self.services.settings.set_stage_targets(dict(DEFAULT_TARGET_DAYS))
            return changes, f"Stage targets reset to the defaults ({defaults_text()} days)."

        self.attempt(run)
