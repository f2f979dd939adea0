"""The Contact tab: names, date of birth, role, how to reach them, emergency contact and notes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import EmergencyContact, PswDetails, Role
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout, section
from peerdesk.ui.ranked_checklist import RankedChecklist

_DATE = re.compile(r"\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2,4})\s*")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def parse_uk_date(text: str) -> dt.date | None:
    """ "3/11/1980" (day first) or "1980-11-03" to a date; blank is None; ValueError explains."""
    if not text.strip():
        return None
    if iso := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in iso.groups())
    elif uk := _DATE.fullmatch(text):
        day, month, year = (int(g) for g in uk.groups())
        if len(uk.group(3)) != 4:
            raise ValueError("Write the year in full, like 03/11/1980.")
    else:
        raise ValueError(f'"{text.strip()}" is not a date: write day/month/year, like 03/11/1980.')
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"There is no day {text.strip()} (day/month/year).") from None


def format_uk_date(day: dt.date | None) -> str:
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def _text_box(lines: int) -> QPlainTextEdit:
    """A multi-line box about ``lines`` lines tall at any text size; longer text scrolls."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    margins = box.contentsMargins()
    frame = 2 * box.frameWidth() + margins.top() + margins.bottom()
    height = (
        box.fontMetrics().lineSpacing() * lines + frame + 2 * int(box.document().documentMargin())
    )
    box.setFixedHeight(height)
    return box


class ContactEditor(QWidget):
    """Edits the contact fields of ``PswDetails``; the form owns saving and checking."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.full_name = _line()
        self.known_as = _line("What they like to be called")
        self.pronouns = _line("For example she/her, they/them")
        self.date_of_birth = _line("dd/mm/yyyy (optional)")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.email = _line("name@example.org")
        self.phone = _line()
        self.address = _text_box(3)
        self.postcode = _line()
        self.emergency_name = _line()
        self.emergency_relationship = _line("For example partner, friend, parent")
        self.emergency_phone = _line()
        self.contact_modes: RankedChecklist[ContactMode] = RankedChecklist(
            [(m, m.label) for m in ContactMode], name="Preferred contact modes"
        )
        self.notes = _text_box(4)
        self.problems: dict[str, ProblemLabel] = {}
        self._captions: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self._identity_section())
        layout.addWidget(self._reach_section())
        layout.addWidget(self._emergency_section())
        layout.addWidget(self._notes_section())
        layout.addStretch(1)
        # one label width across the sections, so the fields line up down the whole tab
        width = max(label.sizeHint().width() for label in self._captions)
        for label in self._captions:
            label.setMinimumWidth(width)

        for edit in (
            self.full_name, self.known_as, self.pronouns, self.date_of_birth, self.email,
            self.phone, self.postcode, self.emergency_name, self.emergency_relationship,
            self.emergency_phone,
        ):  # fmt: skip
            edit.textChanged.connect(self.changed)
        for box in (self.address, self.notes):
            box.textChanged.connect(self.changed)
        self.role.currentIndexChanged.connect(self.changed)
        self.contact_modes.changed.connect(self.changed)

    def _field(self, form: QFormLayout, label: str, widget: QWidget, key: str | None) -> None:
        self._captions.append(add_row(form, label, widget))
        if key:
            self.problems[key] = ProblemLabel().attach(form, widget)

    def _identity_section(self) -> QWidget:
        form = new_form_layout()
        self._field(form, "F&ull name *", self.full_name, "full_name")
        self._field(form, "&Known as", self.known_as, "known_as")
        self._field(form, "Pr&onouns", self.pronouns, "pronouns")
        self._field(form, "Date of &birth", self.date_of_birth, "date_of_birth")
        self._field(form, "Ro&le", self.role, None)
        return section("Name and role", form)

    def _reach_section(self) -> QWidget:
        form = new_form_layout()
        self._field(form, "E&mail", self.email, "email")
        self._field(form, "&Phone", self.phone, "phone")
        self._field(form, "A&ddress", self.address, "address")
        self._field(form, "Post&code", self.postcode, "postcode")
        self.contact_modes.setFocusProxy(self.contact_modes.list)
        self._field(form, "Preferred contact modes", self.contact_modes, None)
        self.problems["contact_modes"] = ProblemLabel().attach(form, self.contact_modes.list)
        return section("How to reach them", form)

    def _emergency_section(self) -> QWidget:
        form = new_form_layout()
        self._field(form, "Name", self.emergency_name, None)
        self._field(form, "Relat&ionship", self.emergency_relationship, None)
        self._field(form, "Phone", self.emergency_phone, "emergency_contact")
        self.emergency_name.setAccessibleName("Emergency contact name")
        self.emergency_relationship.setAccessibleName("Emergency contact relationship")
        self.emergency_phone.setAccessibleName("Emergency contact phone")
        return section("Emergency contact", form)

    def _notes_section(self) -> QWidget:
        form = new_form_layout()
        self._field(form, "No&tes", self.notes, "notes")
        return section("Notes", form)

    # --- values ---------------------------------------------------------------------------

    def show_details(self, d: PswDetails) -> None:
        self.full_name.setText(d.full_name)
        self.known_as.setText(d.known_as)
        self.pronouns.setText(d.pronouns)
        self.date_of_birth.setText(format_uk_date(d.date_of_birth))
        self.role.setCurrentIndex(self.role.findData(d.role))
        self.email.setText(d.email)
        self.phone.setText(d.phone)
        self.address.setPlainText(d.address)
        self.postcode.setText(d.postcode)
        self.emergency_name.setText(d.emergency_contact.name)
        self.emergency_relationship.setText(d.emergency_contact.relationship)
        self.emergency_phone.setText(d.emergency_contact.phone)
        self.contact_modes.set_value(d.contact_modes)
        self.notes.setPlainText(d.notes)

    def apply_to(self, d: PswDetails) -> PswDetails:
        try:
            dob = parse_uk_date(self.date_of_birth.text())
        except ValueError:
            dob = None  # the text stays in the box; local_problems() blocks the save
        return replace(
            d,
            full_name=self.full_name.text(),
            known_as=self.known_as.text(),
            pronouns=self.pronouns.text(),
            date_of_birth=dob,
            role=self.role.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            postcode=self.postcode.text(),
            emergency_contact=EmergencyContact(
                self.emergency_name.text(),
                self.emergency_relationship.text(),
                self.emergency_phone.text(),
            ),
            contact_modes=self.contact_modes.value(),
            notes=self.notes.toPlainText(),
        )

    def local_problems(self) -> list[Problem]:
        """What only the form can see: a date of birth that is not a date yet."""
        try:
            parse_uk_date(self.date_of_birth.text())
        except ValueError as error:
            return [Problem("date_of_birth", str(error))]
        return []
