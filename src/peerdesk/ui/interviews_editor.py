"""Interviews (Recruitment tab): when, individual or group, outcome; add, edit and remove."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import Interview, PanelMember, hours_notice
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import button, say_date, short_date
from peerdesk.ui.form_fields import problem_text
from peerdesk.ui.interview_dialog import InterviewDialog
from peerdesk.ui.moment_field import say_time
from peerdesk.ui.record_section import RecordSectionEditor, details_label

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


class InterviewsEditor(RecordSectionEditor[Interview]):
    """Saves each action at once through ``services.interviews``."""

    hide_empty_table = True

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, parent, COLUMNS, "Interviews", row_of, NONE_YET, on_open=self.edit
        )
        self.details = details_label("Selected interview")
        self.add = button("Add in&terview…", "Add interview")
        self.edit_button = button("Ed&it interview…", "Edit interview")
        self.remove = button("Re&move interview…", "Remove interview")
        self.for_selected = [self.edit_button, self.remove]
        self.add.clicked.connect(self.add_interview)
        self.edit_button.clicked.connect(self.edit)
        self.remove.clicked.connect(self.remove_selected)
        self.lay_out([self.empty, self.table, self.details], [self.add, *self.for_selected])

    @property
    def interviews(self) -> list[Interview]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[Interview]:
        return self.services.interviews.interviews(psw_id)

    def describe(self, record: Interview) -> str:
        found = self.services.interviews.check(record.details)
        return details_text(record, [problem_text(p) for p in found])

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
        if chosen is not None:
            self.remove_after_asking(
                "Remove interview",
                f"Remove the interview on {say_moment(chosen.details.held_at)}?",
                "Could not remove the interview",
                lambda: self.services.interviews.remove_interview(chosen.id),
            )
