"""Agree a record with a PSW: their date and the other party's; with both it is locked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from peerdesk.domain.errors import Problem
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import CheckDialog, DateField


class AgreeLockDialog(CheckDialog):
    """When the PSW and ``other`` (e.g. "reviewer") agreed; a date known already stays fixed.

    A subclass saves ``new_dates()`` through its service in ``submit``.
    """

    def __init__(
        self,
        services: Services,
        *,
        other: str,
        known: tuple[dt.date | None, dt.date | None],
        note: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Agree and lock", "&Agree", parent)
        self.services = services
        today = services.clock.today()
        self.psw_on = DateField("agreed", "PSW agreed")
        self.other_on = DateField(f"agreed_{other}", f"{other} agreed")
        for field, day in zip((self.psw_on, self.other_on), known, strict=True):
            field.set_value(day or today)
            field.setEnabled(day is None)
            field.textEdited.connect(self.edited)
        self.add_note(note)
        self.add_field("agreed", "Agreed by the &PSW on", self.psw_on)
        self.add_field(f"agreed_{other}", f"Agreed by the &{other} on", self.other_on)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.psw_on.problems() + self.other_on.problems()

    def new_dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The PSW's and the other party's dates given here (None where agreed before)."""
        return (
            self.psw_on.value() if self.psw_on.isEnabled() else None,
            self.other_on.value() if self.other_on.isEnabled() else None,
        )
