"""Read-only: the outcome recorded each time they left before becoming active, and the routes
offered then (route, offered on, their answer). Recorded with the status change, not here."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.leaving import LeavingRecord
from peerdesk.ui.check_fields import RecordsView, RowsModel, say_date, short_date
from peerdesk.ui.check_tables import fit_to_rows

COLUMNS = ("Route offered", "Offered on", "Answer")
NO_ROUTES = "No other routes were offered."


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def outcome_text(record: LeavingRecord) -> str:
    return f"Left on {say_date(record.status_change_on)}. Outcome: {record.outcome.outcome}"


class LeavingOutcomesView(QWidget):
    """One block per time they left before active, oldest first; empty when they never did."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[LeavingRecord] = []
        self.models: list[RowsModel] = []
        self.tables: list[RecordsView] = []
        self.outcomes: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_records(self, records: Sequence[LeavingRecord]) -> None:
        self.records = list(records)
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.models, self.tables, self.outcomes = [], [], []
        for number, record in enumerate(self.records, start=1):
            suffix = f" {number}" if len(self.records) > 1 else ""
            outcome = _label(outcome_text(record), f"Leaving outcome{suffix}")
            self._layout.addWidget(outcome)
            self.outcomes.append(outcome)
            if not record.outcome.routes:
                self._layout.addWidget(_label(NO_ROUTES, f"Routes offered{suffix}"))
                continue
            model = RowsModel(COLUMNS, self)
            model.set_rows(
                [[r.route, short_date(r.offered_on), r.answer.label] for r in record.outcome.routes]
            )
            table = RecordsView(model, f"Other routes offered{suffix}", on_open=lambda: None)
            fit_to_rows(table)
            self._layout.addWidget(table)
            self.models.append(model)
            self.tables.append(table)

    def texts(self) -> list[str]:
        """What the outcome lines say, for tests and screen readers alike."""
        return [label.text() for label in self.outcomes]
