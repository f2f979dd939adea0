"""What a request of each kind opens: erasure's preview and act, restriction and its lifting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.retention import RecordKind
from peerdesk.domain.rights_due import ERASURE, RESTRICTION
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.retention_service import REQUEST
from peerdesk.services.rights_service import RequestLine
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button
from peerdesk.ui.message_boxes import show_error
from peerdesk.ui.retention_dialog import RetentionDialog

ERASE_TITLE = "Erase by request"
RESTRICT_TITLE = "Restrict processing"


def _record(line: RequestLine) -> tuple[RecordKind, int] | None:
    r = line.request
    if r.psw_id is not None:
        return RecordKind.PSW, int(r.psw_id)
    if r.person_id is not None:
        return RecordKind.PERSON, int(r.person_id)
    return None


class KindActions:
    """The erasure and restriction buttons of the requests dialog, shown for their own kind.

    ``said`` shows a sentence in the dialog's status line and re-reads its list.
    """

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget,
        said: Callable[[str], None],
    ) -> None:
        self.services, self.bus, self.parent, self.said = services, bus, parent, said
        self.erase_button = button("E&rase record…", "Erase record by request")
        self.restrict_button = button("Res&trict record…", "Restrict record")
        self.lift_button = button("Li&ft restriction…", "Lift restriction")
        self.line: RequestLine | None = None
        self.erasure: RetentionDialog | None = None
        self.erase_button.clicked.connect(self.erase)
        self.restrict_button.clicked.connect(self.restrict)
        self.lift_button.clicked.connect(self.lift)

    @property
    def buttons(self) -> list[QPushButton]:
        return [self.erase_button, self.restrict_button, self.lift_button]

    def show_line(self, line: RequestLine | None) -> None:
        """Show the buttons that fit the selected request (the others are hidden)."""
        self.line = line
        kind = None if line is None else line.request.kind
        has_record = line is not None and _record(line) is not None
        self.erase_button.setVisible(kind == ERASURE)
        self.erase_button.setEnabled(has_record and line is not None and line.request.is_open)
        restricted = bool(
            line is not None and kind == RESTRICTION and self._restriction_holds(line)
        )
        self.restrict_button.setVisible(kind == RESTRICTION and not restricted)
        self.restrict_button.setEnabled(has_record)
        self.lift_button.setVisible(restricted)

    def _restriction_holds(self, line: RequestLine) -> bool:
        return bool(self.services.rights.restriction_holds(line.request.id))

    def _publish(self, changes: Changes) -> None:
        self.bus.publish(changes, origin=self.parent)

    # --- erasure --------------------------------------------------------------------------

    def erase(self) -> None:
        """Preview the one record's erasure; after Yes it goes and the request is done."""
        line = self.line
        found = None if line is None else _record(line)
        if line is None or found is None:
            return
        kind, record_id = found
        decision = self.services.retention.erasure_for_request(
            kind, record_id, line.request.reference
        )
        dialog = RetentionDialog(
            self.services, parent=self.parent, decisions=[decision], reason=REQUEST, bus=self.bus
        )
        dialog.setWindowTitle(f"{ERASE_TITLE}: {line.request.reference}")
        self.erasure = dialog
        dialog.finished.connect(lambda _result: self._erased(line, dialog))
        dialog.open()

    def _erased(self, line: RequestLine, dialog: RetentionDialog) -> None:
        self.erasure = None
        result = dialog.result_of_act
        dialog.deleteLater()
        if result is None or not result.done:
            self.said(f"{line.request.reference}: nothing was erased.")
            return
        try:
            current = self.services.rights.request(line.request.id)
            done, changes = self.services.rights.mark_done(
                line.request.id,
                on=self.services.clock.today(),
                note="The record was erased.",
                version=current.request.version,
            )
        except PeerDeskError as error:
            show_error(self.parent, ERASE_TITLE, str(error))
            return
        self._publish(changes)
        self.said(f"Erased. {done.request.reference} is done.")

    # --- restriction ----------------------------------------------------------------------

    def restrict(self) -> None:
        line = self.line
        if line is None or _record(line) is None:
            return
        answer = QMessageBox.question(
            self.parent,
            RESTRICT_TITLE,
            f"Restrict this record by {line.request.reference}? It is kept but not used: "
            "left out of matching suggestions and the caseload plan, and never erased by "
            "retention, until you lift the restriction. The request is marked done today.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            done, changes = self.services.rights.restrict(
                line.request.id, version=line.request.version
            )
        except PeerDeskError as error:
            show_error(self.parent, RESTRICT_TITLE, str(error))
            return
        self._publish(changes)
        self.said(f"Restricted: kept, not used (request {done.request.reference}).")

    def lift(self) -> None:
        line = self.line
        if line is None:
            return
        answer = QMessageBox.question(
            self.parent,
            "Lift restriction",
            f"Lift the restriction of {line.request.reference}? The record is used again "
            "(matching and the caseload plan) and retention applies to it again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = self.services.rights.lift_restriction(line.request.id)
        except PeerDeskError as error:
            show_error(self.parent, "Lift restriction", str(error))
            return
        self._publish(changes)
        self.said(f"{line.request.reference}: restriction lifted; the record is used again.")
