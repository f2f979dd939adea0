"""Settings for data rights requests: the organisation's nation and its bank holidays."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import Problem
from peerdesk.domain.rights_due import NATIONS
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import DateField, RecordsView, RowsModel, button, button_row
from peerdesk.ui.form_fields import add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

HOW = (
    "A request is due one calendar month after it arrives (or after identity or clarification "
    "arrives). When that day is a weekend or a bank holiday in your nation, it moves to the next "
    "working day. Add next year's bank holidays here when they are announced."
)


def _nation_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for key, label in NATIONS.items():
        combo.addItem(label, key)
    return combo


class RightsSettingsSection(SettingsSection):
    """The nation (saved on its own) and a list of bank holidays per nation: add or remove."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.nation = _nation_combo("Organisation's nation")
        self.nation_button = button("&Use this nation", "Use this nation")
        self.nation_button.clicked.connect(self.save_nation)
        self.shown_nation = _nation_combo("Bank holidays of")
        self.shown_nation.currentIndexChanged.connect(lambda _i: self.refresh_days())
        self.model = RowsModel(("Date", "Bank holiday"), self)
        self.days = RecordsView(self.model, "Bank holidays", on_open=lambda: None)
        self.day = DateField("day", "bank holiday", required=True)
        self.day.setAccessibleName("New bank holiday date")
        self.day_name = QLineEdit()
        self.day_name.setAccessibleName("New bank holiday name")
        self.add_button = button("&Add bank holiday", "Add bank holiday")
        self.add_button.clicked.connect(self.add_day)
        self.day_name.returnPressed.connect(self.add_day)
        self.remove_button = button("Re&move bank holiday", "Remove bank holiday")
        self.remove_button.clicked.connect(self.remove_day)

        self.column.addWidget(note(HOW))
        form = new_form_layout()
        add_row(form, "Organisation’s &nation:", self.nation)
        form.addRow(button_row([self.nation_button]))
        add_row(form, "Bank holidays &of:", self.shown_nation)
        self.column.addLayout(form)
        self.column.addWidget(self.days, 1)
        adding = new_form_layout()
        add_row(adding, "&Date:", self.day)
        add_row(adding, "Nam&e:", self.day_name)
        adding.addRow(button_row([self.add_button, self.remove_button]))
        self.column.addLayout(adding)
        self.finish(stretch=False)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        self.nation.setCurrentIndex(self.nation.findData(self.services.rights.nation()))
        self.refresh_days()

    def refresh_days(self) -> None:
        self.holidays = self.services.rights.holidays(self.shown_nation.currentData())
        self.model.set_rows([[format_date(h.day), h.name] for h in self.holidays])

    def save_nation(self) -> None:
        def run() -> Outcome:
            changes = self.services.rights.set_nation(self.nation.currentData())
            return changes, f"Due dates now skip the bank holidays of {self.nation.currentText()}."

        self.attempt(run)

    def add_day(self) -> None:
        problems = self.day.problems()
        day = self.day.value()
        if problems or day is None:
            self.show_problems(problems or [Problem("day", "Enter the date (day/month/year).")])
            return

        def run() -> Outcome:
            nation = self.shown_nation.currentData()
            changes = self.services.rights.add_holiday(nation, day, self.day_name.text())
            return changes, f"Added {format_date(day)} for {self.shown_nation.currentText()}."

        if self.attempt(run):
            self.day.clear()
            self.day_name.clear()

    def remove_day(self) -> None:
        row = self.days.selected_row()
        if row is None:
            self.show_problems([Problem("", "Choose a bank holiday in the list first.")])
            return
        chosen = self.holidays[row]

        def run() -> Outcome:
            changes = self.services.rights.remove_holiday(chosen.nation, chosen.day)
            return changes, f"Removed {format_date(chosen.day)} ({chosen.name})."

        self.attempt(run)
