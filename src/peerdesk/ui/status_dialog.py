"""The "Change status…" dialog: a new journey status, the date it happened and why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import Problem
from peerdesk.domain.journey import PIPELINE, JourneyStatus, status_change_problems
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout


def suggested_next(current: JourneyStatus) -> JourneyStatus:
    """The next step along the pipeline; Active for anyone paused or gone."""
    if current in PIPELINE[:-1]:
        return PIPELINE[PIPELINE.index(current) + 1]
    return JourneyStatus.PAUSED if current is JourneyStatus.ACTIVE else JourneyStatus.ACTIVE


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ChangeStatusDialog(QDialog):
    """Checks as you go (domain ``status_change_problems``); OK only once the change is valid."""

    def __init__(
        self, *, name: str, current: JourneyStatus, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Change status: {name}")
        self._current, self._today = current, today
        self.status = QComboBox()
        for status in JourneyStatus:
            if status is not current:
                self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(suggested_next(current)))
        self.on = QDateEdit(to_qdate(today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd/MM/yyyy")
        self.on.setMaximumDate(to_qdate(today))
        self.on.setMinimumDate(QDate(1950, 1, 1))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.reason.setMinimumHeight(lines * 4)
        self.reason.setMaximumHeight(lines * 8)
        self.problems = ProblemLabel()

        intro = QLabel(
            f"{name}’s status is {current.label} now. The change is kept in their history."
        )
        intro.setWordWrap(True)
        form = new_form_layout()
        add_row(form, "&New status", self.status)
        add_row(form, "&Date of change", self.on)
        self.reason_label = add_row(form, "&Reason", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Record &change")
        self.ok.setAccessibleName("Record change")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self.status.currentIndexChanged.connect(self._check)
        self.on.dateChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def new_status(self) -> JourneyStatus:
        status: JourneyStatus = self.status.currentData()
        return status

    def date(self) -> dt.date:
        day = self.on.date()
        return dt.date(day.year(), day.month(), day.day())

    def reason_text(self) -> str:
        return self.reason.toPlainText()

    def problem_list(self) -> list[Problem]:
        found = status_change_problems(
            self._current, self.new_status(), self.date(), self.reason_text(), today=self._today
        )
        return [Problem("status", message) for message in found]

    def _check(self) -> None:
        needs = self.new_status().needs_reason
        self.reason_label.setText("&Reason (required)" if needs else "&Reason (optional)")
        self.reason.setAccessibleName("Reason, required" if needs else "Reason, optional")
        problems = self.problem_list()
        # an empty reason is only worth shouting about once the user has had a chance to type
        self.problems.set_problems(problems)
        self.ok.setEnabled(not problems)
