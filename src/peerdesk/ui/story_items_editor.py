"""The story plan's "what I'm comfortable sharing" items: what, with whom, conditions, link."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.plans import Audience, StoryItem
from peerdesk.ui.check_fields import button
from peerdesk.ui.form_fields import RowsEditing, compact, renumber

NOT_LINKED = "Not linked to a lived experience"


class StoryItemRow(QFrame):
    """One item: what, which lived experience (optional), with whom (any), on what conditions."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, experiences: Sequence[tuple[TaxonomyItemId, str]], item: StoryItem) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.what = QLineEdit(item.what)
        self.what.setPlaceholderText("e.g. that I have heard voices")
        self.experience = compact(QComboBox(), 20)
        self.experience.addItem(NOT_LINKED, None)
        for item_id, name in experiences:
            self.experience.addItem(name, int(item_id))
        if item.experience_id is not None:
            found = self.experience.findData(int(item.experience_id))
            if found < 0:  # no longer on their record: keep the link, say so
                self.experience.addItem(
                    f"Item {item.experience_id} (not on their record)", int(item.experience_id)
                )
                found = self.experience.count() - 1
            self.experience.setCurrentIndex(found)
        self.audiences = {a: QCheckBox(a.label[0].upper() + a.label[1:]) for a in Audience}
        for audience, box in self.audiences.items():
            box.setChecked(audience in item.audiences)
            box.toggled.connect(self.changed)
        self.conditions = QLineEdit(item.conditions)
        self.conditions.setPlaceholderText("e.g. only if it helps them, never details")
        self.remove = QPushButton("Remove")
        grid = QGridLayout(self)
        labels = (("What I &mention", self.what), ("&Linked experience", self.experience))
        for row, (text, field) in enumerate(labels):
            caption = QLabel(text)
            caption.setBuddy(field)
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
        grid.addWidget(self.remove, 0, 2)
        whom = QHBoxLayout()
        for box in self.audiences.values():
            whom.addWidget(box)
        whom.addStretch(1)
        grid.addWidget(QLabel("With whom"), 2, 0)
        grid.addLayout(whom, 2, 1, 1, 2)
        caption = QLabel("Con&ditions")
        caption.setBuddy(self.conditions)
        grid.addWidget(caption, 3, 0)
        grid.addWidget(self.conditions, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.what.textChanged.connect(self.changed)
        self.conditions.textChanged.connect(self.changed)
        self.experience.currentIndexChanged.connect(self._linked)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _linked(self) -> None:
        if self.experience.currentData() is not None and not self.what.text().strip():
            self.what.setText(self.experience.currentText())
        self.changed.emit()

    def number(self, n: int) -> None:
        self.what.setAccessibleName(f"What item {n} shares")
        self.experience.setAccessibleName(f"Lived experience item {n} is about")
        for audience, box in self.audiences.items():
            box.setAccessibleName(f"Item {n}: share with {audience.label}")
        self.conditions.setAccessibleName(f"Conditions for item {n}")
        self.remove.setAccessibleName(f"Remove item {n}")

    def value(self) -> StoryItem:
        linked = self.experience.currentData()
        return StoryItem(
            self.what.text(),
            tuple(a for a, box in self.audiences.items() if box.isChecked()),
            self.conditions.text(),
            None if linked is None else TaxonomyItemId(int(linked)),
        )

    def controls(self) -> list[QWidget]:
        return [self.what, self.remove, self.experience, *self.audiences.values(), self.conditions]


class StoryItemsEditor(QWidget, RowsEditing):
    """Rows of story items; "Add" appends one and puts the cursor in it."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[StoryItemRow] = []
        self._experiences: list[tuple[TaxonomyItemId, str]] = []
        self.add = button("Add an &item", "Add something I'm comfortable sharing")
        self.empty = QLabel("Nothing listed yet.")
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self._rows)
        layout.addWidget(self.add)
        self.add.clicked.connect(self.add_row)

    def set_value(
        self, items: Sequence[StoryItem], experiences: Sequence[tuple[TaxonomyItemId, str]]
    ) -> None:
        self._experiences = list(experiences)
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in items:
            self._append(item)
        self._renumber()

    def value(self) -> tuple[StoryItem, ...]:
        return tuple(row.value() for row in self.rows)

    def _append_blank(self) -> StoryItemRow:
        return self._append(StoryItem(""))

    def _first_field(self, row: StoryItemRow) -> QWidget:
        return row.what

    def _append(self, item: StoryItem) -> StoryItemRow:
        row = StoryItemRow(self._experiences, item)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows.addWidget(row)
        return row

    def _renumber(self) -> None:
        chain: list[QWidget] = [c for row in self.rows for c in row.controls()] + [self.add]
        renumber(self.rows, self.empty, chain)
