"""Change a supported person's status on a date, with a reason for on hold and closed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import Problem
from peerdesk.domain.person import PersonStatus
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.psw_form_contact import format_uk_date, parse_uk_date

Submit = Callable[[PersonStatus, dt.date, str], Sequence[Problem]]
"""Records the change; returns the problems that stopped it (empty when it was saved)."""


class PersonStatusDialog(QDialog):
    """Pick the new status, its date and (for on hold or closed) the reason, then record it."""

    def __init__(
        self,
        name: str,
        current: PersonStatus,
        today: dt.date,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Change status — {name}")
        self._submit = submit
        self.status = QComboBox()
        for status in PersonStatus:
            if status is not current:
                self.status.addItem(status.label, status)
        self.on = QLineEdit(format_uk_date(today))
        self.on.setPlaceholderText("dd/mm/yyyy")
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        form = new_form_layout()
        add_row(form, f"Now {current.label.lower()}; &new status", self.status, name="New status")
        add_row(form, "&Date (dd/mm/yyyy)", self.on, name="Date of the change")
        add_row(form, "&Reason", self.reason, name="Reason")
        self.problems = ProblemLabel(heading=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Change status")
        ok.setAccessibleName("Change status")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._update_hint)
        self._update_hint()

    def _update_hint(self) -> None:
        status = self.status.currentData()
        needed = isinstance(status, PersonStatus) and status.needs_reason
        self.reason.setPlaceholderText("Required" if needed else "Optional")
        self.reason.setAccessibleDescription(
            "A reason is required for this status." if needed else "Optional."
        )

    def accept(self) -> None:
        status: PersonStatus = self.status.currentData()
        reason = self.reason.toPlainText()
        try:
            on = parse_uk_date(self.on.text())
        except ValueError as error:
            self.problems.set_problems([Problem("on", str(error))])
            return
        if on is None:
            self.problems.set_problems([Problem("on", "Enter the date of the change.")])
            return
        if status.needs_reason and not reason.strip():
            self.problems.set_problems(
                [Problem("reason", f"Say why they are {status.label.lower()}.")]
            )
            return
        found = list(self._submit(status, on, reason))
        if found:
            self.problems.set_problems(found)
            return
        super().accept()
