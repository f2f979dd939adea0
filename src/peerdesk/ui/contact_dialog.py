"""Log one contact of a match: date, minutes, how, whether it took place, and a note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome, MatchId, contact_problems
from peerdesk.domain.errors import Problem
from peerdesk.domain.match_lifecycle import Match, MatchStage
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact


def introduced_on(match: Match) -> dt.date | None:
    """The day the match was introduced (None: not yet)."""
    days = [s.on for s in match.history if s.stage is MatchStage.INTRODUCED]
    return days[0] if days else None


def read_minutes(text: str, field: str = "minutes") -> tuple[int | None, list[Problem]]:
    """Whole minutes typed as digits (a leading minus allowed, for the domain to refuse)."""
    clean = text.strip()
    if not clean:
        return None, [Problem(field, "Give how long the contact lasted, in minutes.")]
    try:
        return int(clean), []
    except ValueError:
        return None, [Problem(field, f'"{clean}" is not a number of minutes (like 45).')]


def mode_combo() -> QComboBox:
    combo = compact(QComboBox())
    for mode in ContactMode:
        combo.addItem(mode.label, mode)
    return combo


def outcome_combo() -> QComboBox:
    combo = compact(QComboBox())
    for outcome in ContactOutcome:
        combo.addItem(outcome.label, outcome)
    return combo


def note_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


class ContactDialog(FittedCheckDialog):
    """One contact for ``match``; refused (in the domain's words) before the introduction."""

    def __init__(
        self, services: Services, match: Match, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Log a contact — {who}", "&Log contact", parent)
        self.services = services
        self.match_id: MatchId = match.id
        self.introduced = introduced_on(match)
        self.on = DateField("on", "contact", required=True)
        self.on.set_value(services.clock.today())
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText("e.g. 45")
        self.mode = mode_combo()
        self.outcome = outcome_combo()
        self.note = note_box()
        self.add_field("on", "&Date (dd/mm/yyyy)", self.on)
        self.add_field("minutes", "&Minutes", self.minutes, hint="Up to 12 hours (720 minutes).")
        self.add_field("mode", "&How", self.mode)
        self.add_field("outcome", "&Took place?", self.outcome)
        self.add_field("note", "N&ote", self.note)
        self.finish_layout()
        for signal in (self.on.textEdited, self.minutes.textEdited, self.note.textChanged):
            signal.connect(self.edited)

    def details(self) -> ContactDetails:
        minutes, _ = read_minutes(self.minutes.text())
        return ContactDetails(
            on=self.on.value() or self.services.clock.today(),
            minutes=0 if minutes is None else minutes,
            mode=self.mode.currentData(),
            outcome=self.outcome.currentData(),
            note=self.note.toPlainText(),
        )

    def local_problems(self) -> list[Problem]:
        return self.on.problems() + read_minutes(self.minutes.text())[1]

    def service_problems(self) -> list[Problem]:
        return contact_problems(
            self.details(), introduced_on=self.introduced, today=self.services.clock.today()
        )

    def submit(self) -> Changes:
        return self.services.matches.add_contact(self.match_id, self.details())[1]
