"""A record form's retention holds: the restriction banner, the holds in force, place and lift."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import PeerDeskError, Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.retention import Hold, RecordKind
from peerdesk.domain.rights_request import restricted_by
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog, button
from peerdesk.ui.message_boxes import show_error

HOLD_NOTE = (
    "While a hold stands, retention never erases or anonymises this record (a legal claim, "
    "an investigation, a complaint)."
)


def banner_text(reference: str) -> str:
    return f"Restricted: kept, not used (request {reference})"


class PlaceHoldDialog(CheckDialog):
    """Why the record is held (required)."""

    def __init__(
        self, services: Services, kind: RecordKind, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("Place a retention hold", "&Place hold", parent)
        self.services, self.kind, self.record_id = services, kind, record_id
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_note(HOLD_NOTE)
        self.add_field("reason", "&Reason (required):", self.reason)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        if not self.reason.toPlainText().strip():
            return [Problem("reason", "Say why the record is held (for example, a legal claim).")]
        return []

    def submit(self) -> Changes:
        return self.services.retention.place_hold(
            self.kind, self.record_id, self.reason.toPlainText()
        )


class RetentionHoldPanel(QWidget):
    """Shown above the form's tabs; its two buttons go in the form's button row."""

    def __init__(
        self, services: Services, bus: ChangeBus, kind: RecordKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.bus, self.kind = services, bus, kind
        self.record_id: int | None = None
        self.holds: list[Hold] = []
        self.dialog: PlaceHoldDialog | None = None
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.Box)
        self.banner.setAccessibleName("Restriction")
        font = self.banner.font()
        font.setBold(True)
        self.banner.setFont(font)
        self.held = QLabel()
        self.held.setWordWrap(True)
        self.held.setAccessibleName("Retention holds")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.held)
        self.place_button = button("Place a retention &hold…", "Place a retention hold")
        self.lift_button = button("Lift r&etention hold…", "Lift retention hold")
        self.place_button.clicked.connect(self.place)
        self.lift_button.clicked.connect(self.lift)
        bus.changed.connect(self._bus_changed)
        self.refresh()

    def show_psw(self, psw_id: PswId | None) -> None:
        self.record_id = None if psw_id is None else int(psw_id)
        self.refresh()

    def show_person(self, person_id: PersonId | None) -> None:
        self.record_id = None if person_id is None else int(person_id)
        self.refresh()

    def _bus_changed(self, changes: Changes, _origin: object) -> None:
        if self.record_id is None:
            return
        mine = changes.psws if self.kind is RecordKind.PSW else changes.people
        if changes.settings or self.record_id in {int(i) for i in mine}:
            self.refresh()

    def refresh(self) -> None:
        rid = self.record_id
        try:
            self.holds = [] if rid is None else self.services.retention.holds(self.kind, rid)
        except PeerDeskError:  # the vault is locked or the record went: show nothing held
            self.holds = []
        restricted = [ref for h in self.holds if (ref := restricted_by(h.reason))]
        self.banner.setText(banner_text(", ".join(restricted)) if restricted else "")
        self.banner.setVisible(bool(restricted))
        said = [f"{h.reason} (since {format_date(h.placed_on)})" for h in self.holds]
        self.held.setText("On retention hold: " + "; ".join(said) if said else "")
        self.held.setVisible(bool(said))
        self.place_button.setEnabled(rid is not None)
        self.lift_button.setEnabled(bool(self.holds))

    def place(self) -> None:
        if self.record_id is None:
            return
        dialog = PlaceHoldDialog(self.services, self.kind, self.record_id, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._placed(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _placed(self, dialog: PlaceHoldDialog) -> None:
        self.bus.publish(dialog.changes, origin=self)
        self.refresh()

    def chosen_hold(self) -> Hold | None:
        """The one hold in force, or the one picked from a list when there are several."""
        if len(self.holds) == 1:
            hold = self.holds[0]
            answer = QMessageBox.question(
                self,
                "Lift hold",
                f"Lift the hold “{hold.reason}”? Retention applies to the record again"
                + (" and it is used again." if restricted_by(hold.reason) else "."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return hold if answer == QMessageBox.StandardButton.Yes else None
        names = [f"{h.reason} (since {format_date(h.placed_on)})" for h in self.holds]
        picked, ok = QInputDialog.getItem(self, "Lift hold", "&Hold to lift:", names, 0, False)
        return self.holds[names.index(picked)] if ok and picked in names else None

    def lift(self) -> None:
        if not self.holds:
            return
        hold = self.chosen_hold()
        if hold is None:
            return
        try:
            changes = self.services.retention.lift_hold(hold.id)
        except PeerDeskError as error:
            show_error(self, "Lift hold", str(error))
            return
        self.bus.publish(changes, origin=self)
        self.refresh()
