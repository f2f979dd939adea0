"""The Journey tab: where they are now, how they got here, and a button to record a change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.psw import Psw
from peerdesk.domain.status_moves import stalled_note
from peerdesk.services.bundle import Services
from peerdesk.ui.form_fields import add_row, new_form_layout, section
from peerdesk.ui.psw_table_model import format_date

HISTORY_COLUMNS = ("Date", "From", "To", "Reason", "Recorded by")
REASON_COLUMN = 3

StalledCheck = Callable[[Psw], str | None]
"""Words like "stalled: 30 days at interview (target 21)", or None when within target."""


def default_stalled_check(psw: Psw) -> str | None:
    """Default targets and today's date; :meth:`JourneyPanel.use_services` uses Settings'."""
    if psw.archived:
        return None
    return stalled_note(psw.status, psw.status_since, dt.date.today())


class JourneyPanel(QWidget):
    """Shows a record's journey; "Change status…" asks the form to open the dialog."""

    change_requested = Signal()

    def __init__(self, stalled_check: StalledCheck | None = None) -> None:
        super().__init__()
        self._stalled_check = stalled_check or default_stalled_check
        self.status = QLabel()
        self.since = QLabel()
        for label in (self.status, self.since):
            label.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.change = QPushButton("&Change status…")
        self.change.setAccessibleName("Change status")
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setAccessibleName("Status history")
        self.history.setHorizontalHeaderLabels(list(HISTORY_COLUMNS))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setTabKeyNavigation(False)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(True)
        self.history.verticalHeader().setVisible(False)
        header = self.history.horizontalHeader()
        for column in range(len(HISTORY_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)

        form = new_form_layout()
        add_row(form, "Current status", self.status)
        add_row(form, "Since", self.since)
        now = QVBoxLayout()
        now.addLayout(form)
        now.addWidget(self.note)
        now.addWidget(self.change, 0, Qt.AlignmentFlag.AlignLeft)
        history = QVBoxLayout()
        history.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(section("Now", now))
        layout.addWidget(section("History", history), 1)
        self.change.clicked.connect(self.change_requested)
        self.show_psw(None)

    def use_services(self, services: Services) -> None:
        """Judge "stalled" by the app's clock and the stage targets saved in Settings."""

        def check(psw: Psw) -> str | None:
            stalled = services.psws.stalled(psw)
            return None if stalled is None else stalled.words()

        self._stalled_check = check

    def show_psw(self, psw: Psw | None) -> None:
        self.history.setRowCount(0)
        if psw is None:
            self.status.setText("Enquiry (when first saved)")
            self.since.setText("Not saved yet")
            self.note.setText("Save this new record first; then you can record each step.")
            self.note.setVisible(True)
            self.change.setEnabled(False)
            return
        self.status.setText(psw.status.label + (" (archived)" if psw.archived else ""))
        self.since.setText(format_date(psw.status_since))
        stalled = self._stalled_check(psw)
        self.note.setText("" if stalled is None else stalled[0].upper() + stalled[1:] + ".")
        self.note.setVisible(stalled is not None)
        self.change.setEnabled(True)
        for change in reversed(psw.history):
            row = self.history.rowCount()
            self.history.insertRow(row)
            cells = (
                format_date(change.on),
                change.from_status.label if change.from_status else "(first recorded)",
                change.to_status.label,
                change.reason,
                change.recorded_by,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history.resizeRowsToContents()
