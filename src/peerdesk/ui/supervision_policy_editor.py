"""Settings › Supervision: how often each kind of supervision is due, for paid and volunteers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSpinBox, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    DEFAULT_POLICY,
    Frequency,
    FrequencyRule,
    Interval,
    IntervalUnit,
    SupervisionKind,
    SupervisionPolicy,
    policy_problems,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel
from peerdesk.ui.message_boxes import confirm
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "How often each kind of supervision is due. Closer support applies for the given number of "
    "weeks after a peer worker becomes active (0 weeks: none), then the standard interval. "
    "Choose “not required” for a kind the scheme does not ask for; pauses push due dates later."
)
HEADINGS = ("Kind and who", "Closer support (weeks)", "Closer: every", "", "Then: every", "")
NOT_REQUIRED = "not required"
CAPTIONS = {
    (SupervisionKind.MANAGERIAL, Role.PAID): "&Managerial, paid staff",
    (SupervisionKind.MANAGERIAL, Role.VOLUNTEER): "Ma&nagerial, volunteers",
    (SupervisionKind.REFLECTIVE, Role.PAID): "Re&flective, paid staff",
    (SupervisionKind.REFLECTIVE, Role.VOLUNTEER): "Reflecti&ve, volunteers",
    (SupervisionKind.PROFESSIONAL, Role.PAID): "Pr&ofessional, paid staff",
    (SupervisionKind.PROFESSIONAL, Role.VOLUNTEER): "Professiona&l, volunteers",
}
RULES = tuple(CAPTIONS)


def who(kind: SupervisionKind, role: Role) -> str:
    return f"{kind.label}, {'paid staff' if role is Role.PAID else 'volunteers'}"


def defaults_text() -> str:
    return "; ".join(
        f"{who(k, r).lower()}: {DEFAULT_POLICY.frequency(k, r).words}" for k, r in RULES
    )


def _spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 999)  # out-of-range numbers are explained by the service, not clipped
    spin.setAccessibleName(name)
    return spin


def _units(name: str, *, optional: bool) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem("weeks", IntervalUnit.WEEKS)
    combo.addItem("months", IntervalUnit.MONTHS)
    if optional:
        combo.addItem(NOT_REQUIRED, None)
    return combo


class RuleRow:
    """The fields of one (kind, role) rule on a line of the grid."""

    def __init__(self, kind: SupervisionKind, role: Role) -> None:
        self.kind, self.role = kind, role
        name = who(kind, role)
        self.caption = QLabel(CAPTIONS[(kind, role)] + ":")
        self.closer_weeks = _spin(f"{name}: weeks of closer support")
        self.caption.setBuddy(self.closer_weeks)
        self.closer_count = _spin(f"{name}: closer support, every")
        self.closer_unit = _units(f"{name}: closer support, unit", optional=False)
        self.standard_count = _spin(f"{name}: then every")
        self.standard_unit = _units(f"{name}: then, unit or not required", optional=True)
        self.problem = ProblemLabel()
        self.standard_unit.currentIndexChanged.connect(self._enable)
        self.closer_weeks.valueChanged.connect(self._enable)

    def widgets(self) -> list[QWidget]:
        return [
            self.closer_weeks,
            self.closer_count,
            self.closer_unit,
            self.standard_count,
            self.standard_unit,
        ]

    def show(self, frequency: Frequency) -> None:
        closer = frequency.closer
        self.closer_weeks.setValue(frequency.closer_weeks if closer else 0)
        self.closer_count.setValue(closer.count if closer else 2)
        self.closer_unit.setCurrentIndex(self.closer_unit.findData(closer.unit if closer else
                                                                   IntervalUnit.WEEKS))  # fmt: skip
        standard = frequency.standard
        self.standard_count.setValue(standard.count if standard else 1)
        self.standard_unit.setCurrentIndex(self.standard_unit.findData(standard.unit if standard
                                                                       else None))  # fmt: skip
        self._enable()

    def typed(self) -> Frequency:
        weeks = self.closer_weeks.value()
        unit = self.standard_unit.currentData()
        standard = Interval(self.standard_count.value(), unit) if unit is not None else None
        if weeks == 0:
            return Frequency(standard=standard)
        closer = Interval(self.closer_count.value(), self.closer_unit.currentData())
        return Frequency(standard=standard, closer=closer, closer_weeks=weeks)

    def _enable(self) -> None:
        self.standard_count.setEnabled(self.standard_unit.currentData() is not None)
        closer = self.closer_weeks.value() > 0
        self.closer_count.setEnabled(closer)
        self.closer_unit.setEnabled(closer)


class SupervisionPolicySection(SettingsSection):
    """A line per kind and role; Save checks the whole policy with the service in one call."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.column.addWidget(note(INTRODUCTION))
        grid = QGridLayout()
        for column, heading in enumerate(HEADINGS):
            grid.addWidget(QLabel(f"<b>{heading}</b>" if heading else ""), 0, column)
        self.rows = {rule: RuleRow(*rule) for rule in RULES}
        for index, row in enumerate(self.rows.values()):
            line = 1 + 2 * index
            grid.addWidget(row.caption, line, 0)
            for column, widget in enumerate(row.widgets(), 1):
                grid.addWidget(widget, line, column)
            grid.addWidget(row.problem, line + 1, 0, 1, len(HEADINGS))
            row.problem.describe(row.closer_weeks)
        grid.setColumnStretch(len(HEADINGS), 1)
        self.column.addLayout(grid)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setAccessibleName("The policy in words")
        self.column.addWidget(self.words)
        self.save_button = button("&Save supervision policy", "Save supervision policy")
        self.save_button.clicked.connect(self.save)
        self.reset_button = button(
            "&Reset to defaults",
            "Reset supervision policy to defaults",
            tip=f"Asks first: {defaults_text()}.",
        )
        self.reset_button.clicked.connect(self.reset)
        self.column.addWidget(button_row([self.save_button, self.reset_button]))
        self.finish()
        self._shown: SupervisionPolicy | None = None
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        # another section's save must not wipe numbers typed here and not yet saved
        return changes.settings and not self.edited()

    def refresh(self) -> None:
        policy = self.services.supervision.policy()
        for (kind, role), row in self.rows.items():
            row.show(policy.frequency(kind, role))
        self._shown = self.typed()
        self.words.setText(self._in_words(policy))

    @staticmethod
    def _in_words(policy: SupervisionPolicy) -> str:
        return (
            "Saved: "
            + "; ".join(f"{who(k, r).lower()} {policy.frequency(k, r).words}" for k, r in RULES)
            + "."
        )

    def typed(self) -> SupervisionPolicy:
        return SupervisionPolicy(
            tuple(FrequencyRule(r.kind, r.role, r.typed()) for r in self.rows.values())
        )

    def edited(self) -> bool:
        return self._shown != self.typed()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        placed: set[int] = set()
        for (kind, role), row in self.rows.items():
            prefix = f"{kind.value}.{role.value}"
            mine = [p for p in problems if p.field == prefix or p.field.startswith(prefix + ".")]
            placed.update(id(p) for p in mine)
            row.problem.set_problems(mine)
        self.problem.set_problems([p for p in problems if id(p) not in placed])
        first = next((r for r in self.rows.values() if r.problem.problems), None)
        if first is not None:
            first.closer_weeks.setFocus()

    def save(self) -> None:
        policy = self.typed()

        def run() -> Outcome:
            changes = self.services.supervision.save_policy(policy)
            return changes, "Supervision policy saved."

        if self.attempt(run):  # saved: say what will not do what was meant, if anything
            self.show_problems([p for p in policy_problems(policy) if not p.blocking])

    def reset(self) -> None:
        asked = confirm(
            self,
            title="Reset supervision policy",
            text=f"Put every supervision frequency back to the defaults: {defaults_text()}?",
            action="Reset to defaults",
        )
        if not asked:
            return

        def run() -> Outcome:
            changes = self.services.supervision.save_policy(DEFAULT_POLICY)
            return changes, "Supervision policy reset to the defaults."

        self.attempt(run)
