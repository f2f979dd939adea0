"""The Peer workers page: search and filter a table of PSWs, and edit the selected one beside it."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import NotFound, PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Psw, PswQuery
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import compact
from peerdesk.ui.psw_commands import CommandContext, PswCommand
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.psw_table_model import COLUMNS, PswTableModel, sort_column
from peerdesk.ui.record_list_page import RecordListPage
from peerdesk.ui.viewer_state import ViewerState

SEARCH_DELAY_MS = 150
ALL_CURRENT = "All current"
ARCHIVED = "Archived"


def count_text(count: int, *, archived: bool) -> str:
    """ "1 peer worker", "1,234 archived peer workers"."""
    noun = "peer worker" if count == 1 else "peer workers"
    return f"{count:,} {'archived ' if archived else ''}{noun}"


class PswPage(RecordListPage, QWidget):
    """A table of PSWs (searched, filtered and sorted in SQL); the selected one's form beside it."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        viewer_state: ViewerState | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.context = CommandContext(services, bus, undo_stack, on_failure=self._command_failed)
        self._syncing = False
        self._sized = False

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search by name")
        self.search.setAccessibleDescription("Filters as you type. Escape clears.")
        search_label = QLabel("Sea&rch")
        search_label.setBuddy(self.search)
        self.status_filter = compact(QComboBox(), 12)
        self.status_filter.setAccessibleName("Show")
        self.status_filter.addItem(ALL_CURRENT, None)
        for status in JourneyStatus:
            self.status_filter.addItem(status.label, status)
        self.status_filter.addItem(ARCHIVED, ARCHIVED)
        filter_label = QLabel("Sho&w")
        filter_label.setBuddy(self.status_filter)
        self.count = QLabel()
        self.count.setAccessibleName("Number shown")
        self.new_action = QAction("&New peer worker", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_psw)
        self.addAction(self.new_action)
        self.new_button = QPushButton("&New peer worker")
        self.new_button.setAccessibleName("New peer worker")
        self.new_button.setToolTip("New peer worker (Ctrl+N)")
        self.new_button.clicked.connect(self.new_action.trigger)

        self.model = PswTableModel(services, self)
        if viewer_state is not None:
            self.follow_viewer(viewer_state)
            self.model.requery()
        self.table = QTableView()
        self.table.setAccessibleName("Peer workers")
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
        header.setSortIndicator(sort_column(self.model.query), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()

        self.form = PswForm(self.context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)

        bar = QHBoxLayout()
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        bar.addWidget(filter_label)
        bar.addWidget(self.status_filter, 1)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.search, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.new_button)
        QWidget.setTabOrder(self.new_button, self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.form.focus_first_field())
        self.model.modelReset.connect(self._after_reset)
        self.form.saved.connect(self._select)
        bus.changed.connect(self._on_changed)
        self._after_reset()

    def showEvent(self, event: QShowEvent) -> None:
        """Share the width once the page has one: a little less for the table than the form."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = max(self.splitter.width(), 1)
            self.splitter.setSizes([total * 9 // 20, total - total * 9 // 20])

    # --- filtering --------------------------------------------------------------------------

    def current_query(self) -> PswQuery:
        choice = self.status_filter.currentData()
        archived = choice == ARCHIVED
        statuses = frozenset({choice}) if isinstance(choice, JourneyStatus) else frozenset()
        return replace(
            self.model.query, text=self.search.text(), statuses=statuses, archived=archived
        )

    def apply_filters(self) -> None:
        """Re-run the query now (typing waits ``SEARCH_DELAY_MS`` for a pause first)."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def _after_reset(self) -> None:
        query = self.model.query
        self.count.setText(count_text(self.model.rowCount(), archived=query.archived))
        self._select(self.form.current_id())

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        samples = ("Xxxxxxxxxx Xxxxxxxxxx", "Xxxxxxxxx", "Induction", "00 Mmm 0000", "Volunteer",
                   "Xxxxxxxxxxxx", "Capacity", "00 Mmm 0000 00:00")  # fmt: skip
        for column, sample in enumerate(samples[: len(COLUMNS)]):
            title = COLUMNS[column][0]
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            self.table.setColumnWidth(column, width + metrics.averageCharWidth() * 3)

    # --- selection and the unsaved-changes guard (shared: RecordListPage) ---------------------

    def _fetch(self, record_id: PswId) -> Psw:
        return self.services.psws.get(record_id)

    def _after_select(self) -> None:
        self._sized = False

    def _status_listing(self, record: Psw) -> int:
        return self.status_filter.findText(ARCHIVED if record.archived else ALL_CURRENT)

    def new_psw(self) -> None:
        self.new_record()

    def open_psw(self, psw_id: PswId) -> bool:
        """Show ``psw_id`` in the form (asking about unsaved edits first)."""
        return self.open_record(psw_id)

    # --- keeping up with changes -----------------------------------------------------------

    def _on_changed(self, changes: Changes, origin: object) -> None:
        if changes.psw_membership or changes.lists:
            self.model.requery()
        elif changes.psws:
            self.model.refresh_rows(changes.psws)
        if changes.lists:
            self.form.reload_lists()
        current = self.form.current_id()
        if current is not None and current in changes.psws:
            try:
                self.form.record_changed(self.services.psws.get(current))
            except NotFound:
                self.form.load(None)
        if isinstance(origin, PswCommand) and origin.replaying and not self.form.is_dirty():
            # undo/redo: show the record it changed, so the user sees what happened
            target = origin.psw_id
            if target is not None and target != self.form.current_id():
                with suppress(NotFound):
                    self.form.load(self.services.psws.get(target))
        self._select(self.form.current_id())

    def _command_failed(self, action: str, error: PeerDeskError) -> None:
        message_boxes.show_error(self, f"Could not {action[:1].lower()}{action[1:]}", str(error))

    # --- keyboard -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_filters()
                return True
            if watched is self.search and key == Qt.Key.Key_Down:
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection() and self.model.rowCount():
                    self.table.selectRow(0)
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.table.selectionModel().hasSelection():
                    self.form.focus_first_field()
                return True
        return super().eventFilter(watched, event)
