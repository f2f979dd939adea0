"""A ticked list of items from one editable list (skills, interests, languages), with a filter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.taxonomy import ListItem
from peerdesk.domain.text import fold

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def item_label(item: ListItem) -> str:
    return f"{item.name} (retired)" if item.retired else item.name


class ItemChecklist(QWidget):
    """Tick items; type in the filter to narrow a long list (accents and case ignored).

    Retired items are not offered, but one already ticked on the record stays, marked "(retired)".
    """

    changed = Signal()

    def __init__(self, noun: str) -> None:
        super().__init__()
        self._noun = noun
        self._items: list[ListItem] = []
        self._ticked: set[TaxonomyItemId] = set()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(f"Filter {noun}")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(f"Filter {noun}")
        self.list = QListWidget()
        self.list.setAccessibleName(noun.capitalize())
        self.list.setAccessibleDescription("Space ticks or unticks the current item.")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.filter)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._on_item_changed)
        self._update_summary()

    def set_items(self, items: Iterable[ListItem]) -> None:
        """The list to pick from (all of one kind, retired included: they are hidden here)."""
        self._items = list(items)
        self._rebuild()

    def set_value(self, ids: Iterable[TaxonomyItemId]) -> None:
        self._ticked = set(ids)
        self._rebuild()

    def value(self) -> tuple[TaxonomyItemId, ...]:
        """Ticked ids in id order: the order the vault gives them back."""
        return tuple(sorted(self._ticked))

    def ticked_items(self) -> list[ListItem]:
        """Ticked items in list order (unknown ids are left out)."""
        return [i for i in self._items if i.id in self._ticked]

    def _shown(self) -> Sequence[ListItem]:
        return [i for i in self._items if not i.retired or i.id in self._ticked]

    def _rebuild(self) -> None:
        current = self.list.currentItem()
        current_id = current.data(_ID_ROLE) if current else None
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._shown():
            row = QListWidgetItem(item_label(item))
            row.setData(_ID_ROLE, item.id)
            row.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            row.setCheckState(
                Qt.CheckState.Checked if item.id in self._ticked else Qt.CheckState.Unchecked
            )
            self.list.addItem(row)
            if item.id == current_id:
                self.list.setCurrentItem(row)
        self.list.blockSignals(False)
        self._apply_filter()
        self._update_summary()

    def _apply_filter(self) -> None:
        wanted = fold(self.filter.text())
        first_shown = None
        for row in range(self.list.count()):
            entry = self.list.item(row)
            hidden = bool(wanted) and wanted not in fold(entry.text())
            entry.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = entry
        current = self.list.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.list.setCurrentItem(first_shown)

    def _on_item_changed(self, entry: QListWidgetItem) -> None:
        item_id = entry.data(_ID_ROLE)
        if entry.checkState() == Qt.CheckState.Checked:
            self._ticked.add(item_id)
        else:
            self._ticked.discard(item_id)
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        names = [item_label(i) for i in self.ticked_items()]
        self.summary.setText("Ticked: " + ", ".join(names) if names else "None ticked.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the filter box goes to the list, so filtering then ticking is quick."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self.list.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()
                return True
        return super().eventFilter(watched, event)
