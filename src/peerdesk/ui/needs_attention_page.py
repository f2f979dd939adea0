"""The Needs attention page: the home page, listing what is overdue or due within N days."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.attention_service import DEFAULT_WITHIN_DAYS, MAX_WITHIN_DAYS
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.attention_table_model import (
    COLUMNS,
    DUE,
    ITEM_ROLE,
    AttentionTableModel,
)
from peerdesk.ui.background import Executor, Reads
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.error_reporting import show_error
from peerdesk.ui.viewer_state import ViewerState


def count_text(count: int, within: int) -> str:
    """ "Nothing is overdue or due within 30 days", "1 item overdue or due within 30 days"."""
    days = f"{within:,} day{'' if within == 1 else 's'}"
    if count == 0:
        return f"Nothing is overdue or due within {days}"
    return f"{count:,} {'item' if count == 1 else 'items'} overdue or due within {days}"


class NeedsAttentionPage(QWidget):
    """Overdue and soon-due lines from every source; Enter or double-click opens one."""

    open_requested = Signal(str, int)
    """(subject_kind, subject_id) of the line the coordinator chose to open."""
    item_opened = Signal(object)
    """The whole AttentionItem chosen, so the opener can go straight to the right section."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        executor: Executor | None = None,
        viewer_state: ViewerState | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.viewer_state = viewer_state
        """Whose lines are listed (protected records only for a viewer with the right)."""
        self._reads = Reads(executor)

        title = QLabel("<h2>Needs attention</h2>")
        title.setAccessibleName("Needs attention")
        self.within = QSpinBox()
        self.within.setRange(0, MAX_WITHIN_DAYS)
        self.within.setValue(DEFAULT_WITHIN_DAYS)
        self.within.setSuffix(" days")
        self.within.setAccessibleName("Within how many days")
        self.within.setAccessibleDescription(
            "Show items overdue or due within this many days from today"
        )
        within_label = QLabel("&Within")
        within_label.setBuddy(self.within)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.setAccessibleName("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel()
        self.count.setAccessibleName("Number of items")

        self.model = AttentionTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Items needing attention")
        self.table.setAccessibleDescription("Press Enter or double-click to open the item")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self._size_columns()

        bar = QHBoxLayout()
        bar.addWidget(within_label)
        bar.addWidget(self.within)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        QWidget.setTabOrder(self.within, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.table)

        self.within.valueChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        bus.changed.connect(self._on_changed)
        if viewer_state is not None:
            viewer_state.changed.connect(lambda _viewer: self._on_changed(Changes(), None))

    # --- contents ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the service again, off the UI thread: with thousands of PSWs it takes a moment.

        The selected line stays selected if it is still there. A refresh asked for while one is
        running is remembered and run when that one ends, so the newest answer always wins.
        """
        if not self._reads.begin():
            return
        self.count.setText("Working out what needs attention…")
        within = self.within.value()
        attention = self.services.attention
        viewer = None if self.viewer_state is None else self.viewer_state.viewer
        self._reads.executor.submit(
            lambda: (attention.items(within, viewer=viewer), attention.today(), within),
            self._show_items,
            self._show_error,
        )

    def _show_items(self, result: tuple[list[AttentionItem], dt.date, int]) -> None:
        items, today, within = result
        kept = self.current_item()
        self.model.set_items(items, today)
        self.count.setText(count_text(len(items), within))
        row = None if kept is None else self.model.row_of(kept)
        if row is not None:
            self.table.selectRow(row)
        self._finished()

    def _show_error(self, error: BaseException) -> None:
        self.count.setText("Could not work out what needs attention.")
        self._finished()
        if isinstance(error, PeerDeskError):
            show_error(self, error)
        else:
            raise error  # a bug: to the crash handler

    def _finished(self) -> None:
        if self._reads.end():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reads.stale:
            self.refresh()

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        # Nearly any change (a record, a check, a policy, a setting) can move a line: refresh
        # now if the page is on screen, otherwise when it is next shown.
        self._reads.stale = True
        if self.isVisible():
            self.refresh()

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        # Item: most of "Proposed 20 days ago, not yet introduced (peer worker Jo Bell)"
        samples = ("Xxxxxxxxxx Xxxxxxxxxxxx", "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                   "00 Xxxxxxxxx 0000", "0,000 days overdue", "Xxxxxxxxxx")  # fmt: skip
        for column, sample in enumerate(samples):
            title = COLUMNS[column]
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.table.setColumnWidth(column, width + metrics.averageCharWidth() * 3)

    # --- opening a line ---------------------------------------------------------------------

    def current_item(self) -> AttentionItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(ITEM_ROLE)
        return found if isinstance(found, AttentionItem) else None

    def open_current(self) -> bool:
        """Ask for the selected line's subject to be opened; False when nothing is selected."""
        item = self.current_item()
        if item is None:
            return False
        self.open_requested.emit(item.subject_kind, item.subject_id)
        self.item_opened.emit(item)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.table.currentIndex()
                if not self.table.selectionModel().hasSelection() and self.model.rowCount():
                    self.table.selectRow(current.row() if current.isValid() else 0)
                self.open_current()
                return True
        return super().eventFilter(watched, event)
