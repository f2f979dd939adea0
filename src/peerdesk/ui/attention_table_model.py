"""The Needs attention table model: a short list of frozen lines, sorted through a proxy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date

COLUMNS = ("Name", "Item", "Due", "When", "Status")
NAME, ITEM, DUE, WHEN, STATUS = range(len(COLUMNS))

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A value that sorts as a person expects: dates by date, words about days by the days."""
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's AttentionItem itself."""

_Index = QModelIndex | QPersistentModelIndex


class AttentionTableModel(QAbstractTableModel):
    """Lines judged on ``today``; replaced whole on each refresh (there are few of them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AttentionItem] = []
        self._today = dt.date.today()

    def set_items(self, items: Sequence[AttentionItem], today: dt.date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._today = today
        self.endResetModel()

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
        if role == SORT_ROLE:
            if column in (DUE, WHEN):
                return item.due_on.toordinal()
            return self.cell(item, column).casefold()
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


class AttentionSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; ties keep the service's order (most pressing first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a != b:
            return bool(a < b)
        return left.row() < right.row()
