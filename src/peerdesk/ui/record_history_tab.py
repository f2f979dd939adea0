"""Base of a PSW record tab: a history of records beside the chosen one as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog, OpensDialogs, RecordsView, RowsModel, button_row
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.review_entries import plain


class HistoryRow(Protocol):
    @property
    def id(self) -> int: ...


class HistoryRecord(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def locked(self) -> bool: ...

    @property
    def confidentiality(self) -> Confidentiality: ...


RowT = TypeVar("RowT", bound=HistoryRow)
RecordT = TypeVar("RecordT", bound=HistoryRecord)


@dataclass(frozen=True)
class HistoryWords:
    """What a history tab says: before the PSW is saved, with no records, and its names."""

    unsaved: str
    none_yet: str
    titles: tuple[str, ...]
    table_name: str
    caption: str
    detail_name: str


class RecordHistoryTab(QWidget, OpensDialogs, Generic[RowT, RecordT]):
    """One PSW's records newest first; the chosen one in words, with its agree button.

    A subclass reads its rows and the chosen record (``read_rows``, ``read_record``), words them
    (``row_cells``, ``record_text``), says which changes it reads again for (``wants``), adds any
    widgets under the detail to ``column`` and then calls ``finish``.
    """

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        words: HistoryWords,
        buttons: Sequence[QPushButton],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.words = words
        self.psw_id: PswId | None = None
        self.rows: list[RowT] = []
        self.shown: RecordT | None = None
        self.dialog: CheckDialog | None = None
        self._reselecting = False
        self.new_button, self.agree_button = buttons[0], buttons[1]
        self.message = plain("")
        self.model = RowsModel(words.titles, self)
        self.table = RecordsView(self.model, words.table_name, on_open=self._focus_detail)
        self.caption = QLabel(words.caption)
        self.caption.setBuddy(self.table)
        self.detail = plain("")
        self.detail.setAccessibleName(words.detail_name)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reveal = QCheckBox("Show private te&xt")
        self.reveal.setAccessibleName("Show private text")
        self.column = QVBoxLayout(self)
        for part in (self.message, self.caption, self.table, button_row(buttons)):
            self.column.addWidget(part)
        self.column.addWidget(self.reveal)
        self.column.addWidget(self.detail)

    def finish(self) -> None:
        """Call once every widget is added: connects the table and the bus, and reads."""
        self.column.addStretch(1)
        self.reveal.toggled.connect(self._show_chosen)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.bus.changed.connect(self._bus_changed)
        self.refresh()

    # --- to be provided by each tab -----------------------------------------------------------

    def read_rows(self, psw_id: PswId) -> list[RowT]:
        raise NotImplementedError

    def read_record(self, row: RowT, psw_id: PswId, revealed: bool) -> RecordT:
        raise NotImplementedError

    def row_cells(self, row: RowT) -> list[str]:
        raise NotImplementedError

    def record_text(self, record: RecordT) -> str:
        raise NotImplementedError

    def wants(self, changes: Changes) -> bool:
        """Whether ``changes`` (made elsewhere) can alter what this tab shows."""
        raise NotImplementedError

    # --- reading ------------------------------------------------------------------------------

    def show_psw(self, psw_id: PswId | None) -> None:
        self.psw_id = psw_id
        self.reveal.setChecked(False)
        self.refresh()

    def reread(self) -> None:
        """Read again after a change (a tab with more parts reads those too)."""
        self.refresh()

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and self.wants(changes):
            self.reread()

    def refresh(self) -> None:
        chosen = self.shown.id if self.shown else None
        self.rows = self.read_rows(self.psw_id) if self.psw_id else []
        self.model.set_rows([self.row_cells(r) for r in self.rows])
        fit_to_rows(self.table)
        saved = self.psw_id is not None
        text = self.words.unsaved if not saved else "" if self.rows else self.words.none_yet
        self.message.setText(text)
        self.message.setVisible(bool(text))
        for part in (self.caption, self.table):
            part.setVisible(bool(self.rows))
        self.new_button.setVisible(saved)
        ids = [r.id for r in self.rows]
        self._reselecting = True  # the chosen record is read once, just below
        self.table.select_row(ids.index(chosen) if chosen in ids else 0 if ids else None)
        self._reselecting = False
        self._show_chosen()

    def _selection_changed(self, *_: object) -> None:
        if not self._reselecting:
            self._show_chosen()

    def _show_chosen(self) -> None:
        row = self.table.selected_row()
        if self.psw_id is None or row is None or row >= len(self.rows):
            self.shown = None
        else:
            self.shown = self.read_record(self.rows[row], self.psw_id, self.reveal.isChecked())
        self.detail.setText(self.record_text(self.shown) if self.shown else "")
        self.detail.setVisible(self.shown is not None)
        self.reveal.setVisible(
            self.shown is not None and self.shown.confidentiality is Confidentiality.PRIVATE
        )
        self.agree_button.setVisible(self.shown is not None)
        self.agree_button.setEnabled(self.shown is not None and not self.shown.locked)

    def _focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving -------------------------------------------------------------------------------

    def _open(self, dialog: CheckDialog, *, new: bool = False) -> None:
        """Open ``dialog``; once it saves, a ``new`` record (listed first) is the one shown."""
        self.open_kept(dialog, lambda: self._saved(dialog, new))

    def _saved(self, dialog: CheckDialog, new: bool) -> None:
        if new:
            self.shown = None
        self.reread()
        self.bus.publish(dialog.changes, origin=self)
