"""Editors for what a supported person wishes their peer to share: experience and identity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.demographics import QUESTION_BY_KEY, QUESTIONS
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.person import ExperienceWish, IdentityPreference, Wish
from peerdesk.domain.taxonomy import ListItem
from peerdesk.ui.form_fields import compact
from peerdesk.ui.item_checklist import item_label


class _RowsEditor(QWidget):
    """Rows of controls, each with a Remove button, and an Add button below them."""

    changed = Signal()

    def __init__(self, noun: str, add_text: str) -> None:
        super().__init__()
        self._noun = noun
        self.rows: list[QWidget] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(f"No {noun} yet.")
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text.replace("&", ""))
        self.add_button.clicked.connect(self._add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self._rows_layout)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def _add_clicked(self) -> None:
        row = self._new_row()
        self.changed.emit()
        focus = row.focusProxy() or row
        focus.setFocus()

    def _new_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        number = len(self.rows) + 1
        controls = self._controls(number)
        for control in controls:
            line.addWidget(control, 1 if isinstance(control, QComboBox) else 0)
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove {self._noun} {number}")
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(remove)
        row.setFocusProxy(controls[0])
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self.empty.setVisible(False)
        return row

    def _remove(self, row: QWidget) -> None:
        self.rows.remove(row)
        row.deleteLater()
        row.setParent(None)
        self.empty.setVisible(not self.rows)
        self.add_button.setFocus()
        self.changed.emit()

    def _clear(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self.empty.setVisible(True)

    def _controls(self, number: int) -> list[QWidget]:
        raise NotImplementedError

    def _combo(self, name: str) -> QComboBox:
        combo = compact(QComboBox(), 14)
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(self.changed)
        return combo


class ExperienceWishEditor(_RowsEditor):
    """Lived-experience items they hope their peer shares; any may be "most important"."""

    def __init__(self) -> None:
        super().__init__("experience wish", "Add &experience wish")
        self._items: list[ListItem] = []

    def set_items(self, items: Iterable[ListItem]) -> None:
        value = self.value()
        self._items = sorted(items, key=lambda i: (i.family, i.name.casefold()))
        self.set_value(value)

    def _controls(self, number: int) -> list[QWidget]:
        combo = self._combo(f"Lived experience wish {number}")
        for item in self._items:
            if not item.retired:
                label = f"{item.family}: {item.name}" if item.family else item.name
                combo.addItem(label, item.id)
        important = QCheckBox("Most important")
        important.setAccessibleName(f"Most important, wish {number}")
        important.toggled.connect(self.changed)
        return [combo, important]

    def set_value(self, wishes: Sequence[ExperienceWish]) -> None:
        self.blockSignals(True)
        self._clear()
        by_id = {i.id: i for i in self._items}
        for wish in wishes:
            row = self._new_row()
            combo, important = row.findChildren(QComboBox)[0], row.findChildren(QCheckBox)[0]
            found = combo.findData(wish.item_id)
            if found < 0:
                item = by_id.get(wish.item_id)
                combo.addItem(item_label(item) if item else "(removed item)", wish.item_id)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
            important.setChecked(wish.most_important)
        self.blockSignals(False)

    def value(self) -> tuple[ExperienceWish, ...]:
        found = []
        for row in self.rows:
            combo, important = row.findChildren(QComboBox)[0], row.findChildren(QCheckBox)[0]
            item_id = combo.currentData()
            if item_id is not None:
                found.append(ExperienceWish(TaxonomyItemId(item_id), important.isChecked()))
        return tuple(found)


class IdentityPreferenceEditor(_RowsEditor):
    """A peer of a given gender, faith, ethnicity, age band or language: "must" or "would like"."""

    def __init__(self) -> None:
        super().__init__("identity preference", "Add identity &preference")

    def _controls(self, number: int) -> list[QWidget]:
        question = self._combo(f"Identity preference {number}: about")
        for q in QUESTIONS:
            question.addItem(q.label, q.key)
        answer = self._combo(f"Identity preference {number}: answer")
        wish = self._combo(f"Identity preference {number}: how strongly")
        for w in Wish:
            wish.addItem(w.label, w)
        wish.setCurrentIndex(wish.findData(Wish.WOULD_LIKE))

        def refill() -> None:
            answer.blockSignals(True)
            answer.clear()
            key = question.currentData()
            if key in QUESTION_BY_KEY:
                answer.addItems(list(QUESTION_BY_KEY[key].options))
            answer.blockSignals(False)

        question.currentIndexChanged.connect(refill)
        refill()
        return [question, answer, wish]

    def set_value(self, preferences: Sequence[IdentityPreference]) -> None:
        self.blockSignals(True)
        self._clear()
        for pref in preferences:
            question, answer, wish = self._new_row().findChildren(QComboBox)
            question.setCurrentIndex(max(0, question.findData(pref.question)))
            if answer.findText(pref.answer) < 0:
                answer.addItem(pref.answer)
            answer.setCurrentIndex(answer.findText(pref.answer))
            wish.setCurrentIndex(wish.findData(pref.wish))
        self.blockSignals(False)

    def value(self) -> tuple[IdentityPreference, ...]:
        found = []
        for row in self.rows:
            question, answer, wish = row.findChildren(QComboBox)
            if question.currentData() and answer.currentText():
                found.append(
                    IdentityPreference(
                        question.currentData(), answer.currentText(), wish.currentData()
                    )
                )
        return tuple(found)
