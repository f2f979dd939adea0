"""The Training section of the Checks tab: courses done (with computed expiry) and needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.training import TrainingNeed, TrainingRecord
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import (
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.record_section import RecordSectionEditor, details_label, kept_row
from peerdesk.ui.training_dialogs import NeedDialog, TrainingRecordDialog

COLUMNS = ("Course", "Topic", "Done on", "Expires")
NEED_COLUMNS = ("Topic", "Source", "Status")
NO_EXPIRY = "no expiry"


def row_of(record: TrainingRecord) -> list[str]:
    return [
        record.course,
        record.topic,
        short_date(record.done_on),
        short_date(record.expires_on, NO_EXPIRY),
    ]


def record_text(record: TrainingRecord) -> str:
    """The selected record in a full sentence."""
    ends = (
        f"expires {say_date(record.expires_on)}" if record.expires_on else "never needs refreshing"
    )
    return f"{record.course} ({record.topic}): done {say_date(record.done_on)}; {ends}."


def need_row(need: TrainingNeed) -> list[str]:
    return [need.topic, need.source, need.status.label]


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class TrainingEditor(RecordSectionEditor[TrainingRecord]):
    """Saves each action at once through ``services.training``."""

    hide_empty_table = True

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, parent, COLUMNS, "Training records", row_of, "No training recorded yet."
        )
        self.needs: list[TrainingNeed] = []
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.details = details_label("Selected training record")
        self.add = button("Add trainin&g record…", "Add training record")
        self.remove = button("Remove training record…", "Remove training record")
        self.for_selected = [self.remove]
        self.add.clicked.connect(self.add_record)
        self.remove.clicked.connect(self.remove_selected)

        self.needs_heading = _plain("Training needs")
        bold = QFont(self.needs_heading.font())
        bold.setBold(True)
        self.needs_heading.setFont(bold)
        self.need_model = RowsModel(NEED_COLUMNS, self)
        self.need_table = RecordsView(self.need_model, "Training needs", on_open=self.edit_need)
        self.no_needs = _plain("No training needs recorded.")
        self.add_need_button = button("Add training need…", "Add training need")
        self.edit_need_button = button("Edit training need…", "Edit training need")
        self.add_need_button.clicked.connect(self.add_need)
        self.edit_need_button.clicked.connect(self.edit_need)
        self.need_table.selectionModel().selectionChanged.connect(self._update)

        layout = self.lay_out([self.empty, self.table, self.details], [self.add, self.remove])
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.needs_heading)
        layout.addWidget(self.no_needs)
        layout.addWidget(self.need_table)
        layout.addWidget(button_row([self.add_need_button, self.edit_need_button]))

    def fetch(self, psw_id: PswId) -> list[TrainingRecord]:
        return self.services.training.records(psw_id)

    def describe(self, record: TrainingRecord) -> str:
        return record_text(record)

    def refresh(self) -> None:
        keep_need = self.selected_need()
        self.needs = self.services.training.needs(self.psw_id) if self.psw_id else []
        self.need_model.set_rows([need_row(n) for n in self.needs])
        fit_to_rows(self.need_table)
        self.need_table.select_row(kept_row([n.id for n in self.needs], keep_need, None))
        super().refresh()

    def selected_need(self) -> TrainingNeed | None:
        row = self.need_table.selected_row()
        return None if row is None or row >= len(self.needs) else self.needs[row]

    def update_more(self, chosen: TrainingRecord | None) -> None:
        self.no_needs.setVisible(not self.needs)
        self.need_table.setVisible(bool(self.needs))
        self.add_need_button.setEnabled(self.psw_id is not None)
        self.edit_need_button.setEnabled(self.selected_need() is not None)

    # --- actions --------------------------------------------------------------------------------

    def add_record(self) -> None:
        if self.psw_id is None:
            return
        dialog = TrainingRecordDialog(self.services, psw_id=self.psw_id, parent=self)
        dialog.catalogue_changed.connect(self.changed.emit)
        self.open_dialog(dialog)

    def remove_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.remove_after_asking(
                "Remove training record",
                f"Remove the record of {record.course}, done {say_date(record.done_on)}?",
                "Could not remove the record",
                lambda: self.services.training.remove_record(record.id),
            )

    def add_need(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(NeedDialog(self.services, psw_id=self.psw_id, parent=self))

    def edit_need(self) -> None:
        need = self.selected_need()
        if need is not None and self.psw_id is not None:
            self.open_dialog(NeedDialog(self.services, psw_id=self.psw_id, need=need, parent=self))
