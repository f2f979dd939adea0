"""The waiting-list table: supported people by wait, with the figures said in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from peerdesk.domain.ids import PersonId
from peerdesk.domain.person import PersonQuery
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.domain.waiting import Wait, WaitingLine
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import short_date

COLUMNS = ("Name", "Referred", "Waited", "Area", "Status")
_Index = QModelIndex | QPersistentModelIndex


def weeks_text(weeks: int) -> str:
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def wait_text(wait: Wait) -> str:
    """ "7 weeks (on hold 2 weeks) — Over 6 weeks": never colour alone."""
    text = weeks_text(wait.weeks)
    if wait.days_on_hold:
        text += f" (on hold {weeks_text(wait.days_on_hold // 7)})"
    if wait.flagged:
        text += " — Over 6 weeks"
    return text


class PeopleTableModel(QAbstractTableModel):
    """Rows from ``services.people.waiting_list`` for the current query, longest wait first."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.query = PersonQuery()
        self.viewer: Viewer = COORDINATOR
        """Who is looking: protected people are listed only for a viewer with the right."""
        self._lines: list[WaitingLine] = []
        self.requery()

    def set_query(self, query: PersonQuery) -> None:
        self.query = query
        self.requery()

    def requery(self) -> None:
        self.beginResetModel()
        self._lines = self._services.people.waiting_list(self.query, viewer=self.viewer)
        self.endResetModel()

    def id_at(self, row: int) -> PersonId | None:
        return self._lines[row].row.id if 0 <= row < len(self._lines) else None

    def row_of(self, person_id: PersonId | None) -> int | None:
        for row, line in enumerate(self._lines):
            if line.row.id == person_id:
                return row
        return None

    def line(self, row: int) -> WaitingLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row, column = line.row, index.column()
            if column == 0:
                name = row.full_name
                return f"{name} ({row.known_as})" if row.known_as else name
            if column == 1:
                return short_date(row.referred_on)
            if column == 2:
                return wait_text(line.wait)
            if column == 3:
                return row.area
            return row.status.label
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            wait = line.wait
            return (
                f"{wait.days} days waited; {wait.days_since_referral} days since referral, "
                f"{wait.days_on_hold} on hold"
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None
