"""The referral and contact fields of a supported person's form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.person import REFERRAL_SOURCE_SUGGESTIONS, PersonDetails
from peerdesk.domain.taxonomy import ListItem
from peerdesk.ui.form_fields import ProblemLabel, add_row, compact, new_form_layout, section
from peerdesk.ui.item_checklist import item_label
from peerdesk.ui.psw_form_contact import format_uk_date, parse_uk_date
from peerdesk.ui.ranked_checklist import RankedChecklist

NO_AREA = "(not recorded)"


def text_box(lines: int) -> QPlainTextEdit:
    """A multi-line box about ``lines`` lines tall at any text size."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    frame = 2 * box.frameWidth() + 2 * int(box.document().documentMargin()) + 4
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + frame)
    return box


class ReferralEditor(QWidget):
    """Name, contact, referral, area, team and risk notes; the form owns saving and checking."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.full_name = QLineEdit()
        self.known_as = QLineEdit()
        self.known_as.setPlaceholderText("What they like to be called")
        self.pronouns = QLineEdit()
        self.date_of_birth = QLineEdit()
        self.date_of_birth.setPlaceholderText("dd/mm/yyyy (optional)")
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.address = text_box(3)
        self.postcode = QLineEdit()
        self.contact_modes: RankedChecklist[ContactMode] = RankedChecklist(
            [(m, m.label) for m in ContactMode], name="Preferred contact modes"
        )
        self.contact_modes.setFocusProxy(self.contact_modes.list)
        self.referral_source = compact(QComboBox(), 14)
        self.referral_source.setEditable(True)
        self.referral_source.addItems(["", *REFERRAL_SOURCE_SUGGESTIONS])
        self.referred_on = QLineEdit()
        self.referred_on.setPlaceholderText("dd/mm/yyyy")
        self.wants = text_box(4)
        self.area = compact(QComboBox())
        self.team = QLineEdit()
        self.team.setPlaceholderText("Optional")
        self.risk_notes = text_box(4)
        self.problems: dict[str, ProblemLabel] = {}

        who = new_form_layout()
        self._row(who, "&Full name *", self.full_name, "full_name")
        self._row(who, "&Known as", self.known_as, "known_as")
        self._row(who, "Pro&nouns", self.pronouns, "pronouns")
        self._row(who, "Date of &birth", self.date_of_birth, "date_of_birth")
        contact = new_form_layout()
        self._row(contact, "&Email", self.email, "email")
        self._row(contact, "P&hone", self.phone, "phone")
        self._row(contact, "A&ddress", self.address, "address")
        self._row(contact, "Post&code", self.postcode, "postcode")
        self._row(contact, "Preferred contact &modes", self.contact_modes, "contact_modes")
        self.contact_modes.list.setAccessibleName("Preferred contact modes")
        referral = new_form_layout()
        self._row(referral, "Referral &source", self.referral_source, "referral_source")
        self._row(referral, "&Referred on *", self.referred_on, "referred_on")
        self._row(referral, "What they &want from a peer", self.wants, "wants")
        self._row(referral, "&Area", self.area, "area_id")
        self._row(referral, "&Team", self.team, "team")
        self._row(referral, "R&isk notes (coordinator only)", self.risk_notes, "risk_notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section("Who they are", who))
        layout.addWidget(section("Contact", contact))
        layout.addWidget(section("Referral", referral))
        layout.addStretch(1)
        self.setFocusProxy(self.full_name)

        line_edits: tuple[QLineEdit, ...] = (
            self.full_name,
            self.known_as,
            self.pronouns,
            self.date_of_birth,
        )
        line_edits += (self.email, self.phone, self.postcode, self.referred_on, self.team)
        for edit in line_edits:
            edit.textChanged.connect(self.changed)
        for box in (self.address, self.wants, self.risk_notes):
            box.textChanged.connect(self.changed)
        self.contact_modes.changed.connect(self.changed)
        self.referral_source.currentTextChanged.connect(self.changed)
        self.area.currentIndexChanged.connect(self.changed)
        self._fill_areas([], None)

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        add_row(form, label, field)
        target = self.contact_modes.list if field is self.contact_modes else field
        self.problems[key] = ProblemLabel().attach(form, target)

    def _fill_areas(self, areas: Iterable[ListItem], keep: TaxonomyItemId | None) -> None:
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(NO_AREA, None)
        for item in sorted(areas, key=lambda i: i.name.casefold()):
            if not item.retired or item.id == keep:
                self.area.addItem(item_label(item), item.id)
        self.area.setCurrentIndex(max(0, self.area.findData(keep)))
        self.area.blockSignals(False)

    def set_items(self, areas: Iterable[ListItem]) -> None:
        self._fill_areas(areas, self.area.currentData())

    def show_details(self, d: PersonDetails) -> None:
        self.full_name.setText(d.full_name)
        self.known_as.setText(d.known_as)
        self.pronouns.setText(d.pronouns)
        self.date_of_birth.setText(format_uk_date(d.date_of_birth))
        self.email.setText(d.email)
        self.phone.setText(d.phone)
        self.address.setPlainText(d.address)
        self.postcode.setText(d.postcode)
        self.contact_modes.set_value(d.contact_modes)
        self.referral_source.setCurrentText(d.referral_source)
        self.referred_on.setText(format_uk_date(d.referred_on))
        self.wants.setPlainText(d.wants)
        found = self.area.findData(d.area_id)
        self.area.setCurrentIndex(max(0, found))
        self.team.setText(d.team)
        self.risk_notes.setPlainText(d.risk_notes)

    def apply_to(self, d: PersonDetails, today: dt.date) -> PersonDetails:
        """``d`` with these fields; unreadable dates keep the old value (see ``local_problems``)."""
        try:
            dob = parse_uk_date(self.date_of_birth.text())
        except ValueError:
            dob = d.date_of_birth
        try:
            referred = parse_uk_date(self.referred_on.text()) or today
        except ValueError:
            referred = d.referred_on
        return replace(
            d,
            full_name=self.full_name.text(),
            known_as=self.known_as.text(),
            pronouns=self.pronouns.text(),
            date_of_birth=dob,
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            postcode=self.postcode.text(),
            contact_modes=self.contact_modes.value(),
            referral_source=self.referral_source.currentText().strip(),
            referred_on=referred,
            wants=self.wants.toPlainText(),
            area_id=self.area.currentData(),
            team=self.team.text(),
            risk_notes=self.risk_notes.toPlainText(),
        )

    def local_problems(self) -> list[Problem]:
        """Dates that cannot be read: the domain never sees them."""
        found = []
        for key, edit in (("date_of_birth", self.date_of_birth), ("referred_on", self.referred_on)):
            try:
                parse_uk_date(edit.text())
            except ValueError as error:
                found.append(Problem(key, str(error)))
        if not self.referred_on.text().strip():
            found.append(Problem("referred_on", "Enter the date they were referred."))
        return found
