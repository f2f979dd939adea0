"""The weekly availability grid: 7 days by 48 half-hours; click, drag or press Space to tick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from peerdesk.domain.availability import (
    SLOTS_PER_DAY,
    WEEKDAY_SHORT,
    WEEKDAYS,
    Availability,
    slot_time,
)

FIRST_VISIBLE_SLOT = 14
"""07:00: the grid opens scrolled here; earlier and later hours are a scroll away."""
VISIBLE_SLOTS = 30
"""07:00 to 22:00."""

_TICK = "✓"
_TICKED = QColor("#1f5fa8")
_TICKED_TEXT = QColor("#ffffff")

_Index = QModelIndex | QPersistentModelIndex


class AvailabilityModel(QAbstractTableModel):
    """Rows are half-hour slots, columns weekdays; a ticked cell shows a tick, not just colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._slots: set[tuple[int, int]] = set()

    def value(self) -> Availability:
        return Availability.from_slots(self._slots)

    def set_value(self, availability: Availability) -> None:
        self.beginResetModel()
        self._slots = set(availability.slots())
        self.endResetModel()

    def set_ticked(self, indexes: list[QModelIndex], ticked: bool) -> bool:
        """Tick or untick cells; True when anything changed."""
        changed = False
        for index in indexes:
            key = (index.column(), index.row())
            if (key in self._slots) != ticked:
                (self._slots.add if ticked else self._slots.discard)(key)
                self.dataChanged.emit(index, index)
                changed = True
        return changed

    def is_ticked(self, index: _Index) -> bool:
        return (index.column(), index.row()) in self._slots

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SLOTS_PER_DAY

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(WEEKDAYS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ticked = self.is_ticked(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return _TICK if ticked else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and ticked:
            return QBrush(_TICKED)
        if role == Qt.ItemDataRole.ForegroundRole and ticked:
            return QBrush(_TICKED_TEXT)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            day, slot = WEEKDAYS[index.column()], index.row()
            state = "available" if ticked else "not available"
            return f"{day} {slot_time(slot)} to {slot_time(slot + 1)}: {state}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(WEEKDAYS):
                return None
            return (
                WEEKDAYS[section]
                if role != Qt.ItemDataRole.DisplayRole
                else (WEEKDAY_SHORT[section])
            )
        return slot_time(section) if 0 <= section < SLOTS_PER_DAY else None


class AvailabilityGrid(QTableView):
    """Click a cell to tick or untick it; drag to do the same to every cell passed over.

    Keyboard: arrows move, Shift+arrows select a block, Space ticks (or unticks) the selection.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = AvailabilityModel(self)
        self.setModel(self.grid_model)
        self.setAccessibleName("Weekly availability")
        self.setAccessibleDescription(
            "Days across, half-hours down. Space ticks or unticks the selected cells; "
            "click or drag with the mouse."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.setMinimumHeight(self._rows_height(10))
        self._painting: bool | None = None
        self.setCurrentIndex(self.grid_model.index(FIRST_VISIBLE_SLOT + 4, 0))

    def _rows_height(self, rows: int) -> int:
        header = self.horizontalHeader().sizeHint().height()
        return header + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setHeight(self._rows_height(VISIBLE_SLOTS))
        return hint

    def scroll_to_morning(self) -> None:
        self.scrollTo(
            self.grid_model.index(FIRST_VISIBLE_SLOT, 0), QAbstractItemView.ScrollHint.PositionAtTop
        )

    def value(self) -> Availability:
        return self.grid_model.value()

    def set_value(self, availability: Availability) -> None:
        self.grid_model.set_value(availability)
        self.scroll_to_morning()

    def toggle_selected(self) -> None:
        """Space: untick when every selected cell is ticked, otherwise tick them all."""
        cells = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        cells = [c for c in cells if c.isValid()]
        if not cells:
            return
        tick = not all(self.grid_model.is_ticked(c) for c in cells)
        if self.grid_model.set_ticked(cells, tick):
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            self.toggle_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or not index.isValid():
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._painting = not self.grid_model.is_ticked(index)
        if self.grid_model.set_ticked([index], self._painting):
            self.changed.emit()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._painting is None:
            super().mouseMoveEvent(event)
            return
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            cells = self._between(self.currentIndex(), index)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if self.grid_model.set_ticked(cells, self._painting):
                self.changed.emit()
        event.accept()

    def _between(self, start: QModelIndex, end: QModelIndex) -> list[QModelIndex]:
        """Cells from ``start`` to ``end`` along a row or column, so a quick drag skips none."""
        if not start.isValid() or (start.row() != end.row() and start.column() != end.column()):
            return [end]
        rows = range(min(start.row(), end.row()), max(start.row(), end.row()) + 1)
        columns = range(min(start.column(), end.column()), max(start.column(), end.column()) + 1)
        return [self.grid_model.index(r, c) for r in rows for c in columns]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._painting is None:
            super().mouseReleaseEvent(event)
            return
        self._painting = None
        event.accept()
