"""The Languages tab: the languages they speak, and which one (if any) is their first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import LanguageSkill
from peerdesk.domain.taxonomy import ListItem
from peerdesk.ui.form_fields import ProblemLabel, add_row, compact, new_form_layout
from peerdesk.ui.item_checklist import ItemChecklist, item_label

NOT_RECORDED = "Not recorded"


class LanguageEditor(QWidget):
    """A checklist of languages and one "first language" choice among those ticked."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.checklist = ItemChecklist("languages")
        self.first = compact(QComboBox())
        self.first.setAccessibleName("First language")
        intro = QLabel("Tick every language they can support someone in.")
        intro.setWordWrap(True)
        form = new_form_layout()
        add_row(form, "First &language", self.first)
        self.problems = {"languages": ProblemLabel().attach(form, self.checklist.list)}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.checklist, 1)
        layout.addLayout(form)
        self.checklist.changed.connect(self._on_ticked)
        self.first.currentIndexChanged.connect(self._on_first)
        self._first: TaxonomyItemId | None = None
        self._refill_first()

    def set_items(self, items: Iterable[ListItem]) -> None:
        self.checklist.set_items(items)
        self._refill_first()

    def set_value(self, languages: Sequence[LanguageSkill]) -> None:
        self.checklist.set_value(lang.item_id for lang in languages)
        self._first = next((lang.item_id for lang in languages if lang.first), None)
        self._refill_first()

    def value(self) -> tuple[LanguageSkill, ...]:
        """In the vault's order: the first language first, then by id."""
        ticked = self.checklist.value()
        skills = [LanguageSkill(i, first=i == self._first) for i in ticked]
        return tuple(sorted(skills, key=lambda s: (not s.first, s.item_id)))

    def _on_ticked(self) -> None:
        if self._first is not None and self._first not in self.checklist.value():
            self._first = None
        self._refill_first()
        self.changed.emit()

    def _on_first(self) -> None:
        self._first = self.first.currentData()
        self.changed.emit()

    def _refill_first(self) -> None:
        self.first.blockSignals(True)
        self.first.clear()
        self.first.addItem(NOT_RECORDED, None)
        for item in self.checklist.ticked_items():
            self.first.addItem(item_label(item), item.id)
        index = self.first.findData(self._first) if self._first is not None else 0
        self.first.setCurrentIndex(max(index, 0))
        self.first.setEnabled(self.first.count() > 1)
        self.first.blockSignals(False)
