"""Settings: the outcome measures the organisation uses (add, edit, retire); none is shipped."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.outcome_records import MeasureRecord
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row
from peerdesk.ui.outcome_measure_dialog import MeasureDialog
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "Optional measures for supported people, taken at the start, at reviews and at the end; "
    "each person's change from first to latest shows on their record. Type in the scales your "
    "organisation is licensed to use. A retired measure keeps its scores but is not offered for "
    "new ones."
)
TITLES = ("Measure", "Items", "Scoring", "Better", "Review every", "Scores", "Status")


def measure_row(record: MeasureRecord) -> list[str]:
    months = record.every_months
    every = "" if months is None else ("1 month" if months == 1 else f"{months} months")
    return [
        record.name,
        str(len(record.measure.items)),
        record.measure.scoring.label,
        "higher" if record.measure.higher_is_better else "lower",
        every,
        f"{record.scored:,}",
        "retired" if record.retired else "in use",
    ]


class OutcomeMeasuresSection(SettingsSection):
    """The measures in a table; add and edit in a dialog; retire and restore save at once."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.measures: list[MeasureRecord] = []
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Outcome measures", on_open=self.edit)
        caption = QLabel("Outcome &measures:", self)
        caption.setBuddy(self.table)
        self.add_button = button("&Add measure…", "Add measure")
        self.edit_button = button("&Edit measure…", "Edit measure")
        self.retire_button = button("&Retire measure", "Retire measure")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.column.addWidget(note(INTRODUCTION))
        self.column.addWidget(caption)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(button_row([self.add_button, self.edit_button, self.retire_button]))
        self.finish(stretch=False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.outcomes

    def refresh(self) -> None:
        keep = self.selected()
        self.measures = self.services.outcomes.measures()
        self.model.set_rows([measure_row(m) for m in self.measures])
        self.select(keep)
        self._update_buttons()

    def selected(self) -> MeasureRecord | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.measures) else self.measures[row]

    def select(self, record: MeasureRecord | None) -> None:
        ids = [m.id for m in self.measures]
        found = record is not None and record.id in ids
        self.table.select_row(ids.index(record.id) if record and found else None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.retire_button.setEnabled(chosen is not None)
        retired = chosen is not None and chosen.retired
        self.retire_button.setText("&Restore measure" if retired else "&Retire measure")
        self.retire_button.setAccessibleName("Restore measure" if retired else "Retire measure")

    def add(self) -> None:
        self._open(MeasureDialog(self.services, None, self))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open(MeasureDialog(self.services, chosen, self))

    def toggle_retired(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def run() -> Outcome:
            saved, changes = self.services.outcomes.set_retired(chosen.id, not chosen.retired)
            state = "retired" if saved.retired else "in use again"
            return changes, f"“{saved.name}” is {state}."

        self.attempt(run)

    def _open(self, dialog: MeasureDialog) -> None:
        def said() -> str:
            self.select(dialog.saved)
            return f"Saved the measure “{dialog.saved.name}”." if dialog.saved else ""

        self.open_dialog(dialog, said)
