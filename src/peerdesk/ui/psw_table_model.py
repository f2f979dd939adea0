"""The peer workers table model: ids from SQL, rows loaded lazily in blocks, sorting in SQL."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswQuery, PswRow, PswSort
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services

BLOCK_SIZE = 200
"""Rows fetched per query: a screenful or two, so scrolling through 100,000 ids stays quick."""
CACHED_BLOCKS = 16

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

COLUMNS: tuple[tuple[str, PswSort], ...] = (
    ("Name", PswSort.NAME),
    ("Known as", PswSort.KNOWN_AS),
    ("Status", PswSort.STATUS),
    ("Since", PswSort.SINCE),
    ("Role", PswSort.ROLE),
    ("Area", PswSort.AREA),
    ("Capacity", PswSort.CAPACITY),
    ("Updated", PswSort.UPDATED),
)
CAPACITY_COLUMN = 6

PSW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def format_date(day: dt.date) -> str:
    """Like "03 Nov 2026", whatever the system locale (month names are not translated yet)."""
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: dt.datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"


def _cell(row: PswRow, column: int) -> str:
    match column:
        case 0:
            return row.full_name
        case 1:
            return row.known_as
        case 2:
            return row.status.label
        case 3:
            return format_date(row.status_since)
        case 4:
            return row.role.label
        case 5:
            return row.area or "Not recorded"
        case 6:
            return str(row.capacity)
        case _:
            return format_datetime(row.updated_at)


class PswTableModel(QAbstractTableModel):
    """Peer workers matching a ``PswQuery``.

    Only the ordered ids are held; rows are read in blocks of ``BLOCK_SIZE`` as the view asks for
    them and a few blocks are cached. Sorting and filtering re-run the query in SQL.
    """

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self._query = PswQuery()
        self.viewer: Viewer = COORDINATOR
        """Who is looking: protected PSWs are listed only for a viewer with the right."""
        self._ids: list[PswId] = []
        self._rows_of: dict[PswId, int] = {}
        self._blocks: OrderedDict[int, dict[PswId, PswRow]] = OrderedDict()
        self._requery()

    # --- what the page uses ---------------------------------------------------------------

    @property
    def query(self) -> PswQuery:
        return self._query

    def set_query(self, query: PswQuery) -> None:
        """Show what ``query`` finds (re-runs it even when unchanged: the vault may have moved)."""
        self.beginResetModel()
        self._query = query
        self._requery()
        self.endResetModel()

    def requery(self) -> None:
        self.set_query(self._query)

    def refresh_rows(self, ids: Iterable[PswId]) -> None:
        """Re-read the given records' lines (their content changed, their place did not)."""
        last = self.columnCount() - 1
        for psw_id in ids:
            row = self._rows_of.get(psw_id)
            if row is None:
                continue
            self._blocks.pop(row // BLOCK_SIZE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def id_at(self, row: int) -> PswId | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, psw_id: PswId | None) -> int | None:
        return None if psw_id is None else self._rows_of.get(psw_id)

    def ids(self) -> Sequence[PswId]:
        return tuple(self._ids)

    def row_record(self, row: int) -> PswRow | None:
        """The line at ``row`` (loading its block if needed); None if the record has gone."""
        psw_id = self.id_at(row)
        if psw_id is None:
            return None
        block = row // BLOCK_SIZE
        found = self._blocks.get(block)
        if found is None:
            ids = self._ids[block * BLOCK_SIZE : (block + 1) * BLOCK_SIZE]
            found = {r.id: r for r in self._services.psws.rows(ids)}
            self._blocks[block] = found
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return found.get(psw_id)

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == PSW_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == CAPACITY_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self.row_record(index.row())
        if row is None:
            return "(removed)" if index.column() == 0 else ""
        return _cell(row, index.column())

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return str(section + 1) if 0 <= section < len(self._ids) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL: the query gets the column and direction, and runs again."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        sort = COLUMNS[column][1]
        if sort is self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=sort, descending=descending))

    # --- internals ----------------------------------------------------------------------

    def _requery(self) -> None:
        self._ids = self._services.psws.find_ids(self._query, viewer=self.viewer)
        self._rows_of = {psw_id: row for row, psw_id in enumerate(self._ids)}
        self._blocks.clear()


def sort_column(query: PswQuery) -> int:
    """The table column that ``query`` is sorted by."""
    return next(i for i, (_, sort) in enumerate(COLUMNS) if sort is query.sort)
