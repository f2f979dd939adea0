"""File › Review retention…: what is past retention and what stays, then erase or anonymise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.calendar import format_date
from peerdesk.domain.progress import Progress
from peerdesk.domain.retention import Decision
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.retention_service import ActResult
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.viewer_state import current_viewer

COLUMNS = ("Record", "What happens", "Why", "Due")


class RetentionDialog(QDialog):
    """The preview table (tick the records to act on) and the button that acts on them."""

    def __init__(
        self,
        services: Services,
        viewer: Viewer | None = None,
        parent: QWidget | None = None,
        *,
        decisions: list[Decision] | None = None,
        reason: str = "",
        bus: ChangeBus | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review retention")
        self._services = services
        self._bus = bus
        self._viewer = viewer
        self._reason = reason
        self._fixed = decisions
        self.decisions: list[Decision] = []
        self.result_of_act: ActResult | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Records and what retention does with them")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        hint = QLabel("Tick a record with Space. Held and kept records cannot be ticked.")
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.act_button = QPushButton("&Erase or anonymise ticked…")
        self.act_button.setAccessibleName("Erase or anonymise the ticked records")
        self.act_button.clicked.connect(self.act)
        buttons.addButton(self.act_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("&Close")
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(
            self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().lineSpacing() * 30
        )
        self.refresh()

    def refresh(self) -> None:
        if self._fixed is not None:
            self.decisions, hidden = list(self._fixed), 0
        else:
            preview = self._services.retention.preview(self._viewer)
            self.decisions, hidden = list(preview.decisions), preview.hidden
        due = sum(1 for d in self.decisions if d.outcome.acts)
        text = f"{due} record{'s are' if due != 1 else ' is'} past retention."
        if hidden:
            text += f" {hidden} protected record(s) are not shown: turn on Show protected."
        self.summary.setText(text)
        self.table.setRowCount(len(self.decisions))
        for row, d in enumerate(self.decisions):
            name = d.name or f"{d.kind.label} {d.record_id:04d}"
            record = QTableWidgetItem(f"{name} ({d.kind.label.lower()} {d.record_id:04d})")
            if d.outcome.acts:
                record.setFlags(record.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                record.setCheckState(Qt.CheckState.Checked)
            else:
                record.setFlags(record.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            cells = (
                record,
                QTableWidgetItem(d.outcome.label),
                QTableWidgetItem(d.why),
                QTableWidgetItem("" if d.due_on is None else format_date(d.due_on)),
            )
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        self.act_button.setEnabled(due > 0)
        if self.decisions:
            self.table.setCurrentCell(0, 0)

    def ticked(self) -> list[Decision]:
        return [
            d
            for row, d in enumerate(self.decisions)
            if d.outcome.acts and _checked(self.table.item(row, 0))
        ]

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Space ticks or unticks the current record (Qt only toggles a clicked box)."""
        item = self.table.currentItem()
        if event.key() == Qt.Key.Key_Space and self.table.hasFocus() and item is not None:
            first = self.table.item(item.row(), 0)
            if first is not None and first.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                state = Qt.CheckState.Unchecked if _checked(first) else Qt.CheckState.Checked
                first.setCheckState(state)
            return
        super().keyPressEvent(event)

    def confirm(self, count: int) -> bool:
        answer = QMessageBox.warning(
            self,
            "Erase or anonymise",
            f"Erase or anonymise {count} record{'s' if count != 1 else ''}? This cannot be "
            "undone: older backups still hold them until those backups age out.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def act(self) -> None:
        chosen = self.ticked()
        if not chosen:
            QMessageBox.information(self, "Nothing ticked", "Tick at least one record first.")
            return
        if not self.confirm(len(chosen)):
            return
        bar = QProgressDialog("Erasing and anonymising…", "&Cancel", 0, len(chosen), self)
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(0)
        progress = Progress()

        def report(done: int, total: int) -> None:
            bar.setMaximum(total)
            bar.setValue(done)
            QCoreApplication.processEvents()
            if bar.wasCanceled():
                progress.cancel()

        progress = Progress(report)
        result = self._services.retention.act(chosen, progress, reason=self._reason)
        bar.reset()
        self.result_of_act = result
        if self._bus is not None:  # other screens drop and re-read what went
            self._bus.publish(result.changes, origin=self)
        lines = [f"{len(result.done)} record(s) erased or anonymised."]
        if result.cancelled:
            lines.append("Stopped at Cancel: the rest were left as they were.")
        lines += [f"{d.name or d.record_id}: not changed. {why}" for d, why in result.skipped]
        QMessageBox.information(self, "Retention", "\n".join(lines))
        if self._fixed is not None:
            done = {(d.kind, d.record_id) for d in result.done}
            self._fixed = [d for d in self._fixed if (d.kind, d.record_id) not in done]
        self.refresh()


def _checked(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


def open_retention_review(
    window: QMainWindow, services: Services, bus: ChangeBus | None = None
) -> RetentionDialog:
    """Open the review (from File › Review retention… or its Needs attention line)."""
    dialog = RetentionDialog(services, current_viewer(window, services.viewer), window, bus=bus)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog


def install_retention(
    window: QMainWindow, services: Services, menu: QMenu, bus: ChangeBus | None = None
) -> QAction:
    """File › Review retention…"""
    action = QAction("Re&view retention…", window)
    action.setStatusTip("See who is past retention, then erase or anonymise them")
    action.triggered.connect(lambda: open_retention_review(window, services, bus))
    menu.addAction(action)
    return action
