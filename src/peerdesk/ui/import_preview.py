"""The import's first step: the file's opening rows, its encoding and delimiter, both changeable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.import_csv import DELIMITERS
from peerdesk.domain.import_rows import text_of
from peerdesk.domain.import_table import UNDEFINED_1252, CellValue, ImportRefused, ParsedTable
from peerdesk.export.spreadsheet_read import read_import_file

PREVIEW_ROWS = 20
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 with BOM"),
    ("utf-16", "UTF-16"),
    ("cp1252", "Windows-1252 (Western European)"),
)


def visible_text(value: CellValue) -> str:
    """A cell as shown in the preview: bytes Windows-1252 leaves undefined appear as ⟨0x81⟩."""
    text = text_of(value)
    for ch in UNDEFINED_1252 & set(text):
        text = text.replace(ch, f"⟨0x{ord(ch):02X}⟩")
    return text


class PreviewPage(QWidget):
    """Shows the file as read; changing the encoding or delimiter reads it again."""

    read_again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.table: ParsedTable | None = None
        self.refusal = ""
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What was read")
        layout.addWidget(self.summary)
        choices = QHBoxLayout()
        self.encoding = QComboBox()
        self.encoding.setAccessibleName("Encoding")
        for key, label in ENCODINGS:
            self.encoding.addItem(label, key)
        encoding_label = QLabel("&Encoding:")
        encoding_label.setBuddy(self.encoding)
        self.delimiter = QComboBox()
        self.delimiter.setAccessibleName("Delimiter")
        for key, label in DELIMITERS.items():
            self.delimiter.addItem(label.capitalize(), key)
        delimiter_label = QLabel("&Delimiter:")
        delimiter_label.setBuddy(self.delimiter)
        for widget in (encoding_label, self.encoding, delimiter_label, self.delimiter):
            choices.addWidget(widget)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.grid = QTableWidget()
        self.grid.setAccessibleName("First rows of the file")
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.grid, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems found in the file")
        layout.addWidget(self.problems)
        self.encoding.activated.connect(lambda _i: self._reread())
        self.delimiter.activated.connect(lambda _i: self._reread())

    def open(self, path: Path) -> bool:
        """Read ``path`` with detection; False (and ``refusal`` says why) when it cannot be."""
        self.path = path
        return self._read(None, None)

    def _reread(self) -> None:
        self._read(str(self.encoding.currentData()), str(self.delimiter.currentData()))
        self.read_again.emit()

    def _read(self, encoding: str | None, delimiter: str | None) -> bool:
        assert self.path is not None
        try:
            self.table = read_import_file(self.path, encoding=encoding, delimiter=delimiter)
        except ImportRefused as error:
            self.table = None
            self.refusal = str(error)
            self.summary.setText(f"{self.path.name}: {error}")
            self.grid.clear()
            self.grid.setRowCount(0)
            return False
        self.refusal = ""
        self._show(self.table)
        return True

    def _show(self, table: ParsedTable) -> None:
        assert self.path is not None
        csv_file = table.kind == "csv"
        self.encoding.setEnabled(csv_file)
        self.delimiter.setEnabled(csv_file)
        if csv_file:
            self.encoding.setCurrentIndex(self.encoding.findData(table.encoding))
            self.delimiter.setCurrentIndex(self.delimiter.findData(table.delimiter))
            how = (
                f"CSV, {self.encoding.currentText()}, separated by "
                f"{DELIMITERS.get(table.delimiter or ',', 'comma')}"
            )
        else:
            how = "Excel workbook (.xlsx), first worksheet"
        self.summary.setText(
            f"{self.path.name}: {how}. {len(table.rows):,} rows, {len(table.headers)} columns. "
            f"The first {min(PREVIEW_ROWS, len(table.rows))} rows are shown; check names and "
            "accents read correctly, or choose another encoding."
        )
        self.grid.clear()
        self.grid.setColumnCount(len(table.headers))
        self.grid.setHorizontalHeaderLabels(list(table.headers))
        shown = table.rows[:PREVIEW_ROWS]
        self.grid.setRowCount(len(shown))
        self.grid.setVerticalHeaderLabels([str(n) for n in table.row_numbers[:PREVIEW_ROWS]])
        for r, row in enumerate(shown):
            for c, value in enumerate(row):
                text = visible_text(value)
                item = QTableWidgetItem(text[:200])
                item.setToolTip(text[:2000])
                self.grid.setItem(r, c, item)
        self.grid.resizeColumnsToContents()
        found = [p.as_text() for p in table.problems[:10]]
        more = len(table.problems) - len(found)
        if more > 0:
            found.append(f"… and {more:,} more, listed after the check.")
        self.problems.setText("\n".join(found))
