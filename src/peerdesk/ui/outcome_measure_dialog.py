"""Add or edit one outcome measure: name, scoring, direction, interval and its items."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.outcome_records import DraftItem, MeasureDetails, MeasureRecord
from peerdesk.domain.outcomes import Scoring
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import add_row, compact, new_form_layout
from peerdesk.ui.settings_parts import whole_number

OWN_WORDING = (
    "Type the wording of a scale your organisation is licensed to use; PeerDesk includes no "
    "published questionnaire. Each item is answered with a whole number from its lowest to its "
    "highest answer."
)
SCORED_NOTE = (
    "Scores have been taken on this measure: you can reword or reorder its items, but items with "
    "answers keep their ranges and cannot be removed, and no item can be added."
)
EVERY_HINT = "Months between reviews, for the next-due date.\nLeave empty for no regular review."
ITEM_TITLES = ("Wording", "Lowest", "Highest")


class MeasureDialog(FittedCheckDialog):
    """Items are edited in the fields under their table; the measure saves in one call."""

    def __init__(
        self, services: Services, record: MeasureRecord | None, parent: QWidget | None = None
    ) -> None:
        adding = record is None
        super().__init__(
            "Add outcome measure" if adding else "Edit outcome measure",
            "A&dd measure" if adding else "&Save measure",
            parent,
        )
        self.services = services
        self.record = record
        self.saved: MeasureRecord | None = None
        self.drafts: list[DraftItem] = list(record.details.items) if record else []
        # room for the three item columns (wording, lowest, highest) at any text size
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self.add_note(OWN_WORDING)
        if record is not None and record.scored:
            self.add_note(SCORED_NOTE)
        self.name = QLineEdit()
        self.scoring = compact(QComboBox(), 20)
        for way in Scoring:
            self.scoring.addItem(way.label, way)
        self.direction = compact(QComboBox(), 20)
        self.direction.addItem("Higher scores are better", True)
        self.direction.addItem("Lower scores are better", False)
        self.every = QLineEdit()
        self.every.setPlaceholderText("none")
        self.add_field("name", "&Name:", self.name)
        self.add_field("scoring", "S&coring:", self.scoring)
        self.add_field("higher_is_better", "&Better scores:", self.direction)
        self.add_field("every_months", "&Every (months):", self.every, hint=EVERY_HINT)
        self.add_field("items", "&Items:", self._items_part())
        self.finish_layout()
        if record is not None:
            d = record.details
            self.name.setText(d.name)
            self.scoring.setCurrentIndex(self.scoring.findData(d.scoring))
            self.direction.setCurrentIndex(0 if d.higher_is_better else 1)
            self.every.setText("" if d.every_months is None else str(d.every_months))
        self._show_items(0 if self.drafts else None)
        for edit in (self.name, self.every):
            edit.textEdited.connect(self.edited)
        for combo in (self.scoring, self.direction):
            combo.currentIndexChanged.connect(self.edited)

    def _items_part(self) -> QWidget:
        self.items_model = RowsModel(ITEM_TITLES, self)
        self.items = RecordsView(self.items_model, "Items", on_open=self.wording_focus)
        self.wording = QLineEdit()
        self.low = QSpinBox()
        self.high = QSpinBox()
        for box, value in ((self.low, 0), (self.high, 4)):
            box.setRange(-1000, 1000)
            box.setValue(value)
        self.add_button = button("&Add item", "Add item")
        self.update_button = button("U&pdate item", "Update item")
        self.remove_button = button("&Remove item", "Remove item")
        self.up_button = button("Move &up", "Move item up")
        self.down_button = button("Move d&own", "Move item down")
        self.add_button.clicked.connect(self.add_item)
        self.update_button.clicked.connect(self.update_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        fields = new_form_layout()
        add_row(fields, "Item &wording:", self.wording)
        add_row(fields, "&Lowest answer:", self.low)
        add_row(fields, "&Highest answer:", self.high)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items)
        column.addWidget(button_row([self.up_button, self.down_button, self.remove_button]))
        column.addLayout(fields)
        column.addWidget(button_row([self.add_button, self.update_button]))
        self.items.selectionModel().selectionChanged.connect(self._chosen)
        return holder

    def wording_focus(self) -> None:
        self.wording.setFocus()

    def _show_items(self, row: int | None) -> None:
        self.items_model.set_rows([[d.label, str(d.low), str(d.high)] for d in self.drafts])
        self.items.select_row(row)
        self._update_buttons()

    def _chosen(self) -> None:
        row = self.items.selected_row()
        if row is not None and row < len(self.drafts):
            draft = self.drafts[row]
            self.wording.setText(draft.label)
            self.low.setValue(draft.low)
            self.high.setValue(draft.high)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.items.selected_row()
        chosen = row is not None
        self.update_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < len(self.drafts) - 1)

    def _typed(self, keep: DraftItem | None = None) -> DraftItem:
        return DraftItem(
            self.wording.text(), self.low.value(), self.high.value(), keep.id if keep else None
        )

    def add_item(self) -> None:
        self.drafts.append(self._typed())
        self._show_items(len(self.drafts) - 1)
        self.wording.clear()
        self.wording.setFocus()
        self.edited()

    def update_item(self) -> None:
        row = self.items.selected_row()
        if row is not None:
            self.drafts[row] = self._typed(self.drafts[row])
            self._show_items(row)
            self.edited()

    def remove_item(self) -> None:
        row = self.items.selected_row()
        if row is not None:
            self.drafts.pop(row)
            self._show_items(min(row, len(self.drafts) - 1) if self.drafts else None)
            self.items.setFocus()
            self.edited()

    def move_item(self, step: int) -> None:
        row = self.items.selected_row()
        if row is None or not 0 <= row + step < len(self.drafts):
            return
        to = row + step
        self.drafts[row], self.drafts[to] = self.drafts[to], self.drafts[row]
        self._show_items(to)
        self.edited()

    def _every(self, problems: list[Problem]) -> int | None:
        return whole_number(
            self.every.text(),
            field="every_months",
            what="months between reviews",
            problems=problems,
            blank_ok=True,
        )

    def details(self) -> MeasureDetails:
        return MeasureDetails(
            name=self.name.text(),
            items=tuple(self.drafts),
            scoring=self.scoring.currentData(),
            higher_is_better=bool(self.direction.currentData()),
            every_months=self._every([]),
        )

    def local_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        self._every(problems)
        return problems

    def service_problems(self) -> list[Problem]:
        return self.services.outcomes.check_measure(
            self.details(), self.record.id if self.record else None
        )

    def submit(self) -> Changes:
        if self.record is None:
            self.saved, changes = self.services.outcomes.add_measure(self.details())
        else:
            self.saved, changes = self.services.outcomes.update_measure(
                self.record.id, self.details()
            )
        return changes
