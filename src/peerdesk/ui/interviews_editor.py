"""Interviews (Recruitment tab): when, individual or group, outcome; add, edit and remove."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.interview import Interview, PanelMember, hours_notice
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckSection,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.form_fields import problem_text
from peerdesk.ui.interview_dialog import InterviewDialog
from peerdesk.ui.moment_field import say_time

COLUMNS = ("Date and time", "Format", "Outcome")
NONE_YET = "No interviews recorded yet."


def short_moment(moment: dt.datetime) -> str:
    return f"{short_date(moment.date())} {say_time(moment)}"


def say_moment(moment: dt.datetime) -> str:
    return f"{say_date(moment.date())} at {say_time(moment)}"


def row_of(interview: Interview) -> list[str]:
    d = interview.details
    return [short_moment(d.held_at), d.format.label, d.outcome.label]


def member_text(member: PanelMember) -> str:
    about = [member.role] if member.role else []
    about.append("lived experience" if member.lived_experience else "no lived experience")
    about.append("interview-trained" if member.interview_trained else "not interview-trained")
    return f"{member.name} ({'; '.join(about)})"


def details_text(interview: Interview, warnings: list[str]) -> str:
    """The selected interview in full sentences, warnings last."""
    d = interview.details
    lines = [f"{d.format.label} interview on {say_moment(d.held_at)}: {d.outcome.label.lower()}."]
    if d.questions_shared_at is None:
        lines.append("Questions shared: not recorded.")
    else:
        hours = hours_notice(d)
        unit = "hour" if hours == 1 else "hours"
        lines.append(
            f"Questions shared {say_moment(d.questions_shared_at)} ({hours} {unit} before)."
        )
    panel = "; ".join(member_text(m) for m in d.panel) or "nobody recorded"
    lines.append(f"Panel: {panel}.")
    if d.adjustments:
        lines.append(f"Adjustments offered: {d.adjustments}")
    if d.notes:
        lines.append(f"Notes: {d.notes}")
    return "\n".join(lines + warnings)


class InterviewsEditor(CheckSection):
    """Saves each action at once through ``services.interviews``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.interviews: list[Interview] = []
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "Interviews", on_open=self.edit)
        self.empty = QLabel(NONE_YET)
        self.empty.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Selected interview")
        self.add = button("Add in&terview…", "Add interview")
        self.edit_button = button("Ed&it interview…", "Edit interview")
        self.remove = button("Re&move interview…", "Remove interview")
        self.add.clicked.connect(self.add_interview)
        self.edit_button.clicked.connect(self.edit)
        self.remove.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(button_row([self.add, self.edit_button, self.remove]))
        self._update()

    def refresh(self) -> None:
        keep = self.selected()
        self.interviews = self.services.interviews.interviews(self.psw_id) if self.psw_id else []
        self.model.set_rows([row_of(i) for i in self.interviews])
        fit_to_rows(self.table)
        ids = [i.id for i in self.interviews]
        self.table.select_row(ids.index(keep.id) if keep and keep.id in ids else None)
        self._update()

    def selected(self) -> Interview | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.interviews) else self.interviews[row]

    def _update(self) -> None:
        chosen = self.selected()
        self.empty.setVisible(not self.interviews)
        self.table.setVisible(bool(self.interviews))
        self.add.setEnabled(self.psw_id is not None)
        self.edit_button.setEnabled(chosen is not None)
        self.remove.setEnabled(chosen is not None)
        if chosen is None:
            self.details.setText("")
        else:
            found = self.services.interviews.check(chosen.details)
            self.details.setText(details_text(chosen, [problem_text(p) for p in found]))
        self.details.setVisible(chosen is not None)

    def add_interview(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(InterviewDialog(self.services, psw_id=self.psw_id, parent=self))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.psw_id is not None:
            self.open_dialog(
                InterviewDialog(self.services, psw_id=self.psw_id, interview=chosen, parent=self)
            )

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if not message_boxes.confirm(
            self,
            title="Remove interview",
            text=f"Remove the interview on {say_moment(chosen.details.held_at)}?",
            action="Remove",
        ):
            return
        self.run(
            "Could not remove the interview",
            lambda: self.services.interviews.remove_interview(chosen.id),
        )
