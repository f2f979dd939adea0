"""Settings › Matching: how much each criterion counts, and the caseload plan's minimum score."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.matching.criteria import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    WEIGHT_MAX,
    WEIGHT_MIN,
    Criterion,
    Weights,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.matching_settings import DEFAULT_MINIMUM_SCORE
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, new_form_layout
from peerdesk.ui.message_boxes import confirm
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "When peer workers are ranked for a person, each criterion gives a closeness from 0 to 1 "
    f"and the score out of 100 weighs them by these numbers: {WEIGHT_MIN} leaves a criterion "
    f"out, {WEIGHT_MAX} counts it most. At least one must be above 0."
)
MISSING_NOTE = (
    "Where a peer worker's side is not recorded (no availability, area or languages) the "
    "criterion counts as 0.5, so missing data neither wins nor loses a match. Criteria the "
    "person has no preference on are left out of their score, not counted as 0."
)
CAPTIONS = {
    Criterion.LIVED_EXPERIENCE: "&Lived experience:",
    Criterion.IDENTITY: "I&dentity:",
    Criterion.LANGUAGE: "Lan&guage:",
    Criterion.AVAILABILITY: "A&vailability:",
    Criterion.TRAVEL: "&Travel:",
    Criterion.CONTACT_MODE: "C&ontact mode:",
    Criterion.INTERESTS: "I&nterests:",
}
EXPLANATIONS = {
    Criterion.LIVED_EXPERIENCE: (
        "Same experience 1, same family 0.6, a related family 0.3; “most important” counts twice."
    ),
    Criterion.IDENTITY: "The share of the person's “would like” identity wishes the peer meets.",
    Criterion.LANGUAGE: "The person's first language shared 1, another shared language 0.6.",
    Criterion.AVAILABILITY: "Hours a week both are free, divided by 4 (at most 1).",
    Criterion.TRAVEL: "Face to face only: 1 up to half the peer's travel limit, 0 at the limit.",
    Criterion.CONTACT_MODE: "The person's first choice of contact 1, another shared one 0.5.",
    Criterion.INTERESTS: "The share of the person's interests the peer has too.",
}
MINIMUM_EXPLANATION = (
    "The caseload plan suggests no pair scoring below this; the person stays waiting instead."
)
MINIMUM_FIELD = "minimum_score"
WEIGHTS_FIELD = "weights"


def defaults_text() -> str:
    weights = ", ".join(f"{c.label.lower()} {DEFAULT_WEIGHTS.of(c)}" for c in CRITERIA)
    return f"{weights}; minimum score {DEFAULT_MINIMUM_SCORE}"


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    return spin


def _row(form: QFormLayout, caption: str, spin: QSpinBox, name: str, explanation: str) -> None:
    """The spin box with its explanation beside it (wrapping when the text is large)."""
    label = QLabel(caption)
    label.setBuddy(spin)
    spin.setAccessibleName(name)
    spin.setAccessibleDescription(explanation)
    said = QLabel(explanation)
    said.setWordWrap(True)
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(spin)
    line.addWidget(said, 1)
    form.addRow(label, holder)


class MatchingWeightsSection(SettingsSection):
    """A spin box per criterion and the plan's minimum score; Save sends them in one call."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.column.addWidget(note(INTRODUCTION))
        form = new_form_layout()
        self.fields: dict[Criterion, QSpinBox] = {}
        self.field_problems: dict[str, ProblemLabel] = {}
        for criterion in CRITERIA:
            spin = _spin(WEIGHT_MIN, WEIGHT_MAX)
            name = f"{criterion.label} weight"
            _row(form, CAPTIONS[criterion], spin, name, EXPLANATIONS[criterion])
            self.fields[criterion] = spin
            self.field_problems[criterion.value] = ProblemLabel(self).attach(form, spin)
        # "all zero" is about every weight at once: it shows under the last of them
        self.field_problems[WEIGHTS_FIELD] = ProblemLabel(self).attach(form)
        self.minimum = _spin(0, 100)
        _row(form, "&Minimum score for the plan:", self.minimum, "Minimum score for the plan",
             MINIMUM_EXPLANATION)  # fmt: skip
        self.field_problems[MINIMUM_FIELD] = ProblemLabel(self).attach(form, self.minimum)
        spins = [*self.fields.values(), self.minimum]
        widest = max(spin.sizeHint().width() for spin in spins)
        for spin in spins:  # one width, so the explanations line up
            spin.setMinimumWidth(widest)
        self.column.addLayout(form)
        self.missing_note = note(MISSING_NOTE)
        self.column.addWidget(self.missing_note)
        self.save_button = button("&Save weights", "Save weights")
        self.save_button.clicked.connect(self.save)
        self.reset_button = button(
            "&Reset to defaults", "Reset weights to defaults", tip=f"Asks first: {defaults_text()}."
        )
        self.reset_button.clicked.connect(self.reset)
        self.column.addWidget(button_row([self.save_button, self.reset_button]))
        self.finish()
        self._shown: tuple[Weights, int] | None = None
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        # another section's save must not wipe weights typed here and not yet saved
        return changes.settings and not self.edited()

    def refresh(self) -> None:
        weights = self.services.matching_settings.weights()
        minimum = self.services.matching_settings.minimum_score()
        for criterion, spin in self.fields.items():
            spin.setValue(weights.of(criterion))
        self.minimum.setValue(minimum)
        self._shown = (weights, minimum)

    def typed(self) -> Weights:
        return Weights(**{c.value: spin.value() for c, spin in self.fields.items()})

    def edited(self) -> bool:
        """Whether the fields differ from what was last read or saved."""
        return self._shown != (self.typed(), self.minimum.value())

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for field, label in self.field_problems.items():
            label.set_problems([p for p in problems if p.field == field])
        self.problem.set_problems([p for p in problems if p.field not in self.field_problems])
        if problems:
            first = problems[0].field
            spin = self.minimum if first == MINIMUM_FIELD else self.fields[CRITERIA[0]]
            spin = next((s for c, s in self.fields.items() if c.value == first), spin)
            spin.setFocus()

    def save(self) -> None:
        def run() -> Outcome:
            changes = self.services.matching_settings.save(self.typed(), self.minimum.value())
            return changes, "Matching weights and minimum score saved."

        self.attempt(run)

    def reset(self) -> None:
        asked = confirm(
            self,
            title="Reset matching weights",
            text=f"Put the weights and the minimum score back to the defaults: {defaults_text()}?",
            action="Reset to defaults",
        )
        if not asked:
            return

        def run() -> Outcome:
            changes = self.services.matching_settings.reset()
            return changes, f"Reset to the defaults: {defaults_text()}."

        self.attempt(run)
