"""A combo box of peer workers that finds them as you type, ignoring case and accents."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswRow
from peerdesk.domain.text import fold

Index = QModelIndex | QPersistentModelIndex


def peer_label(row: PswRow) -> str:
    """ "Zoë Nguyễn (Zo)": the full name, and the name they go by when it differs."""
    known = row.known_as.strip()
    return f"{row.full_name} ({known})" if known and known != row.full_name else row.full_name


class _FoldedContains(QSortFilterProxyModel):
    """Rows whose text holds the typed text once both are folded ("zoe" finds "Zoë")."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._typed = ""

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._typed = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        text = str(model.data(model.index(source_row, 0, source_parent)) or "")
        return self._typed in fold(text)


class PeerPicker(QComboBox):
    """Type part of a name (any case, accents optional), then pick from the list shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._filter = _FoldedContains(self)
        self._filter.setSourceModel(self.model())
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._completer = completer
        edit = self.lineEdit()
        assert edit is not None  # editable
        edit.textEdited.connect(self._typed)
        edit.setPlaceholderText("Type part of a name")

    def set_peers(self, rows: Sequence[PswRow]) -> None:
        self.clear()
        for row in rows:
            self.addItem(peer_label(row), row.id)
        self.setCurrentIndex(-1)
        self.clearEditText()

    def _typed(self, text: str) -> None:
        self._filter.set_typed(text)
        if text.strip() and self._filter.rowCount():
            self._completer.complete()

    def chosen(self) -> PswId | None:
        """The peer named in the box: an exact name, or the only one the typing matches."""
        typed = self.currentText()
        exact = self.findText(typed, Qt.MatchFlag.MatchExactly)
        if exact >= 0:
            return PswId(int(self.itemData(exact)))
        key = fold(typed)
        if not key:
            return None
        found = [i for i in range(self.count()) if key in fold(self.itemText(i))]
        return PswId(int(self.itemData(found[0]))) if len(found) == 1 else None
