"""Application support given (Recruitment tab): when, what kind and by whom; add and remove."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import SUGGESTED_SUPPORT, SupportDetails, SupportEntry
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckDialog,
    CheckSection,
    DateField,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows

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


class SupportEditor(CheckSection):
    """Saves each action at once through ``services.interviews``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.entries: list[SupportEntry] = []
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "Application support given", on_open=lambda: None)
        self.empty = QLabel(NONE_YET)
        self.empty.setWordWrap(True)
        self.add = button("Add su&pport…", "Add support")
        self.remove = button("Remove supp&ort…", "Remove support")
        self.add.clicked.connect(self.add_support)
        self.remove.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.add, self.remove]))
        self._update()

    def refresh(self) -> None:
        keep = self.selected()
        self.entries = self.services.interviews.support(self.psw_id) if self.psw_id else []
        self.model.set_rows([row_of(e) for e in self.entries])
        fit_to_rows(self.table)
        ids = [e.id for e in self.entries]
        self.table.select_row(ids.index(keep.id) if keep and keep.id in ids else None)
        self._update()

    def selected(self) -> SupportEntry | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.entries) else self.entries[row]

    def _update(self) -> None:
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        self.add.setEnabled(self.psw_id is not None)
        self.remove.setEnabled(self.selected() is not None)

    def add_support(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(SupportDialog(self.services, psw_id=self.psw_id, parent=self))

    def remove_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        d = entry.details
        if not message_boxes.confirm(
            self,
            title="Remove application support",
            text=f"Remove “{d.kind}” given on {say_date(d.on)}?",
            action="Remove",
        ):
            return
        self.run(
            "Could not remove the support",
            lambda: self.services.interviews.remove_support(entry.id),
        )
