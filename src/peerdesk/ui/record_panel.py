"""Base of a form tab listing one person's or one PSW's records beside details and buttons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import OpensDialogs, RecordsView
from peerdesk.ui.psw_section_tab import scrolling

T = TypeVar("T")


class RecordPanel(QWidget, OpensDialogs):
    """One PSW's or one person's records (``psw_side``); every dialog saves at once.

    A subclass makes ``table`` and the rest of its widgets, lays them out in one ``inner`` widget
    and calls ``finish(inner)``. It reads its records in ``refresh``, shows the selected one in
    ``_update`` and names in ``wants`` the changes on the bus that it reads again for. Until the
    record is saved (no owner) only the "save first" line shows.
    """

    table: RecordsView

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        *,
        psw_side: bool,
        unsaved_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_side = psw_side
        self.owner: PswId | PersonId | None = None
        self.dialog: QDialog | None = None
        self.unsaved = QLabel(unsaved_text)
        self.unsaved.setWordWrap(True)

    def finish(self, inner: QWidget) -> None:
        """Put ``inner`` under the "save first" line, scrolling, and show no record yet."""
        self.body = scrolling(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.body, 1)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.bus.changed.connect(self._on_changed)
        self._show(None)

    # --- which record ---------------------------------------------------------------------------

    def show_psw(self, psw_id: PswId | None) -> None:
        self._show(psw_id)

    def show_person(self, person_id: PersonId | None) -> None:
        self._show(person_id)

    def _show(self, owner: PswId | PersonId | None) -> None:
        self.owner = owner
        self.unsaved.setVisible(owner is None)
        self.body.setVisible(owner is not None)
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _update(self) -> None:
        raise NotImplementedError

    def wants(self, changes: Changes) -> bool:
        """Whether ``changes`` (made elsewhere) can alter what this panel lists."""
        raise NotImplementedError

    def owner_name(self) -> str:
        """The display name of the PSW or person shown (only call with an owner)."""
        if self.psw_side:
            return self.services.psws.get(PswId(self.owner or 0)).details.display_name()
        return self.services.people.get(PersonId(self.owner or 0)).details.display_name()

    def picked(self, records: Sequence[T]) -> T | None:
        """The record of the selected table row, if any."""
        row = self.table.selected_row()
        return None if row is None or row >= len(records) else records[row]

    # --- saving -----------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.open_kept(dialog, lambda: self._publish(dialog.changes))  # type: ignore[attr-defined]

    def _publish(self, changes: Changes) -> None:
        self.bus.publish(changes, self)
        self.refresh()

    def _on_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and self.owner is not None and self.wants(changes):
            self.refresh()
