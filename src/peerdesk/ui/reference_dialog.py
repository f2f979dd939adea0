"""Add or edit one reference: type, referee, contact, requested, received and the outcome."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from peerdesk.domain.calendar import format_date
from peerdesk.domain.check_records import Reference, ReferenceDetails, ReferenceKind
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog, DateField
from peerdesk.ui.form_fields import compact

NOT_KNOWN = "Not known yet"
OUTCOMES: tuple[tuple[str, bool | None], ...] = (
    (NOT_KNOWN, None),
    ("Satisfactory", True),
    ("Not satisfactory", False),
)


def text_box(lines: int, parent: QWidget) -> QPlainTextEdit:
    """A multi-line box about ``lines`` lines tall at the current text size; Tab moves on."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(parent.fontMetrics().lineSpacing() * lines + 16)
    return box


class ReferenceDialog(CheckDialog):
    """New reference for ``psw_id`` when ``reference`` is None; otherwise edits it."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        reference: Reference | None = None,
        number: int,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Reference {number}"
        super().__init__(
            f"Edit {title.lower()}" if reference else f"Add {title.lower()}",
            "&Save reference",
            parent,
        )
        self.services = services
        self.psw_id = psw_id
        self.reference = reference
        self.kind = compact(QComboBox(), 10)
        for kind in ReferenceKind:
            self.kind.addItem(kind.label, kind)
        self.referee = QLineEdit()
        self.referee.setPlaceholderText("Their name")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("Email, phone or address")
        self.requested_on = DateField("requested_on", "requested", required=True)
        self.received_on = DateField("received_on", "received")
        self.outcome = compact(QComboBox(), 12)
        for label, value in OUTCOMES:
            self.outcome.addItem(label, value)
        self.outcome_on = DateField("outcome_on", "outcome")
        self.concerns = text_box(3, self)

        self.add_note(
            "Usually two references: employer, or character references where there is little "
            "work history."
        )
        self.add_field("kind", "&Type", self.kind)
        self.add_field("referee", "&Referee", self.referee)
        self.add_field("contact", "C&ontact", self.contact)
        self.add_field("requested_on", "Re&quested on", self.requested_on)
        self.add_field("received_on", "Recei&ved on", self.received_on)
        self.add_field("satisfactory", "O&utcome", self.outcome)
        self.add_field("outcome_on", "Outcome &date", self.outcome_on)
        self.add_field(
            "concerns_followed_up",
            "Concerns &followed up",
            self.concerns,
        )
        self.finish_layout()

        today = services.clock.today()
        self._show(reference.details if reference else ReferenceDetails(requested_on=today))
        for edit in (self.referee, self.contact, self.requested_on, self.received_on,
                     self.outcome_on):  # fmt: skip
            edit.textChanged.connect(self.edited)
        self.concerns.textChanged.connect(self.edited)
        self.kind.currentIndexChanged.connect(self.edited)
        self.outcome.currentIndexChanged.connect(self._outcome_chosen)
        self.referee.setFocus()

    def _show(self, d: ReferenceDetails) -> None:
        self.kind.setCurrentIndex(self.kind.findData(d.kind))
        self.referee.setText(d.referee)
        self.contact.setText(d.contact)
        self.requested_on.set_value(d.requested_on)
        self.received_on.set_value(d.received_on)
        self.outcome.setCurrentIndex(
            next(i for i, (_, v) in enumerate(OUTCOMES) if v is d.satisfactory)
        )
        self.outcome_on.set_value(d.outcome_on)
        self.concerns.setPlainText(d.concerns_followed_up)

    def _outcome_chosen(self) -> None:
        # choosing an outcome usually happens the day it is known: offer today, keep any typed date
        if self.outcome.currentData() is not None and not self.outcome_on.text().strip():
            self.outcome_on.set_value(self.services.clock.today())
        self.edited()

    def details(self) -> ReferenceDetails:
        requested = self.requested_on.value() or self.services.clock.today()
        satisfactory: bool | None = self.outcome.currentData()
        return ReferenceDetails(
            requested_on=requested,
            kind=self.kind.currentData(),
            referee=self.referee.text(),
            contact=self.contact.text(),
            received_on=self.received_on.value(),
            satisfactory=satisfactory,
            concerns_followed_up=self.concerns.toPlainText(),
            outcome_on=self.outcome_on.value(),
        )

    def local_problems(self) -> list[Problem]:
        return [
            p
            for field in (self.requested_on, self.received_on, self.outcome_on)
            for p in field.problems()
        ]

    def service_problems(self) -> list[Problem]:
        return self.services.references.check(self.details())

    def submit(self) -> Changes:
        if self.reference is None:
            _, changes = self.services.references.add(self.psw_id, self.details())
        else:
            _, changes = self.services.references.update(self.reference.id, self.details())
        return changes


def chasers_text(chased_on: tuple[dt.date, ...]) -> str:
    """ "not chased", "chased 2 times, last 20 November 2026"."""
    if not chased_on:
        return "not chased"
    times = "1 time" if len(chased_on) == 1 else f"{len(chased_on)} times"
    return f"chased {times}, last {format_date(max(chased_on))}"
