"""The small dialogs of a data rights request: log it, date a step, extend, mark sent or done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.rights_due import ACCESS, KIND_LABELS
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.rights_service import RequestLine, Step
from peerdesk.ui.check_fields import CheckDialog, DateField


class LogRequestDialog(CheckDialog):
    """A new request from this PSW or person: its kind, the day it arrived and a note."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId | None,
        person_id: PersonId | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Log a data rights request", "&Log request", parent)
        self.services = services
        self.psw_id, self.person_id = psw_id, person_id
        self.line: RequestLine | None = None
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(self.kind.findData(ACCESS))
        self.received = DateField("received_on", "received", required=True)
        self.received.set_value(services.clock.today())
        self.received.setAccessibleName("Received on")
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_note(
            "Every kind has the same time to answer: the month starts when the request arrives, "
            "or when identity or clarification arrives if you ask for either."
        )
        self.add_field("kind", "&Kind:", self.kind)
        self.add_field("received_on", "&Received on:", self.received)
        self.add_field("note", "&Note:", self.note)
        self.received.textChanged.connect(self.edited)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.received.problems()

    def submit(self) -> Changes:
        day = self.received.value()
        assert day is not None  # local_problems refused a blank or unreal date
        self.line, changes = self.services.rights.log(
            psw_id=self.psw_id,
            person_id=self.person_id,
            received_on=day,
            note=self.note.toPlainText(),
            kind=self.kind.currentData(),
        )
        return changes


class StepDialog(CheckDialog):
    """Date one step: identity or clarification asked for or received."""

    def __init__(
        self, services: Services, line: RequestLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"A step in {line.request.reference}", "&Record step", parent)
        self.services, self.line = services, line
        self.step = QComboBox()
        self.step.setAccessibleName("Step")
        for step in Step:
            self.step.addItem(step.label, step)
        self.on = DateField("date", "step's", required=True)
        self.on.set_value(services.clock.today())
        self.on.setAccessibleName("On")
        self.add_field("step", "&Step:", self.step)
        self.add_field("date", "&On:", self.on)
        self.on.textChanged.connect(self.edited)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def submit(self) -> Changes:
        day = self.on.value()
        assert day is not None
        r = self.line.request
        self.line, changes = self.services.rights.record_step(
            r.id, self.step.currentData(), on=day, version=r.version
        )
        return changes


class ExtendDialog(CheckDialog):
    """Extend by one or two further months, saying why."""

    def __init__(
        self, services: Services, line: RequestLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Extend {line.request.reference}", "&Extend", parent)
        self.services, self.line = services, line
        self.months = QComboBox()
        self.months.setAccessibleName("Further months")
        self.months.addItem("1 month", 1)
        self.months.addItem("2 months", 2)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_field("months", "Further &months:", self.months)
        self.add_field("reason", "&Reason (required):", self.reason)
        self.finish_layout()

    def submit(self) -> Changes:
        r = self.line.request
        self.line, changes = self.services.rights.extend(
            r.id,
            months=self.months.currentData(),
            reason=self.reason.toPlainText(),
            version=r.version,
        )
        return changes


class _ClosingDialog(CheckDialog):
    """A request closed on a day (today unless changed): sent, or done."""

    def __init__(
        self, services: Services, line: RequestLine, word: str, parent: QWidget | None
    ) -> None:
        super().__init__(f"Mark {line.request.reference} {word}", f"Mark &{word}", parent)
        self.services, self.line = services, line
        self.on = DateField("date", word, required=True)
        self.on.set_value(services.clock.today())
        self.on.setAccessibleName(f"{word.capitalize()} on")
        self.on.textChanged.connect(self.edited)

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def day(self) -> dt.date:
        day = self.on.value()
        assert day is not None  # local_problems refuses a missing date before submit
        return day


class SentDialog(_ClosingDialog):
    """The day the reply went: the request closes."""

    def __init__(
        self, services: Services, line: RequestLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, line, "sent", parent)
        self.add_field("date", "Sent &on:", self.on)
        self.finish_layout()

    def submit(self) -> Changes:
        r = self.line.request
        self.line, changes = self.services.rights.mark_sent(r.id, on=self.day(), version=r.version)
        return changes


class DoneDialog(_ClosingDialog):
    """The day a request other than access was dealt with, and a note of what was done."""

    def __init__(
        self, services: Services, line: RequestLine, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, line, "done", parent)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("What was done")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_note("Say what was done (for example, the address corrected), and when.")
        self.add_field("date", "Done &on:", self.on)
        self.add_field("note", "&What was done:", self.note)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        problems = super().local_problems()
        if not self.note.toPlainText().strip():
            problems.append(Problem("note", "Say what was done."))
        return problems

    def submit(self) -> Changes:
        r = self.line.request
        self.line, changes = self.services.rights.mark_done(
            r.id, on=self.day(), note=self.note.toPlainText(), version=r.version
        )
        return changes
