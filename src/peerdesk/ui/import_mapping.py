"""The import's mapping step: a field for each column, chosen by keyboard, and saved presets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.import_fields import FIELDS, guess_mapping, mapping_problems
from peerdesk.domain.import_rows import text_of
from peerdesk.domain.import_table import ParsedTable
from peerdesk.services.import_service import ImportService
from peerdesk.ui.message_boxes import show_error

SAMPLE_CHARS = 30


class MappingPage(QWidget):
    """One combo per column (Ignore or a PSW field), guessed from the headers."""

    changed = Signal()

    def __init__(self, imports: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._imports = imports
        self._headers: tuple[str, ...] = ()
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose the PeerDesk field each column fills, or Ignore. The guesses come from the "
            "headers; a saved mapping applies to columns with the same headers."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        presets = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Saved mappings")
        presets_label = QLabel("Sa&ved mappings:")
        presets_label.setBuddy(self.preset_combo)
        self.load_button = QPushButton("&Use this mapping")
        self.load_button.setAccessibleName("Use the saved mapping chosen")
        self.load_button.clicked.connect(self._load_preset)
        presets.addWidget(presets_label)
        presets.addWidget(self.preset_combo, 1)
        presets.addWidget(self.load_button)
        layout.addLayout(presets)
        save_row = QHBoxLayout()
        self.preset_name = QLineEdit()
        self.preset_name.setAccessibleName("Name to save this mapping as")
        name_label = QLabel("Save as &name:")
        name_label.setBuddy(self.preset_name)
        self.save_button = QPushButton("Save &mapping")
        self.save_button.setAccessibleName("Save this mapping under the name typed")
        self.save_button.clicked.connect(self._save_preset)
        save_row.addWidget(name_label)
        save_row.addWidget(self.preset_name, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self._form_host = QWidget()
        self._form = QFormLayout(self._form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._form_host)
        layout.addWidget(scroll, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Mapping problems")
        layout.addWidget(self.problems)

    def show_table(self, table: ParsedTable) -> None:
        """Rebuild the combos for ``table``'s columns, guessed (or from a matching preset)."""
        self._headers = table.headers
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = []
        guessed = guess_mapping(table.headers)
        for index, header in enumerate(table.headers):
            combo = QComboBox()
            for spec in FIELDS:
                combo.addItem(spec.label, spec.key)
            combo.setCurrentIndex(combo.findData(guessed[index]))
            sample = next((text_of(r[index]) for r in table.rows if text_of(r[index])), "")
            shown = sample if len(sample) <= SAMPLE_CHARS else sample[:SAMPLE_CHARS] + "…"
            label = QLabel(f"{header}" + (f" (e.g. {shown})" if shown else ""))
            label.setBuddy(combo)
            combo.setAccessibleName(f"Field for column {header}")
            combo.currentIndexChanged.connect(self._refresh)
            self._form.addRow(label, combo)
            self.combos.append(combo)
        self._fill_presets()
        self._refresh()

    def fields(self) -> tuple[str, ...]:
        return tuple(str(c.currentData()) for c in self.combos)

    def set_fields(self, fields: Sequence[str]) -> None:
        for combo, key in zip(self.combos, fields, strict=True):
            combo.setCurrentIndex(combo.findData(key))

    def problem_texts(self) -> list[str]:
        return mapping_problems(self.fields())

    def _refresh(self) -> None:
        problems = self.problem_texts()
        self.problems.setText("\n".join(f"Problem: {p}" for p in problems))
        self.changed.emit()

    def _fill_presets(self) -> None:
        self.preset_combo.clear()
        names = sorted(self._imports.presets())
        for name in names:
            self.preset_combo.addItem(name)
        self.load_button.setEnabled(bool(names))
        self.preset_combo.setEnabled(bool(names))

    def _load_preset(self) -> None:
        name = self.preset_combo.currentText()
        preset = self._imports.presets().get(name)
        if preset is not None:
            self.set_fields(guess_mapping(self._headers, preset))
            self.preset_name.setText(name)

    def _save_preset(self) -> None:
        try:
            self._imports.save_preset(self.preset_name.text(), self._headers, self.fields())
        except ValidationFailed as error:
            show_error(self, "Save mapping", str(error))
            return
        saved = self.preset_name.text().strip()
        self._fill_presets()
        self.preset_combo.setCurrentText(saved)
        self.problems.setText(f"Mapping “{saved}” saved.")
