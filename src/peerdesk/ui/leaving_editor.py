"""Fields for leaving before becoming active: the outcome and other routes offered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.leaving import SUGGESTED_ROUTES, LeavingOutcome, RouteAnswer, RouteOffered


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class RouteRow(QWidget):
    """One route offered: what (a suggestion or typed), when, and their answer."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, today: dt.date) -> None:
        super().__init__()
        self.route = QComboBox()
        self.route.setEditable(True)
        self.route.addItems(list(SUGGESTED_ROUTES))
        self.route.setCurrentText("")
        self.on = QDateEdit(to_qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.on.setMaximumDate(to_qdate(today))
        self.answer = QComboBox()
        for answer in RouteAnswer:
            self.answer.addItem(answer.label, answer)
        self.answer.setCurrentIndex(self.answer.findData(RouteAnswer.THINKING))
        self.remove = QPushButton("Remove")
        self.renumber(number)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.route, 3)
        layout.addWidget(self.on, 1)
        layout.addWidget(self.answer, 1)
        layout.addWidget(self.remove)
        self.route.currentTextChanged.connect(self.changed)
        self.on.dateChanged.connect(self.changed)
        self.answer.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def renumber(self, number: int) -> None:
        self.route.setAccessibleName(f"Route {number}: what was offered")
        self.on.setAccessibleName(f"Route {number}: offered on")
        self.answer.setAccessibleName(f"Route {number}: their answer")
        self.remove.setAccessibleName(f"Remove route {number}")

    def value(self) -> RouteOffered:
        answer: RouteAnswer = self.answer.currentData()
        return RouteOffered(self.route.currentText(), from_qdate(self.on.date()), answer)


class LeavingEditor(QWidget):
    """Shown by the status dialog only for "Leave" from a stage before active."""

    changed = Signal()

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self._today = today
        self.rows: list[RouteRow] = []
        heading = QLabel(
            "They are leaving before becoming active: record how it ended for them and any "
            "other routes offered (a recovery college course, volunteering elsewhere …)."
        )
        heading.setWordWrap(True)
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setAccessibleName("Outcome, required")
        self.outcome.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        outcome_label = QLabel("&Outcome (required)")
        outcome_label.setBuddy(self.outcome)
        self.add = QPushButton("&Add a route offered")
        self.add.setAccessibleName("Add a route offered")
        self._routes = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(outcome_label)
        layout.addWidget(self.outcome)
        layout.addWidget(QLabel("Other routes offered (what, when, their answer)"))
        layout.addLayout(self._routes)
        layout.addWidget(self.add)
        self.outcome.textChanged.connect(self.changed)
        self.add.clicked.connect(self.add_route)

    def add_route(self) -> RouteRow:
        row = RouteRow(len(self.rows) + 1, self._today)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._routes.addWidget(row)
        row.route.setFocus()
        self.changed.emit()
        return row

    def _remove(self, row: RouteRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        for number, left in enumerate(self.rows, start=1):
            left.renumber(number)
        self.add.setFocus()
        self.changed.emit()

    def value(self) -> LeavingOutcome:
        return LeavingOutcome(self.outcome.toPlainText(), tuple(r.value() for r in self.rows))
