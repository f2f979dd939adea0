"""The Lived experience tab: items grouped by family, each with a note and two separate consents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import LivedExperience
from peerdesk.domain.taxonomy import ListItem
from peerdesk.ui.form_fields import ProblemLabel, compact

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def grouped_model(items: Sequence[ListItem], keep: TaxonomyItemId | None) -> QStandardItemModel:
    """Items under unselectable family headings; retired ones only if ``keep`` is one of them."""
    model = QStandardItemModel()
    family = None
    bold = QFont()
    bold.setBold(True)
    for item in items:
        if item.retired and item.id != keep:
            continue
        if item.family != family:
            family = item.family
            heading = QStandardItem(family or "Other")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(bold)
            heading.setData(f"{family}, group heading", Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(heading)
        entry = QStandardItem(item.name + (" (retired)" if item.retired else ""))
        entry.setData(item.id, _ID_ROLE)
        entry.setData(item.display(), Qt.ItemDataRole.ToolTipRole)
        entry.setData(item.display(), Qt.ItemDataRole.AccessibleTextRole)
        model.appendRow(entry)
    return model


class _IndentedItems(QStyledItemDelegate):
    """Indents entries under their (unselectable) family headings in the drop-down list."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.flags() & Qt.ItemFlag.ItemIsEnabled:
            option.rect.adjust(option.fontMetrics.averageCharWidth() * 3, 0, 0, 0)


class ExperienceRow(QFrame):
    """One item: what, a short note, may it be used for matching, may it be shared."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, items: Sequence[ListItem], entry: LivedExperience | None) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item = compact(QComboBox(), 20)
        self.item.setItemDelegate(_IndentedItems(self.item))
        self.item.setPlaceholderText("Choose an experience…")
        self.note = QLineEdit(entry.note if entry else "")
        self.note.setPlaceholderText("A short note in their words (optional)")
        self.matching = QCheckBox("May be used for &matching")
        self.sharing = QCheckBox("Willin&g to share with the person supported")
        self.remove = QPushButton("Remove")
        if entry:
            self.matching.setChecked(entry.use_for_matching)
            self.sharing.setChecked(entry.share_with_supported)
        self.set_items(items, entry.item_id if entry else None)

        grid = QGridLayout(self)
        item_label = QLabel("E&xperience")
        item_label.setBuddy(self.item)
        note_label = QLabel("N&ote")
        note_label.setBuddy(self.note)
        grid.addWidget(item_label, 0, 0)
        grid.addWidget(self.item, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(note_label, 1, 0)
        grid.addWidget(self.note, 1, 1, 1, 2)
        grid.addWidget(self.matching, 2, 1, 1, 2)
        grid.addWidget(self.sharing, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        self.item.currentIndexChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)
        self.matching.toggled.connect(self.changed)
        self.sharing.toggled.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_items(self, items: Sequence[ListItem], chosen: TaxonomyItemId | None) -> None:
        self.item.blockSignals(True)
        self.item.setModel(grouped_model(items, chosen))
        self.item.setCurrentIndex(self.item.findData(chosen, _ID_ROLE) if chosen else -1)
        self.item.blockSignals(False)

    def number(self, n: int) -> None:
        """Name the controls for screen readers: "Lived experience 2", and so on."""
        self.item.setAccessibleName(f"Lived experience {n}")
        self.note.setAccessibleName(f"Note on lived experience {n}")
        self.matching.setAccessibleName(f"Lived experience {n} may be used for matching")
        self.sharing.setAccessibleName(
            f"Willing to share lived experience {n} with the person supported"
        )
        self.remove.setAccessibleName(f"Remove lived experience {n}")

    def chosen(self) -> TaxonomyItemId | None:
        found = self.item.currentData(_ID_ROLE)
        return TaxonomyItemId(found) if found is not None else None

    def value(self) -> LivedExperience | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        return LivedExperience(
            chosen, self.note.text(), self.matching.isChecked(), self.sharing.isChecked()
        )


class LivedExperienceEditor(QWidget):
    """Rows of lived experience; "Add" (above them) appends one and puts the cursor in it."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._items: list[ListItem] = []
        self.rows: list[ExperienceRow] = []
        intro = QLabel(
            "Record each experience with their consent: using it to find a match and sharing it "
            "with the person they support are separate choices."
        )
        intro.setWordWrap(True)
        self.empty = QLabel("No lived experience recorded yet.")
        self.add = QPushButton("A&dd lived experience")
        self.add.setAccessibleName("Add lived experience")
        self.problems = {"lived_experience": ProblemLabel().describe(self.add)}
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problems["lived_experience"])
        layout.addWidget(self.empty)
        layout.addLayout(self._rows_layout)
        layout.addStretch(1)
        self.add.clicked.connect(self.add_row)

    def set_items(self, items: Iterable[ListItem]) -> None:
        self._items = list(items)
        for row in self.rows:
            row.set_items(self._items, row.chosen())

    def set_value(self, entries: Sequence[LivedExperience]) -> None:
        for row in self.rows:
            row.deleteLater()
            row.setParent(None)
        self.rows = []
        for entry in entries:
            self._append(entry)
        self._renumber()

    def value(self) -> tuple[LivedExperience, ...]:
        found = (row.value() for row in self.rows)
        return tuple(v for v in found if v is not None)

    def local_problems(self) -> list[Problem]:
        return [
            Problem(
                "lived_experience",
                f"Choose what lived experience {n} is, or remove it.",
            )
            for n, row in enumerate(self.rows, start=1)
            if row.chosen() is None
        ]

    def add_row(self) -> None:
        row = self._append(None)
        self._renumber()
        row.item.setFocus()
        self.changed.emit()

    def _append(self, entry: LivedExperience | None) -> ExperienceRow:
        row = ExperienceRow(self._items, entry)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove(self, row: ExperienceRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        following = self.rows[index] if index < len(self.rows) else None
        (following.item if following else self.add).setFocus()
        self.changed.emit()

    def _renumber(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            row.number(n)
        self.empty.setVisible(not self.rows)
        # Tab goes from "Add" down through the rows in order, however they were added
        chain: list[QWidget] = [self.add]
        for row in self.rows:
            chain += [row.item, row.note, row.matching, row.sharing, row.remove]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
