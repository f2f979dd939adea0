"""The import's check step: counts, problems by row and column, rows left out, errors saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.import_service import ImportPlan, ImportService
from peerdesk.ui.import_preview import visible_text
from peerdesk.ui.save_export import save_export

SHOWN = 1_000
"""Problems listed on screen; all of them go in the saved CSV."""
COLUMNS = ("Row", "Leave out row", "Column", "Value", "Message")
LEAVE_OUT = 1
TEXT_COLUMNS = (0, 2, 3, 4)


class CheckPage(QWidget):
    """The dry run's report; ``left_out`` and ``import_duplicates`` are what Import uses."""

    changed = Signal()

    def __init__(self, imports: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._imports = imports
        self.plan: ImportPlan | None = None
        self.left_out: frozenset[int] = frozenset()
        layout = QVBoxLayout(self)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("What would be imported")
        layout.addWidget(self.counts)
        self.duplicates = QCheckBox("Import &duplicates too (they are skipped otherwise)")
        self.duplicates.setAccessibleName("Import duplicates too")
        self.duplicates.toggled.connect(lambda _on: self._refresh())
        layout.addWidget(self.duplicates)
        self.grid = QTableWidget(0, len(COLUMNS))
        self.grid.setHorizontalHeaderLabels(list(COLUMNS))
        self.grid.setAccessibleName("Problems by row and column")
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.itemChanged.connect(self._item_changed)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setWordWrap(True)
        layout.addWidget(self.grid, 1)
        buttons = QHBoxLayout()
        self.leave_all = QPushButton("&Leave out every row with errors")
        self.leave_all.setAccessibleName("Leave out every row with errors")
        self.leave_all.clicked.connect(self._leave_out_all)
        self.save_errors = QPushButton("Save errors as &CSV…")
        self.save_errors.setAccessibleName("Save errors as CSV")
        self.save_errors.clicked.connect(self._save_errors)
        buttons.addWidget(self.leave_all)
        buttons.addWidget(self.save_errors)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.left_out = frozenset()
        self.grid.blockSignals(True)
        problems = plan.problems()
        duplicates = [(r, w) for r, w in sorted(plan.duplicates.items())]
        lines = [(p.row, p.column or "", p.value, _message(p.message, p.blocking), p.blocking)
                 for p in problems]  # fmt: skip
        lines += [(r, "", "", f"Duplicate: {why}", False) for r, why in duplicates]
        lines.sort(key=lambda line: line[0] or 0)
        shown = lines[:SHOWN]
        self.grid.setRowCount(len(shown))
        for index, (row, column, value, message, blocking) in enumerate(shown):
            cells = ("" if row is None else str(row), column, visible_text(value), message)
            for c, text in zip(TEXT_COLUMNS, cells, strict=True):
                self.grid.setItem(index, c, QTableWidgetItem(text))
            leave = QTableWidgetItem("Leave out" if blocking else "")
            if blocking and row is not None and row > 1:
                leave.setFlags(leave.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                leave.setCheckState(Qt.CheckState.Unchecked)
                leave.setData(Qt.ItemDataRole.UserRole, row)
            else:
                leave.setFlags(leave.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.grid.setItem(index, LEAVE_OUT, leave)
        for number in range(len(COLUMNS) - 1):
            self.grid.resizeColumnToContents(number)
        self.grid.resizeRowsToContents()
        self.grid.blockSignals(False)
        self._more = len(lines) - len(shown)
        self.leave_all.setEnabled(bool(plan.error_rows()))
        self.save_errors.setEnabled(bool(problems))
        self._refresh()

    def can_import(self) -> bool:
        if self.plan is None or not self.plan.can_commit(self.left_out):
            return False
        counts = self.plan.counts(self.left_out, import_duplicates=self.duplicates.isChecked())
        return counts.new > 0

    def _refresh(self) -> None:
        if self.plan is None:
            return
        c = self.plan.counts(self.left_out, import_duplicates=self.duplicates.isChecked())
        errors = len(self.plan.errors(self.left_out))
        lines = [
            f"New: {c.new:,}. Duplicates: {c.duplicates:,} "
            f"({'imported' if self.duplicates.isChecked() else 'skipped'}). Rows with errors: "
            f"{c.errors:,}. Rows left out: {c.left_out:,}."
        ]
        if errors:
            lines.append(
                f"{errors:,} errors must be corrected in the file (then open it again), or "
                "their rows left out, before anything is imported."
            )
        else:
            lines.append("No errors: Import adds every new row in one go, or nothing at all.")
        for key, values in sorted(self.plan.unknown.items()):
            lines.append(f"Not in the lists ({key}): {', '.join(values)}.")
        if self._more > 0:
            lines.append(f"The first {SHOWN:,} problems are listed; save them all as CSV.")
        self.counts.setText("\n".join(lines))
        self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != LEAVE_OUT or row is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        self.left_out = self.left_out | {row} if checked else self.left_out - {row}
        self._sync_checks()
        self._refresh()

    def _sync_checks(self) -> None:
        # A row with several problems has several boxes: they all show the same choice.
        self.grid.blockSignals(True)
        for index in range(self.grid.rowCount()):
            item = self.grid.item(index, LEAVE_OUT)
            row = item.data(Qt.ItemDataRole.UserRole) if item else None
            if item is not None and row is not None:
                on = row in self.left_out
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.grid.blockSignals(False)

    def _leave_out_all(self) -> None:
        if self.plan is not None:
            self.left_out = self.left_out | self.plan.error_rows()
            self._sync_checks()
            self._refresh()

    def _save_errors(self) -> None:
        plan, left_out = self.plan, self.left_out
        if plan is None:
            return
        save_export(
            self,
            title="Save errors as CSV",
            make=lambda _progress: self._imports.errors_csv(plan, left_out),
            file_filter="CSV files (*.csv)",
        )


def _message(message: str, blocking: bool) -> str:
    return message if blocking else f"Warning: {message}"
