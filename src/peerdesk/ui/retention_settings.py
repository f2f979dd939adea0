"""Settings › Retention: each rule's months (1 to 240) and whether it erases or anonymises."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from peerdesk.domain.retention import MONTHS_MAX, MONTHS_MIN, Action, Rule, explain_rule
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

HOW = (
    "How long PeerDesk keeps a record after it closes. Erase removes the whole record. "
    "Anonymise removes names, contact details and notes, keeping only what trustees' reports "
    "count (so past figures stay the same). Where two rules apply, the longer wins; a hold on a "
    "record stops both. Nothing happens by itself: File › Review retention… shows what is due "
    "and acts only when you say. Erasure cannot be undone; older backups keep a record until "
    "they age out."
)


@dataclass
class _RuleRow:
    rule: Rule
    months: QSpinBox
    action: QComboBox
    explained: QLabel

    def typed(self) -> Rule:
        return Rule(self.rule.subject, self.months.value(), self.action.currentData())


class RetentionRulesSection(SettingsSection):
    """One row per rule, saved together (one transaction)."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.rows: list[_RuleRow] = []
        self.column.addWidget(note(HOW))
        form = new_form_layout()
        for rule in services.retention.rules():
            label = rule.subject.label
            months = QSpinBox(self)
            months.setRange(MONTHS_MIN, MONTHS_MAX)
            months.setSuffix(" months")
            months.setAccessibleName(f"{label}: months kept")
            action = QComboBox(self)
            action.setAccessibleName(f"{label}: then")
            for choice in Action:
                action.addItem(choice.label, choice)
            explained = QLabel(self)
            explained.setWordWrap(True)
            explained.setAccessibleName(f"{label}: what happens")
            row = _RuleRow(rule, months, action, explained)
            months.valueChanged.connect(lambda _v, r=row: self._explain(r))
            action.currentIndexChanged.connect(lambda _i, r=row: self._explain(r))
            add_row(form, f"{label}:", months, name=f"{label}: months kept")
            add_row(form, "then:", action, name=f"{label}: then")
            form.addRow(explained)
            self.rows.append(row)
        self.save_button = button("Save &retention rules", "Save retention rules")
        self.save_button.clicked.connect(self.save)
        form.addRow(button_row([self.save_button]))
        self.column.addLayout(form)
        self.finish()
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        current = {r.subject: r for r in self.services.retention.rules()}
        for row in self.rows:
            row.rule = current.get(row.rule.subject, row.rule)
            row.months.setValue(row.rule.months)
            row.action.setCurrentIndex(row.action.findData(row.rule.action))
            self._explain(row)

    @staticmethod
    def _explain(row: _RuleRow) -> None:
        row.explained.setText(explain_rule(row.typed()))

    def save(self) -> None:
        def run() -> Outcome:
            changes = self.services.retention.set_rules([row.typed() for row in self.rows])
            return changes, "Retention rules saved."

        self.attempt(run)
