"""View › Audit log…: entries newest first, filtered by action, chain check and export."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.audit_chain import AuditEntry, VerifyResult
from peerdesk.domain.progress import Progress
from peerdesk.services.bundle import Services
from peerdesk.ui.save_export import run_with_progress, save_export, set_export_recorder

TITLE = "Audit log"
COLUMNS = ("Entry", "Time", "User", "Action", "Record kind", "Record id", "Fields")
ALL = "All actions"
ABOUT = (
    "Every view, change, export and unlock, newest first: who, when and which fields, never "
    "names, values or search words. Each entry is chained to the one before, so a changed or "
    "missing entry shows when the chain is checked."
)


class AuditLogDialog(QDialog):
    """The log in a table (a page at a time), an action filter, Check the chain and Export…"""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self._page = 0
        about = QLabel(ABOUT)
        about.setWordWrap(True)
        about.setAccessibleName("About the audit log")

        self.action_filter = QComboBox()
        self.action_filter.setAccessibleName("Show which actions")
        self.action_filter.addItem(ALL, None)
        for action in services.audit.actions():
            self.action_filter.addItem(action, action)
        filter_label = QLabel("Show &actions:")
        filter_label.setBuddy(self.action_filter)
        self.count = QLabel()
        self.count.setAccessibleName("How many entries")
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.action_filter, 1)
        top.addWidget(self.count)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Audit log entries, newest first")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.more = QPushButton("Show &more")
        self.more.setAccessibleName("Show more entries")
        self.check = QPushButton("&Check the chain")
        self.check.setAccessibleName("Check the chain")
        self.export = QPushButton("&Export…")
        self.export.setAccessibleName("Export the audit log")
        self.chain_result = QLabel()
        self.chain_result.setWordWrap(True)
        self.chain_result.setAccessibleName("Chain check result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("C&lose")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.more, self.check, self.export):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain_result)
        layout.addLayout(row)
        em = self.fontMetrics().averageCharWidth()
        self.resize(em * 120, self.fontMetrics().lineSpacing() * 30)

        self.action_filter.currentIndexChanged.connect(self.reload)
        self.more.clicked.connect(self.show_more)
        self.check.clicked.connect(self.check_chain)
        self.export.clicked.connect(self.export_log)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        """Show the first page for the chosen action."""
        self._page = 0
        self.table.setRowCount(0)
        self._show(self._page)

    def show_more(self) -> None:
        self._page += 1
        self._show(self._page)
        self.table.setFocus()

    def _show(self, page: int) -> None:
        action = self.action_filter.currentData()
        found = self.services.audit.entries(page, action=action)
        for entry in found.entries:
            self._add(entry)
        shown = self.table.rowCount()
        self.count.setText(
            "No entries" if not found.total else f"{shown:,} of {found.total:,} entries shown"
        )
        self.more.setEnabled(found.has_more)

    def _add(self, entry: AuditEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = (
            str(entry.id),
            entry.at.strftime("%d %b %Y, %H:%M:%S"),
            entry.user,
            entry.action,
            entry.record_kind,
            "" if entry.record_id is None else str(entry.record_id),
            entry.fields.replace(",", ", "),
        )
        for column, value in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def check_chain(self) -> None:
        """Walk the whole chain in the background; the result is said in words."""
        audit = self.services.audit

        def work(progress: Progress) -> VerifyResult:
            return audit.verify(progress)

        def done(result: VerifyResult) -> None:
            self.chain_result.setText(result.words())
            self.check.setFocus()

        self.chain_result.setText("Checking…")
        run_with_progress(self, "Checking the audit log", work, done)

    def export_log(self) -> None:
        save_export(
            self,
            title="Export the audit log",
            make=self.services.audit.export_csv,
            file_filter="CSV files (*.csv)",
        )


def install_audit_log(window: QMainWindow, services: Services, menu: QMenu) -> QAction:
    """View › Audit log…; from now on every saved export is recorded in the log."""
    workspace = services.workspace

    def record_export(suggested_name: str) -> None:
        if not workspace.closed:  # a window left from a vault since closed records nothing
            services.audit.exported(suggested_name)

    set_export_recorder(record_export)
    action = QAction("&Audit log…", window)
    action.setStatusTip("Who viewed, changed or exported what, and when: no names or values")

    def show() -> None:
        dialog = AuditLogDialog(services, window)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    action.triggered.connect(show)
    menu.addAction(action)
    return action
