"""File › Import volunteers…: preview, mapping, check, then import all of it or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.progress import Progress
from peerdesk.services.bundle import Services
from peerdesk.services.import_service import ImportPlan, ImportResult
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.import_check import CheckPage
from peerdesk.ui.import_mapping import MappingPage
from peerdesk.ui.import_preview import PreviewPage
from peerdesk.ui.message_boxes import show_error
from peerdesk.ui.save_export import documents_folder, run_with_progress

TITLE = "Import volunteers"
FILE_FILTER = "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"
STEPS = ("1. Preview the file", "2. Match columns to fields", "3. Check, then import")


def import_volunteers(parent: QWidget, services: Services, bus: ChangeBus) -> None:
    """Ask for a file, then run the import dialog on it."""
    chosen, _ = QFileDialog.getOpenFileName(parent, TITLE, str(documents_folder()), FILE_FILTER)
    if not chosen:
        return
    dialog = ImportDialog(services, bus, parent)
    if dialog.open_file(Path(chosen)):
        dialog.exec()
    dialog.deleteLater()


class ImportDialog(QDialog):
    """Three steps on one dialog; nothing is written until Import, and then all or nothing."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.resize(900, 640)
        self._imports = services.imports
        self._bus = bus
        self.result_: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        self.step_label.setAccessibleName("Step")
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget()
        self.preview = PreviewPage()
        self.mapping = MappingPage(self._imports)
        self.check = CheckPage(self._imports)
        for page in (self.preview, self.mapping, self.check):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("&Back")
        self.next_button = QPushButton("&Next")
        self.import_button = QPushButton("&Import")
        self.close_button = QPushButton("Close")
        names = ("Back", "Next", "Import", "Close")
        buttons.addStretch(1)
        for button, name in zip(
            (self.back_button, self.next_button, self.import_button, self.close_button),
            names,
            strict=True,
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.import_button.clicked.connect(self._import)
        self.close_button.clicked.connect(self.reject)
        self.preview.read_again.connect(self._sync)
        self.mapping.changed.connect(self._sync)
        self.check.changed.connect(self._sync)
        self._sync()

    def open_file(self, path: Path) -> bool:
        """Read ``path`` for the preview; a refused file is explained and False returned."""
        if not self.preview.open(path):
            show_error(self.parentWidget(), TITLE, f"{self.preview.refusal} Nothing was imported.")
            return False
        self.pages.setCurrentWidget(self.preview)
        self._sync()
        return True

    def _sync(self) -> None:
        index = self.pages.currentIndex()
        self.step_label.setText(f"Step {STEPS[index]}")
        self.back_button.setEnabled(index > 0)
        if index == 0:
            self.next_button.setEnabled(self.preview.table is not None)
        elif index == 1:
            self.next_button.setEnabled(not self.mapping.problem_texts())
        else:
            self.next_button.setEnabled(False)
        self.next_button.setText("&Check" if index == 1 else "&Next")
        self.import_button.setEnabled(index == 2 and self.check.can_import())

    def _back(self) -> None:
        self.pages.setCurrentIndex(max(0, self.pages.currentIndex() - 1))
        self._sync()

    def _next(self) -> None:
        if self.pages.currentWidget() is self.preview and self.preview.table is not None:
            self.mapping.show_table(self.preview.table)
            self.pages.setCurrentWidget(self.mapping)
            if self.mapping.combos:
                self.mapping.combos[0].setFocus()
        elif self.pages.currentWidget() is self.mapping:
            self._dry_run()
        self._sync()

    def _date_orders(self) -> dict[int, str] | None:
        table = self.preview.table
        assert table is not None
        orders: dict[int, str] = {}
        for column in self._imports.month_first_columns(table, self.mapping.fields()):
            box = QMessageBox(self)
            box.setWindowTitle(TITLE)
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(
                f"The dates in “{table.headers[column]}” look month first, like 04/13/2024. "
                "Which order are they written in?"
            )
            day = box.addButton("&Day first (13/04/2024)", QMessageBox.ButtonRole.AcceptRole)
            month = box.addButton("&Month first (04/13/2024)", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is day:
                orders[column] = "day"
            elif box.clickedButton() is month:
                orders[column] = "month"
            else:
                return None
        return orders

    def _dry_run(self) -> None:
        table = self.preview.table
        if table is None:
            return
        orders = self._date_orders()
        if orders is None:
            return
        fields = self.mapping.fields()
        imports = self._imports

        def work(progress: Progress) -> ImportPlan:
            return imports.dry_run(table, fields, date_orders=orders, progress=progress)

        def done(plan: ImportPlan) -> None:
            self.check.show_plan(plan)
            self.pages.setCurrentWidget(self.check)
            self._sync()
            self.check.grid.setFocus()

        run_with_progress(self, "Checking the file", work, done)

    def _import(self) -> None:
        plan = self.check.plan
        if plan is None or not self.check.can_import():
            return
        left_out, duplicates = self.check.left_out, self.check.duplicates.isChecked()
        imports = self._imports

        def work(progress: Progress) -> ImportResult:
            return imports.commit(
                plan, left_out=left_out, import_duplicates=duplicates, progress=progress
            )

        def done(result: ImportResult) -> None:
            self.result_ = result
            self._bus.publish(result.changes, self)
            skipped = (
                f" {result.skipped_duplicates:,} duplicates were skipped."
                if result.skipped_duplicates
                else ""
            )
            QMessageBox.information(
                self, TITLE, f"Imported {len(result.created):,} peer support workers.{skipped}"
            )
            self.accept()

        run_with_progress(self, "Importing", work, done)
