"""The Outcomes tab of a person's record: scores per measure and the change first to latest."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import PersonOutcome
from peerdesk.domain.outcomes import format_score
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import (
    OpensDialogs,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.outcome_score_dialog import OutcomeScoreDialog

UNSAVED = "Save the person's record first; then their outcome scores can be recorded here."
NO_MEASURES = "No outcome measures are set up yet: add one in Settings, under Outcome measures."
NO_SCORES = "No outcome scores recorded yet."
TITLES = ("Measure", "Date", "Stage", "Score")


def change_line(outcome: PersonOutcome) -> str:
    """ "Made-up scale: Improved by 3 (from 12 to 15). Next due 2 March 2027." """
    if outcome.change is None:
        said = f"one score so far ({format_score(outcome.first.value)})"
    else:
        said = outcome.change.describe()
    line = f"{outcome.measure.name}: {said}."
    if outcome.next_due is not None:
        line += f" Next due {say_date(outcome.next_due)}."
    return line


class OutcomesTab(QWidget, OpensDialogs):
    """Re-reads when told which person it shows, and when outcomes change anywhere."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.person_id: PersonId | None = None
        self.outcomes: list[PersonOutcome] = []
        self.dialog: OutcomeScoreDialog | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Outcomes")
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setAccessibleName("Change from first to latest score")
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Outcome scores", on_open=lambda: None)
        self.caption = QLabel("Outcome &scores:")
        self.caption.setBuddy(self.table)
        self.record_button = button("Rec&ord a score…", "Record a score")
        self.record_button.clicked.connect(self.record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.changes)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.record_button]))
        layout.addStretch(1)
        bus.changed.connect(self._bus_changed)
        self.refresh()

    def show_person(self, person_id: PersonId | None) -> None:
        self.person_id = person_id
        self.refresh()

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and changes.outcomes:
            self.refresh()

    def refresh(self) -> None:
        saved = self.person_id is not None
        self.outcomes = (
            self.services.outcomes.person_outcomes(self.person_id)
            if self.person_id is not None
            else []
        )
        offered = self.services.outcomes.measures(include_retired=False) if saved else []
        rows = [
            [o.measure.name, say_date(s.taken_on), s.stage.label, format_score(s.value)]
            for o in self.outcomes
            for s in o.scores
        ]
        self.model.set_rows(rows)
        fit_to_rows(self.table)
        if not saved:
            text = UNSAVED
        elif not offered and not rows:
            text = NO_MEASURES
        else:
            text = "" if rows else NO_SCORES
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.changes.setText("\n".join(change_line(o) for o in self.outcomes))
        self.changes.setVisible(bool(self.outcomes))
        for part in (self.caption, self.table):
            part.setVisible(bool(rows))
        self.record_button.setVisible(saved)
        self.record_button.setEnabled(bool(offered))

    def record(self) -> None:
        if self.person_id is None:
            return
        offered = self.services.outcomes.measures(include_retired=False)
        scored = {o.measure.id for o in self.outcomes}
        dialog = OutcomeScoreDialog(self.services, self.person_id, offered, scored, self)
        self.open_kept(dialog, lambda: self._saved(dialog))

    def _saved(self, dialog: OutcomeScoreDialog) -> None:
        self.refresh()
        self.bus.publish(dialog.changes, origin=self)
