"""The "Change status…" dialog: one of the allowed moves, the date it happened and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
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

from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, leaving_problems, tidied_leaving
from peerdesk.domain.pipeline import Move, allowed_moves
from peerdesk.domain.status_moves import leaves_before_active, status_move_problems
from peerdesk.ui.attention_targets import links_html
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.leaving_editor import LeavingEditor, from_qdate, to_qdate


@dataclass(frozen=True)
class StatusRequest:
    """What the coordinator asked for; ``leaving`` only when leaving before active."""

    new: JourneyStatus
    on: dt.date
    reason: str
    leaving: LeavingOutcome | None = None


Submit = Callable[[StatusRequest], PeerDeskError | None]
"""Records the change; returns the error when it was refused (shown in the dialog)."""

Reasons = Callable[[StatusRequest], Sequence[tuple[str, str]]]
"""After a refusal: (section, reason) for each thing missing, shown as links to the section."""


def default_move(moves: list[Move]) -> Move:
    """Forward (or back to active) when possible, else pausing, else the first offered."""
    for move in moves:
        if not move.needs_reason:
            return move
    for move in moves:
        if move.to is JourneyStatus.PAUSED:
            return move
    return moves[0]


class ChangeStatusDialog(QDialog):
    """Offers only the moves the pipeline allows and checks as you go; OK once it is valid.

    With ``submit`` the dialog records the change itself and stays open on a refusal (the
    readiness gate's list of what is missing, say), showing it as text under the fields and,
    with ``reasons``, each reason as a link: following one closes the dialog (nothing recorded)
    with :attr:`chosen_section` set, for the caller to open that section.
    """

    def __init__(
        self,
        *,
        name: str,
        current: JourneyStatus,
        today: dt.date,
        parent: QWidget | None = None,
        submit: Submit | None = None,
        reasons: Reasons | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Change status: {name}")
        self._current, self._today, self._submit = current, today, submit
        self._reasons = reasons
        self.chosen_section = ""
        self._links: list[tuple[str, str]] = []
        self.moves = allowed_moves(current)
        self.status = QComboBox()
        for move in self.moves:
            self.status.addItem(move.label, move.to)
        self.status.setCurrentIndex(self.moves.index(default_move(self.moves)))
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
        self.leaving = LeavingEditor(today)
        self.problems = ProblemLabel()
        self.refusal = ProblemLabel()
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setAccessibleName("What is missing, as links to the Checks tab")
        self.links.linkActivated.connect(self._follow)
        self.links.hide()

        intro = QLabel(
            f"{name}’s status is {current.label} now. The change is kept in their history."
        )
        intro.setWordWrap(True)
        form = new_form_layout()
        add_row(form, "&Change", self.status, name="New status")
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
        layout.addWidget(self.leaving)
        layout.addWidget(self.problems)
        layout.addWidget(self.refusal)
        layout.addWidget(self.links)
        layout.addWidget(self.buttons)

        self.status.currentIndexChanged.connect(self._check)
        self.on.dateChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.leaving.changed.connect(self._check)
        self._check()

    def new_status(self) -> JourneyStatus:
        status: JourneyStatus = self.status.currentData()
        return status

    def chosen_move(self) -> Move:
        return self.moves[self.status.currentIndex()]

    def date(self) -> dt.date:
        return from_qdate(self.on.date())

    def reason_text(self) -> str:
        return self.reason.toPlainText()

    def asks_leaving(self) -> bool:
        return leaves_before_active(self._current, self.new_status())

    def request(self) -> StatusRequest:
        leaving = tidied_leaving(self.leaving.value()) if self.asks_leaving() else None
        return StatusRequest(self.new_status(), self.date(), self.reason_text(), leaving)

    def problem_list(self) -> list[Problem]:
        found = [
            Problem("status", message)
            for message in status_move_problems(
                self._current, self.new_status(), self.date(), self.reason_text(), today=self._today
            )
        ]
        leaving = self.request().leaving
        if leaving is not None:
            found += leaving_problems(leaving, today=self._today)
        return found

    def show_refusal(self, error: PeerDeskError) -> None:
        """Show why the change was refused, in words, and keep the dialog open."""
        if isinstance(error, ValidationFailed):
            problems = list(error.problems)
        else:
            problems = [Problem("status", str(error))]
        self.refusal.set_problems(problems)

    def show_links(self, links: Sequence[tuple[str, str]]) -> None:
        """Each (section, reason) as a link; none hides the list."""
        self.links.setText(links_html(links))
        self.links.setVisible(bool(links))

    def link_targets(self) -> list[str]:
        """The sections the links shown now open, in order."""
        return [section for section, _reason in self._links]

    def _follow(self, section: str) -> None:
        self.chosen_section = section
        self.reject()

    def accept(self) -> None:
        if self._submit is not None:
            request = self.request()
            error = self._submit(request)
            if error is not None:
                self.show_refusal(error)
                self._links = list(self._reasons(request)) if self._reasons else []
                self.show_links(self._links)
                return
        super().accept()

    def _check(self) -> None:
        needs = self.chosen_move().needs_reason
        self.reason_label.setText("&Reason (required)" if needs else "&Reason (optional)")
        self.reason.setAccessibleName("Reason, required" if needs else "Reason, optional")
        self.leaving.setVisible(self.asks_leaving())
        problems = self.problem_list()
        self.problems.set_problems(problems)
        self.refusal.set_problems([])  # an edit makes an earlier refusal out of date
        self._links = []
        self.show_links([])
        self.ok.setEnabled(not any(p.blocking for p in problems))
