"""The safeguarding concern dialogs: raise, add a step, who was told, close (yes/no), reopen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPlainTextEdit, QRadioButton, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.safeguarding import Closing, Concern, SourceKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog


def text_box(lines: int) -> QPlainTextEdit:
    """Plain text (a typed ``<b>`` stays as typed); Tab moves on, as in every other field."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


INCIDENT_HINT = "Records are kept longer after an incident\n(the retention schedule says how long)."


class _DatedDialog(FittedCheckDialog):
    """A dialog whose first field is a required date, today to start with."""

    def __init__(
        self, services: Services, title: str, ok_text: str, what: str, parent: QWidget | None
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.services = services
        self.on = DateField("on", what, required=True)
        self.on.set_value(services.clock.today())
        self.on.textEdited.connect(self.edited)

    def day(self) -> dt.date:
        """The date typed, or today while it is not a date yet (its own problem says so)."""
        return self.on.value() or self.services.clock.today()

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def watch(self, *boxes: QPlainTextEdit) -> None:
        for box in boxes:
            box.textChanged.connect(self.edited)


class RaiseConcernDialog(_DatedDialog):
    """Raise a concern from a PSW's or a person's record."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId | None,
        person_id: PersonId | None,
        about: str,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Raise a safeguarding concern — {about}"
        super().__init__(services, title, "&Raise concern", "raised", parent)
        self.psw_id = psw_id
        self.person_id = person_id
        self.concern_summary = text_box(6)
        self.who_told = text_box(2)
        self.referral = text_box(2)
        self.add_note(
            "Follow your organisation's safeguarding procedure first. This record keeps the "
            "follow-up; it stays on Needs attention until it is closed."
        )
        self.add_field("on", "&Date raised (dd/mm/yyyy)", self.on)
        self.add_field("summary", "&Summary of the concern", self.concern_summary)
        self.add_field("who_told", "&Who was told", self.who_told)
        self.add_field("referral", "Re&ferral made", self.referral)
        self.finish_layout()
        self.watch(self.concern_summary, self.who_told, self.referral)

    def service_problems(self) -> list[Problem]:
        found = self.services.concerns.check_raise(
            summary=self.concern_summary.toPlainText(),
            raised_on=self.day(),
            psw_id=self.psw_id,
            person_id=self.person_id,
        )
        return [Problem("on", p.message) if p.field == "raised_on" else p for p in found]

    def submit(self) -> Changes:
        return self.services.concerns.raise_concern(
            source=SourceKind.PERSON if self.person_id is not None else SourceKind.PSW,
            raised_on=self.day(),
            summary=self.concern_summary.toPlainText(),
            psw_id=self.psw_id,
            person_id=self.person_id,
            who_told=self.who_told.toPlainText(),
            referral=self.referral.toPlainText(),
        )[1]


class StepDialog(_DatedDialog):
    """A dated step of the follow-up: what was done."""

    def __init__(self, services: Services, concern: Concern, parent: QWidget | None = None) -> None:
        super().__init__(services, "Add a step", "&Add step", "step", parent)
        self.concern = concern
        self.text = text_box(4)
        self.add_field("on", "&Date (dd/mm/yyyy)", self.on)
        self.add_field("text", "&What was done", self.text)
        self.finish_layout()
        self.watch(self.text)

    def service_problems(self) -> list[Problem]:
        return self.services.concerns.check_step(
            self.concern, on=self.day(), text=self.text.toPlainText()
        )

    def submit(self) -> Changes:
        return self.services.concerns.add_step(
            self.concern.id, on=self.day(), text=self.text.toPlainText()
        )[1]


class FollowUpDialog(FittedCheckDialog):
    """Who was told and the referral made, while the concern is open."""

    def __init__(self, services: Services, concern: Concern, parent: QWidget | None = None) -> None:
        super().__init__("Who was told and referral", "&Save", parent)
        self.services = services
        self.concern = concern
        self.who_told = text_box(3)
        self.who_told.setPlainText(concern.who_told)
        self.referral = text_box(3)
        self.referral.setPlainText(concern.referral)
        self.add_field("who_told", "&Who was told", self.who_told)
        self.add_field("referral", "Re&ferral made", self.referral)
        self.finish_layout()
        for box in (self.who_told, self.referral):
            box.textChanged.connect(self.edited)

    def submit(self) -> Changes:
        return self.services.concerns.update_follow_up(
            self.concern.id,
            who_told=self.who_told.toPlainText(),
            referral=self.referral.toPlainText(),
        )[1]


class CloseConcernDialog(_DatedDialog):
    """Closing: a date, a note and whether it was a safeguarding incident (no default)."""

    def __init__(self, services: Services, concern: Concern, parent: QWidget | None = None) -> None:
        super().__init__(services, "Close the concern", "&Close concern", "closing", parent)
        self.concern = concern
        self.note = text_box(4)
        self.yes = QRadioButton("&Yes")
        self.yes.setAccessibleName("Yes, it was a safeguarding incident")
        self.no = QRadioButton("N&o")
        self.no.setAccessibleName("No, it was not a safeguarding incident")
        self.incident = QButtonGroup(self)  # exclusive; neither is ticked until chosen
        choice = QWidget()
        choice.setAccessibleName("Was it a safeguarding incident?")
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        for radio in (self.yes, self.no):
            self.incident.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self.add_field("on", "&Date closed (dd/mm/yyyy)", self.on)
        self.add_field("note", "Closing no&te", self.note)
        self.add_field(
            "was_incident",
            "Was it a safeguarding incident?",
            choice,
            hint=INCIDENT_HINT,
        )
        self.finish_layout()
        self.watch(self.note)
        self.incident.buttonToggled.connect(lambda _button, _on: self.edited())

    def closing(self) -> Closing:
        chosen = True if self.yes.isChecked() else False if self.no.isChecked() else None
        return Closing(self.day(), self.note.toPlainText(), chosen)

    def service_problems(self) -> list[Problem]:
        return self.services.concerns.check_close(self.concern, self.closing())

    def submit(self) -> Changes:
        return self.services.concerns.close(self.concern.id, self.closing())[1]


class ReopenConcernDialog(_DatedDialog):
    """Reopen a closed concern: the reason is kept as a step, with what the closing said."""

    def __init__(self, services: Services, concern: Concern, parent: QWidget | None = None) -> None:
        super().__init__(services, "Reopen the concern", "&Reopen concern", "reopening", parent)
        self.concern = concern
        self.reason = text_box(3)
        self.add_field("on", "&Date reopened (dd/mm/yyyy)", self.on)
        self.add_field("reason", "&Why it is reopened", self.reason)
        self.finish_layout()
        self.watch(self.reason)

    def service_problems(self) -> list[Problem]:
        return self.services.concerns.check_reopen(
            self.concern, on=self.day(), reason=self.reason.toPlainText()
        )

    def submit(self) -> Changes:
        return self.services.concerns.reopen(
            self.concern.id, on=self.day(), reason=self.reason.toPlainText()
        )[1]
