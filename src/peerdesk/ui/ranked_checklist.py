"""A ticked, ordered list (preferred contact modes): tick what applies, move the favourite up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class RankedChecklist(QWidget, Generic[T]):
    """Ticked items first, in the order ranked; Space ticks, Ctrl+Up / Ctrl+Down move."""

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[T, str]], *, name: str) -> None:
        super().__init__()
        self._choices = list(choices)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setAccessibleDescription(
            "Tick the ways that suit them, most preferred first. Space ticks; "
            "Ctrl+Up and Ctrl+Down move the current one."
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.up = QPushButton("Move up")
        self.up.setAccessibleName(f"Move up in {name}")
        self.down = QPushButton("Move down")
        self.down.setAccessibleName(f"Move down in {name}")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self._move(step))

        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_value(())
        rows_height = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        self.list.setMaximumHeight(rows_height + 2 * self.list.frameWidth() + 4)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(self._update_buttons)

    def set_value(self, ranked: Sequence[T]) -> None:
        """Tick ``ranked`` in that order; the rest follow, unticked, in their usual order."""
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        labels = dict(self._choices)
        order = [v for v in ranked if v in labels]
        order += [v for v, _ in self._choices if v not in order]
        for value in order:
            item = QListWidgetItem(labels[value])
            item.setData(_VALUE_ROLE, value)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if value in ranked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.setCurrentRow(max(current, 0))
        self.list.blockSignals(False)
        self._update_buttons()

    def value(self) -> tuple[T, ...]:
        """Ticked values, most preferred first."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(_VALUE_ROLE))
        return tuple(found)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
