"""The People page: the waiting list searched and filtered, the selected person's form beside it."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
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

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person import Person, PersonQuery, PersonStatus
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.caseload_plan_dialog import CaseloadPlanDialog
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import compact
from peerdesk.ui.people_table_model import COLUMNS, PeopleTableModel
from peerdesk.ui.person_form import PersonForm
from peerdesk.ui.person_sharing_tab import PersonSharingTab
from peerdesk.ui.record_list_page import RecordListPage
from peerdesk.ui.suggestions_tab import SuggestionsTab
from peerdesk.ui.viewer_state import ViewerState

SEARCH_DELAY_MS = 150
ALL = "All"


def count_text(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def _filter(name: str, chars: int = 10) -> QComboBox:
    combo = compact(QComboBox(), chars)
    combo.setAccessibleName(name)
    return combo


class PeoplePage(RecordListPage, QWidget):
    """Supported people by wait (on-hold time not counted); the selected one's form beside it."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        viewer_state: ViewerState | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self._syncing = False
        self._sized = False

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search people by name")
        self.search.setAccessibleDescription("Filters as you type. Escape clears.")
        self.status_filter = _filter("Status")
        for status in PersonStatus:
            self.status_filter.addItem(status.label, status)
        self.status_filter.addItem(ALL, None)
        self.area_filter = _filter("Area")
        self.language_filter = _filter("Language")
        self.team_filter = _filter("Team")
        self.count = QLabel()
        self.count.setAccessibleName("Number shown")
        self.new_action = QAction("New &referral", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.triggered.connect(self.new_person)
        self.addAction(self.new_action)
        self.new_button = QPushButton("New re&ferral")
        self.new_button.setAccessibleName("New referral")
        self.new_button.setToolTip("New referral (Ctrl+Shift+N)")
        self.new_button.clicked.connect(self.new_action.trigger)

        self.model = PeopleTableModel(services, self)
        if viewer_state is not None:
            self.follow_viewer(viewer_state)
            self.model.requery()
            viewer_state.changed.connect(lambda _viewer: self._fill_filters())
        self.table = QTableView()
        self.table.setAccessibleName("Waiting list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._size_columns()

        self.form = PersonForm(services, bus)
        if viewer_state is not None:
            for tab in self.form.findChildren(PersonSharingTab):
                tab.follow_viewer(viewer_state)
            for suggestions in self.form.findChildren(SuggestionsTab):
                suggestions.follow_viewer(viewer_state)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)

        bar = QHBoxLayout()
        for text, widget, stretch in (
            ("Sea&rch", self.search, 3),
            ("Stat&us", self.status_filter, 1),
            ("Ar&ea", self.area_filter, 1),
            ("&Language", self.language_filter, 1),
            ("Tea&m", self.team_filter, 1),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget, stretch)
        bar.addWidget(self.new_button)
        self.plan_button = QPushButton("Pla&n the waiting list…")
        self.plan_button.setAccessibleName("Plan the waiting list")
        self.plan_button.setToolTip(
            "Match everyone waiting at once, beside first come, first served"
        )
        self.plan_button.clicked.connect(self.plan_waiting_list)
        bar.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        for combo in (self.status_filter, self.area_filter, self.language_filter,
                      self.team_filter):  # fmt: skip
            combo.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.form.saved.connect(self._select)
        bus.changed.connect(self._on_changed)
        self._fill_filters()
        self._after_reset()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = max(self.splitter.width(), 1)
            self.splitter.setSizes([total // 2, total - total // 2])

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        samples = ("Xxxxxxxxx Xxxxxxxx", "00 Mmm 0000", "00 weeks — Over 6 weeks",
                   "Xxxxxxxxxxxx", "On hold")  # fmt: skip
        for column, sample in enumerate(samples):
            width = max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(COLUMNS[column])
            )
            self.table.setColumnWidth(column, width + metrics.averageCharWidth() * 3)

    # --- filtering ----------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        items = self.services.lists.items(include_retired=False)
        teams = sorted(
            {
                r.team
                for r in self.services.people.rows(
                    self.services.people.find_ids(PersonQuery(), viewer=self.model.viewer)
                )
                if r.team
            },
            key=str.casefold,
        )
        for combo, entries in (
            (self.area_filter, [(i.name, i.id) for i in items if i.kind is ListKind.AREA]),
            (self.language_filter, [(i.name, i.id) for i in items if i.kind is ListKind.LANGUAGE]),
            (self.team_filter, [(t, t) for t in teams]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL, None)
            for name, value in sorted(entries, key=lambda e: e[0].casefold()):
                combo.addItem(name, value)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def current_query(self) -> PersonQuery:
        status = self.status_filter.currentData()
        statuses = frozenset({status}) if status else frozenset(PersonStatus)
        return PersonQuery(
            text=self.search.text(),
            statuses=statuses,
            area_id=self.area_filter.currentData(),
            language_id=self.language_filter.currentData(),
            team=self.team_filter.currentData() or "",
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def _after_reset(self) -> None:
        self.count.setText(count_text(self.model.rowCount()))
        self._select(self.form.current_id())

    # --- selection and the unsaved-changes guard (shared: RecordListPage) ---------------------

    def _fetch(self, record_id: PersonId) -> Person:
        return self.services.people.get(record_id)

    def _status_listing(self, record: Person) -> int:
        return self.status_filter.findText(ALL)

    def _other_filters(self) -> tuple[QComboBox, ...]:
        return (self.area_filter, self.language_filter, self.team_filter)

    def plan_waiting_list(self) -> None:
        dialog = CaseloadPlanDialog(self.services, self.bus, self, viewer=self.model.viewer)
        dialog.open()

    def new_person(self) -> None:
        self.new_record()

    def open_person(self, person_id: PersonId) -> bool:
        return self.open_record(person_id)

    # --- keeping up with changes ---------------------------------------------------------------

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        if changes.lists:
            self.form.reload_lists()
        if changes.lists or changes.people:
            self._fill_filters()
            self.model.requery()
        current = self.form.current_id()
        if current is not None and current in changes.people:
            with suppress(NotFound):
                self.form.record_changed(self.services.people.get(current))
        self._select(self.form.current_id())

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
