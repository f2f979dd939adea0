"""Application support given (Recruitment tab): when, what kind and by whom; add and remove."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import SUGGESTED_SUPPORT, SupportDetails, SupportEntry
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import (
    CheckDialog,
    DateField,
    button,
    say_date,
    short_date,
)
from peerdesk.ui.record_section import RecordSectionEditor

COLUMNS = ("Date", "Kind of support", "By whom")
NONE_YET = "No application support recorded yet."


def row_of(entry: SupportEntry) -> list[str]:
    d = entry.details
    return [short_date(d.on), d.kind, d.given_by]


class SupportDialog(CheckDialog):
    """Help given with ``psw_id``'s application (entries are added or removed, not edited)."""

    def __init__(self, services: Services, *, psw_id: PswId, parent: QWidget | None = None):
        super().__init__("Add application support", "&Save support", parent)
        self.services = services
        self.psw_id = psw_id
        self.on = DateField("on", "support", required=True)
        self.on.set_value(services.clock.today())
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(SUGGESTED_SUPPORT))
        self.kind.setCurrentText("")
        kind_edit = self.kind.lineEdit()
        if kind_edit is not None:
            kind_edit.setPlaceholderText("Choose or type")
        self.given_by = QLineEdit()
        self.given_by.setPlaceholderText("Their name (optional)")
        self.add_note("Help given with the application, such as a practice interview.")
        self.add_field("on", "&Date", self.on)
        self.add_field("kind", "&Kind of support", self.kind)
        self.add_field("given_by", "Given &by", self.given_by)
        self.finish_layout()
        self.on.textChanged.connect(self.edited)
        self.kind.currentTextChanged.connect(self.edited)
        self.given_by.textChanged.connect(self.edited)
        self.kind.setFocus()

    def details(self) -> SupportDetails:
        on = self.on.value() or self.services.clock.today()
        return SupportDetails(on=on, kind=self.kind.currentText(), given_by=self.given_by.text())

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def service_problems(self) -> list[Problem]:
        return self.services.interviews.check_support(self.details())

    def submit(self) -> Changes:
        _, changes = self.services.interviews.add_support(self.psw_id, self.details())
        return changes


class SupportEditor(RecordSectionEditor[SupportEntry]):
    """Saves each action at once through ``services.interviews``."""

    hide_empty_table = True

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent, COLUMNS, "Application support given", row_of, NONE_YET)
        self.add = button("Add su&pport…", "Add support")
        self.remove = button("Remove supp&ort…", "Remove support")
        self.for_selected = [self.remove]
        self.add.clicked.connect(self.add_support)
        self.remove.clicked.connect(self.remove_selected)
        self.lay_out([self.empty, self.table], [self.add, self.remove])

    @property
    def entries(self) -> list[SupportEntry]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[SupportEntry]:
        return self.services.interviews.support(psw_id)

    def add_support(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(SupportDialog(self.services, psw_id=self.psw_id, parent=self))

    def remove_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.remove_after_asking(
                "Remove application support",
                f"Remove “{entry.details.kind}” given on {say_date(entry.details.on)}?",
                "Could not remove the support",
                lambda: self.services.interviews.remove_support(entry.id),
            )
