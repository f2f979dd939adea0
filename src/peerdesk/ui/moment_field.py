"""A date and a time typed side by side ("23/11/2026" and "14:30"), checked as one moment."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.ui.check_fields import DateField

_TIME = re.compile(r"\s*(\d{1,2})(?:\s*[:.]\s*(\d{2})|(\d{2}))?\s*")


def parse_time(text: str) -> dt.time | None:
    """ "14:30", "9.05", "0930" or "9" (24-hour clock) to a time; blank is None; ValueError says
    what is wrong."""
    if not text.strip():
        return None
    found = _TIME.fullmatch(text)
    if not found:
        raise ValueError(f'"{text.strip()}" is not a time: write hours:minutes, like 14:30.')
    hour, minute = int(found.group(1)), int(found.group(2) or found.group(3) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f'There is no time "{text.strip()}" on the 24-hour clock (00:00–23:59).')
    return dt.time(hour, minute)


def say_time(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


class DateTimeField(QWidget):
    """A date box and a time box; Alt+its label's letter goes to the date.

    ``field`` is the name the service's problems use, ``what`` words the messages ("the
    interview date: …"). Blank both means no moment, which is a problem only when ``required``.
    """

    changed = Signal()

    def __init__(self, field: str, what: str, *, required: bool = False) -> None:
        super().__init__()
        self.field = field
        self.what = what
        self.required = required
        self.date = DateField(field, what, required=required)
        self.date.setAccessibleName(f"{what.capitalize()} date")
        self.time = QLineEdit()
        self.time.setPlaceholderText("hh:mm" if required else "hh:mm (optional)")
        self.time.setAccessibleName(f"{what.capitalize()} time")
        self.time.setAccessibleDescription("24-hour clock, like 14:30")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 3)
        layout.addWidget(self.time, 2)
        self.setFocusProxy(self.date)
        self.date.textChanged.connect(self.changed)
        self.time.textChanged.connect(self.changed)

    def set_value(self, moment: dt.datetime | None) -> None:
        self.date.set_value(None if moment is None else moment.date())
        self.time.setText("" if moment is None else say_time(moment))

    def value(self) -> dt.datetime | None:
        """The moment typed, or None when blank or incomplete (see :meth:`problems`)."""
        day = self.date.value()
        try:
            at = parse_time(self.time.text())
        except ValueError:
            return None
        if day is None or at is None:
            return None
        return dt.datetime.combine(day, at)

    def problems(self) -> list[Problem]:
        found = self.date.problems()
        try:
            at = parse_time(self.time.text())
        except ValueError as error:
            return [*found, Problem(self.field, f"The {self.what} time: {error}")]
        if found:
            return found
        typed_date = bool(self.date.text().strip())
        if at is None and (typed_date or self.required):
            found.append(Problem(self.field, f"Enter the {self.what} time (hours:minutes)."))
        elif at is not None and not typed_date:
            found.append(Problem(self.field, f"Enter the {self.what} date as well as the time."))
        return found
