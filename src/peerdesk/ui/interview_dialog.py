"""Add or edit one interview: when, format, adjustments, questions shared, panel, outcome, notes.

Short notice and a panel with no lived experience are warned about as you type ("Warning: …")
and never stop the save; a moment that is not a moment, or questions shared after the
interview, are refused under the field they name.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import (
    NOTICE_HOURS,
    Interview,
    InterviewDetails,
    InterviewFormat,
    InterviewOutcome,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import ProblemLabel, compact
from peerdesk.ui.moment_field import DateTimeField
from peerdesk.ui.panel_editor import PanelEditor
from peerdesk.ui.reference_dialog import text_box


class InterviewDialog(FittedCheckDialog):
    """A new interview for ``psw_id`` when ``interview`` is None; otherwise edits it."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        interview: Interview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Edit interview" if interview else "Add interview", "&Save interview", parent
        )
        self.services = services
        self.psw_id = psw_id
        self.interview = interview
        self.held_at = DateTimeField("held_at", "interview", required=True)
        self.format = compact(QComboBox(), 10)
        for kind in InterviewFormat:
            self.format.addItem(kind.label, kind)
        self.adjustments = text_box(2, self)
        self.adjustments.setPlaceholderText("A quiet room, questions in large print, a break …")
        self.questions_shared_at = DateTimeField("questions_shared_at", "questions shared")
        self.panel = PanelEditor()
        self.outcome = compact(QComboBox(), 10)
        for outcome in InterviewOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.notes = text_box(2, self)
        # wide enough for the panel's names and roles beside its two tick columns
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 76)

        self.add_field("held_at", "Date and &time", self.held_at)
        self.add_field("format", "&Format", self.format)
        self.add_field("adjustments", "&Adjustments offered", self.adjustments)
        self.add_field(
            "questions_shared_at",
            "&Questions shared",
            self.questions_shared_at,
            hint=f"When the questions were given to them:\nat least {NOTICE_HOURS} hours before.",
        )
        self.add_field("outcome", "&Outcome", self.outcome)
        self.add_field("notes", "&Notes", self.notes)
        self.finish_layout()
        self._add_panel()

        if interview is not None:
            self._show(interview.details)
        else:
            self.held_at.date.set_value(services.clock.today())
        for moment in (self.held_at, self.questions_shared_at):
            moment.changed.connect(self.edited)
        for box in (self.adjustments, self.notes):
            box.textChanged.connect(self.edited)
        for combo in (self.format, self.outcome):
            combo.currentIndexChanged.connect(self.edited)
        self.panel.changed.connect(self.edited)
        (self.outcome if interview else self.held_at.time).setFocus()

    def _add_panel(self) -> None:
        """The panel table takes the dialog's full width, under the fields, with its problems."""
        box = QGroupBox("&Panel")
        inner = QVBoxLayout(box)
        inner.addWidget(self.panel)
        label = ProblemLabel().describe(self.panel.table)
        inner.addWidget(label)
        self.problems["panel"] = label
        self._fields["panel"] = self.panel
        self._layout.insertWidget(self._layout.indexOf(self.summary), box)
        # the box joined the dialog after the buttons: put it back in reading order for Tab
        QWidget.setTabOrder(self.notes, self.panel.table)
        QWidget.setTabOrder(self.panel.table, self.panel.add)
        QWidget.setTabOrder(self.panel.add, self.panel.remove)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.interview is not None:  # now it has its width: fit the warnings it opens with
            self.show_problems(self.current_problems())

    def _show(self, d: InterviewDetails) -> None:
        self.held_at.set_value(d.held_at)
        self.format.setCurrentIndex(self.format.findData(d.format))
        self.adjustments.setPlainText(d.adjustments)
        self.questions_shared_at.set_value(d.questions_shared_at)
        self.panel.set_members(d.panel)
        self.outcome.setCurrentIndex(self.outcome.findData(d.outcome))
        self.notes.setPlainText(d.notes)

    def details(self) -> InterviewDetails:
        held = self.held_at.value()
        # with no interview moment yet, comparing the questions' moment to a stand-in would warn
        # or refuse about nothing the person typed
        shared = self.questions_shared_at.value() if held else None
        return InterviewDetails(
            held_at=held or dt.datetime.combine(self.services.clock.today(), dt.time(12)),
            format=self.format.currentData(),
            adjustments=self.adjustments.toPlainText(),
            questions_shared_at=shared,
            panel=self.panel.members(),
            outcome=self.outcome.currentData(),
            notes=self.notes.toPlainText(),
        )

    def local_problems(self) -> list[Problem]:
        return self.held_at.problems() + self.questions_shared_at.problems()

    def service_problems(self) -> list[Problem]:
        return self.services.interviews.check(self.details())

    def submit(self) -> Changes:
        if self.interview is None:
            _, changes = self.services.interviews.add_interview(self.psw_id, self.details())
        else:
            _, changes = self.services.interviews.update_interview(
                self.interview.id, self.details()
            )
        return changes
