"""The References section of the Checks tab: list, add, edit, chase and remove references."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.check_records import Reference
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckSection,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.reference_dialog import ReferenceDialog, chasers_text

COLUMNS = ("No.", "Type", "Referee", "Contact", "Requested", "Chasers", "Received", "Outcome")


def outcome_text(ref: Reference) -> str:
    d = ref.details
    if d.satisfactory is None:
        return "awaited" if d.received_on is None else "outcome not recorded"
    said = "Satisfactory" if d.satisfactory else "Not satisfactory"
    return f"{said} ({short_date(d.outcome_on)})" if d.outcome_on else said


def chased_short(ref: Reference) -> str:
    times = len(ref.chased_on)
    if not times:
        return "not chased"
    return f"{times} {'time' if times == 1 else 'times'}, last {short_date(max(ref.chased_on))}"


def details_text(ref: Reference) -> str:
    """The selected reference in full sentences, for what the table abbreviates."""
    d = ref.details
    lines = [
        f"Reference {ref.position}: {d.kind.label.lower()} reference from "
        f"{d.referee or 'a referee not named yet'}"
        + (f" ({d.contact})" if d.contact else "")
        + f", requested {say_date(d.requested_on)}; {chasers_text(ref.chased_on)}.",
    ]
    if d.concerns_followed_up:
        lines.append(f"Concerns followed up: {d.concerns_followed_up}")
    return "\n".join(lines)


def row_of(ref: Reference) -> list[str]:
    d = ref.details
    return [
        str(ref.position),
        d.kind.label,
        d.referee,
        d.contact,
        short_date(d.requested_on),
        chased_short(ref),
        short_date(d.received_on, "not received"),
        outcome_text(ref),
    ]


class ReferencesEditor(CheckSection):
    """Saves each action at once through ``services.references``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.references: list[Reference] = []
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "References", on_open=self.edit)
        self.empty = QLabel("No references recorded yet.")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Selected reference")
        self.add = button("Add referen&ce…", "Add reference")
        self.edit_button = button("Ed&it reference…", "Edit reference")
        self.chase = button("Chase", "Chase", tip="Record that the referee was chased today.")
        self.remove = button("Remove reference…", "Remove reference")
        self.add.clicked.connect(self.add_reference)
        self.edit_button.clicked.connect(self.edit)
        self.chase.clicked.connect(self.chase_selected)
        self.remove.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(button_row([self.add, self.edit_button, self.chase, self.remove]))
        self._update_buttons()

    def refresh(self) -> None:
        keep = self.selected()
        self.references = self.services.references.references(self.psw_id) if self.psw_id else []
        self.model.set_rows([row_of(r) for r in self.references])
        self.empty.setVisible(not self.references)
        ids = [r.id for r in self.references]
        self.table.select_row(ids.index(keep.id) if keep and keep.id in ids else None)
        self._update_buttons()

    def selected(self) -> Reference | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.references) else self.references[row]

    def _update_buttons(self) -> None:
        ref = self.selected()
        self.add.setEnabled(self.psw_id is not None)
        self.edit_button.setEnabled(ref is not None)
        self.remove.setEnabled(ref is not None)
        self.chase.setEnabled(ref is not None and ref.details.received_on is None)
        self.details.setText(details_text(ref) if ref else "")
        self.details.setVisible(ref is not None)

    # --- actions --------------------------------------------------------------------------------

    def add_reference(self) -> None:
        if self.psw_id is None:
            return
        self.open_dialog(
            ReferenceDialog(
                self.services, psw_id=self.psw_id, number=len(self.references) + 1, parent=self
            )
        )

    def edit(self) -> None:
        ref = self.selected()
        if ref is None or self.psw_id is None:
            return
        self.open_dialog(
            ReferenceDialog(
                self.services, psw_id=self.psw_id, reference=ref, number=ref.position, parent=self
            )
        )

    def chase_selected(self) -> None:
        ref = self.selected()
        if ref is None:
            return
        self.run("Could not record the chaser", lambda: self.services.references.chase(ref.id)[1])

    def remove_selected(self) -> None:
        ref = self.selected()
        if ref is None:
            return
        who = f" from {ref.details.referee}" if ref.details.referee else ""
        if not message_boxes.confirm(
            self,
            title="Remove reference",
            text=f"Remove reference {ref.position}{who}? The others are renumbered.",
            action="Remove",
        ):
            return
        self.run("Could not remove the reference", lambda: self.services.references.remove(ref.id))
