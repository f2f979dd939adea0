"""The interview panel inside the interview dialog: an editable table of who sat on it.

Name and role are typed in their cells (F2 or just start typing; Enter keeps it); lived
experience and interview training are tick boxes (Space) that also say "Yes" or "No", so
nothing depends on seeing the tick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.interview import PanelMember
from peerdesk.ui.check_fields import Index, button, button_row
from peerdesk.ui.check_tables import fit_to_rows

COLUMNS = ("Name", "Role", "Lived experience", "Interview-trained")
HEADERS = ("Name", "Role", "Lived\nexperience", "Interview-\ntrained")
"""Column titles on two lines, so the tick columns leave room for names at large text."""
_TEXT = (0, 1)
_TICKS = {2: "lived_experience", 3: "interview_trained"}


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


class PanelModel(QAbstractTableModel):
    """Panel members, edited in place; :meth:`members` reads them back in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PanelMember] = []

    def members(self) -> tuple[PanelMember, ...]:
        return tuple(self._rows)

    def set_members(self, members: Sequence[PanelMember]) -> None:
        self.beginResetModel()
        self._rows = list(members)
        self.endResetModel()

    def append(self, member: PanelMember) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(member)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in _TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsUserCheckable

    def _text(self, row: int, column: int) -> str:
        member = self._rows[row]
        if column in _TICKS:
            return yes_no(getattr(member, _TICKS[column]))
        return member.name if column == 0 else member.role

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column in _TICKS:
            ticked = getattr(self._rows[row], _TICKS[column])
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(row, column)
            return f"{COLUMNS[column]}: {text.lower() if column in _TICKS else text or 'blank'}"
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._rows):
            return False
        row, column = index.row(), index.column()
        member = self._rows[row]
        if column in _TEXT and role == Qt.ItemDataRole.EditRole:
            text = str(value or "")
            member = replace(member, name=text) if column == 0 else replace(member, role=text)
        elif column in _TICKS and role == Qt.ItemDataRole.CheckStateRole:
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == 2:
                member = replace(member, lived_experience=ticked)
            else:
                member = replace(member, interview_trained=ticked)
        else:
            return False
        self._rows[row] = member
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None


class _NamedEditors(QStyledItemDelegate):
    """Names the box a cell opens for typing ("Panel member 2: role") for screen readers."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(
            f"Panel member {index.row() + 1}: {COLUMNS[index.column()].lower()}"
        )
        return editor


class PanelEditor(QWidget):
    """The table and its Add / Remove buttons; ``changed`` follows every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PanelModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(_NamedEditors(self.table))
        self.table.setAccessibleName("Panel members")
        self.table.setAccessibleDescription(
            "Type a name or role to change it; Space ticks lived experience or interview-trained."
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in _TEXT
                else (QHeaderView.ResizeMode.ResizeToContents)
            )
            header.setSectionResizeMode(column, mode)
        self.add = button("Add panel &member", "Add panel member")
        self.remove = button("&Remove panel member", "Remove panel member")
        self.add.clicked.connect(self.add_member)
        self.remove.clicked.connect(self.remove_member)
        self.model.dataChanged.connect(self.changed)
        self.model.rowsInserted.connect(self.changed)
        self.model.rowsRemoved.connect(self.changed)
        self.table.selectionModel().currentChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.add, self.remove]))
        self.setFocusProxy(self.table)
        self._fit()

    def set_members(self, members: Sequence[PanelMember]) -> None:
        self.model.set_members(members)
        self._fit()

    def members(self) -> tuple[PanelMember, ...]:
        return self.model.members()

    def add_member(self) -> None:
        row = self.model.append(PanelMember(""))
        self._fit()
        index = self.model.index(row, 0)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_member(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        self.model.remove(current.row())
        self._fit()
        left = self.model.rowCount()
        if left:
            self.table.setCurrentIndex(self.model.index(min(current.row(), left - 1), 0))
            self.table.setFocus()
        else:
            self.add.setFocus()

    def _fit(self) -> None:
        fit_to_rows(self.table, least=2, most=6)
        self._update()

    def _update(self) -> None:
        self.remove.setEnabled(self.table.currentIndex().isValid())
