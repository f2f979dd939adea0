"""The Needs attention table model: frozen lines, sorted in the model.

It sorts its own list with a key function rather than through a QSortFilterProxyModel: a proxy
calls back into Python for every comparison, which took over half a second for 7,600 lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date

COLUMNS = ("Name", "Item", "Due", "When", "Status")
NAME, ITEM, DUE, WHEN, STATUS = range(len(COLUMNS))

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's AttentionItem itself."""

_Index = QModelIndex | QPersistentModelIndex


class AttentionTableModel(QAbstractTableModel):
    """Lines judged on ``today``; replaced whole on each refresh (there are few of them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AttentionItem] = []
        self._today = dt.date.today()
        self._sort_column = DUE
        self._descending = False

    def set_items(self, items: Sequence[AttentionItem], today: dt.date) -> None:
        """Replace the lines (given most pressing first), keeping the chosen sort."""
        self.beginResetModel()
        self._items = list(items)
        self._today = today
        self._apply_sort()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; ties keep the service's order (most pressing first)."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._items)
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._apply_sort()
        position = {id(item): row for row, item in enumerate(self._items)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(position[id(before[i.row()])], i.column()) for i in old]
        )
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column = self._sort_column
        if column in (DUE, WHEN):
            # Python's sort is stable, so equal keys keep the service's order.
            self._items.sort(key=lambda i: i.due_on, reverse=self._descending)
        else:
            self._items.sort(
                key=lambda i: self.cell(i, column).casefold(), reverse=self._descending
            )

    def item_at(self, row: int) -> AttentionItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item: AttentionItem) -> int | None:
        try:
            return self._items.index(item)
        except ValueError:
            return None

    @property
    def today(self) -> dt.date:
        return self._today

    def cell(self, item: AttentionItem, column: int) -> str:
        match column:
            case 0:
                return item.name
            case 1:
                return item.item
            case 2:
                return format_date(item.due_on)
            case 3:
                return item.when(self._today)
            case _:
                return item.status

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.cell(item, column)
        if role == ITEM_ROLE:
            return item
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return str(section + 1) if 0 <= section < len(self._items) else None
