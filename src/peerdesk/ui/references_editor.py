"""The References section of the Checks tab: list, add, edit, chase and remove references."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.domain.check_records import Reference
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import button, say_date, short_date
from peerdesk.ui.record_section import RecordSectionEditor, details_label
from peerdesk.ui.reference_dialog import ReferenceDialog, chasers_text

COLUMNS = ("No.", "Type", "Referee", "Contact", "Requested", "Chasers", "Received", "Outcome")
NONE_YET = "No references recorded yet."


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


class ReferencesEditor(RecordSectionEditor[Reference]):
    """Saves each action at once through ``services.references``."""

    fit_rows = False
    wrap_empty = False

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, parent, COLUMNS, "References", row_of, NONE_YET, on_open=self.edit
        )
        self.details = details_label("Selected reference")
        self.add = button("Add referen&ce…", "Add reference")
        self.edit_button = button("Ed&it reference…", "Edit reference")
        self.chase = button("Chase", "Chase", tip="Record that the referee was chased today.")
        self.remove = button("Remove reference…", "Remove reference")
        self.for_selected = [self.edit_button, self.remove]
        self.add.clicked.connect(self.add_reference)
        self.edit_button.clicked.connect(self.edit)
        self.chase.clicked.connect(self.chase_selected)
        self.remove.clicked.connect(self.remove_selected)
        self.lay_out(
            [self.empty, self.table, self.details],
            [self.add, self.edit_button, self.chase, self.remove],
        )

    @property
    def references(self) -> list[Reference]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[Reference]:
        return self.services.references.references(psw_id)

    def describe(self, record: Reference) -> str:
        return details_text(record)

    def update_more(self, chosen: Reference | None) -> None:
        self.chase.setEnabled(chosen is not None and chosen.details.received_on is None)

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
        self.remove_after_asking(
            "Remove reference",
            f"Remove reference {ref.position}{who}? The others are renumbered.",
            "Could not remove the reference",
            lambda: self.services.references.remove(ref.id),
        )
