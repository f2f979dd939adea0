"""The shape shared by the record-list sections of the Checks and Recruitment tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import CheckSection, RecordsView, RowsModel, button_row
from peerdesk.ui.check_tables import fit_to_rows


class Identified(Protocol):
    """A frozen record with an id, so a refresh can keep the same record selected."""

    @property
    def id(self) -> object: ...


R = TypeVar("R", bound=Identified)


def details_label(name: str) -> QLabel:
    """A plain-text, selectable, wrapping label for the selected record, named ``name``."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def kept_row(ids: Sequence[object], keep: Identified | None, fallback: int | None) -> int | None:
    """The row of ``keep`` among ``ids`` after a reload, else ``fallback``."""
    return ids.index(keep.id) if keep is not None and keep.id in ids else fallback


class RecordSectionEditor(CheckSection, Generic[R]):
    """A table of one PSW's records, a line about the selected one and buttons acting on it.

    Subclasses give ``fetch`` and may give ``describe`` (the details line); the
    buttons in ``for_selected`` are enabled only while a record is selected.
    """

    fit_rows = True
    """Size the table to its rows (see :func:`fit_to_rows`)."""
    hide_empty_table = False
    """Hide the table while there are no records (the "empty" line says so instead)."""
    wrap_empty = True
    """Wrap the line saying there are no records."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None,
        columns: Sequence[str],
        name: str,
        row_of: Callable[[R], list[str]],
        empty: str,
        *,
        on_open: Callable[[], None] | None = None,
    ) -> None:
        """A ``columns`` table named ``name``, a row per record by ``row_of``; ``empty`` says
        there are none; Enter or a double-click calls ``on_open``."""
        super().__init__(services, parent)
        self.records: list[R] = []
        self.row_of = row_of
        self.model = RowsModel(columns, self)
        self.table = RecordsView(self.model, name, on_open=on_open or (lambda: None))
        self.empty = QLabel(empty)
        self.empty.setWordWrap(self.wrap_empty)
        self.details: QLabel | None = None
        self.add: QPushButton | None = None
        self.for_selected: list[QPushButton] = []
        self.table.selectionModel().selectionChanged.connect(self._update)

    def lay_out(self, widgets: Sequence[QWidget], buttons: Sequence[QPushButton]) -> QVBoxLayout:
        """Stack ``widgets`` and a flowing row of ``buttons``; update the buttons once."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addWidget(button_row(buttons))
        self._update()
        return layout

    def fetch(self, psw_id: PswId) -> Sequence[R]:
        raise NotImplementedError

    def describe(self, record: R) -> str:
        return ""

    def first_row(self) -> int | None:
        """The row to select when the one selected before is gone (None: none)."""
        return None

    def refresh(self) -> None:
        keep = self.selected()
        self.records = list(self.fetch(self.psw_id)) if self.psw_id else []
        self.model.set_rows([self.row_of(r) for r in self.records])
        if self.fit_rows:
            fit_to_rows(self.table)
        self.table.select_row(kept_row([r.id for r in self.records], keep, self.first_row()))
        self._update()

    def selected(self) -> R | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.records) else self.records[row]

    def _update(self) -> None:
        chosen = self.selected()
        self.empty.setVisible(not self.records)
        if self.hide_empty_table:
            self.table.setVisible(bool(self.records))
        if self.add is not None:
            self.add.setEnabled(self.psw_id is not None)
        for made in self.for_selected:
            made.setEnabled(chosen is not None)
        if self.details is not None:
            self.details.setText(self.describe(chosen) if chosen is not None else "")
            self.details.setVisible(chosen is not None)
        self.update_more(chosen)

    def update_more(self, chosen: R | None) -> None:
        """Enable or show what else depends on the selection (subclasses)."""

    def remove_after_asking(
        self, title: str, text: str, failure: str, action: Callable[[], Changes]
    ) -> None:
        """Ask "``text``" in a box titled ``title``; on Remove, save ``action``."""
        if message_boxes.confirm(self, title=title, text=text, action="Remove"):
            self.run(failure, action)
