"""A PSW's consent ledger, read only: every entry in words, with what they were told."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.consent import ConsentEntry, EntryKind
from peerdesk.ui.check_fields import RecordsView, RowsModel, say_date, short_date
from peerdesk.ui.consent_dialog import purpose_words

TITLES = ("Date", "Consent for", "Entry", "How", "Recorded by")


def entry_words(entry: ConsentEntry, by_id: dict[int, ConsentEntry]) -> str:
    """ "Given", "Withdrawn", "Correction of …", with "recorded before the ledger" said."""
    if entry.kind is EntryKind.GIVEN:
        words = "Given"
    elif entry.kind is EntryKind.WITHDRAWN:
        words = "Withdrawn"
    else:
        target = by_id.get(int(entry.corrects)) if entry.corrects is not None else None
        of = f" of the {target.kind.value} entry" if target else ""
        if entry.given_on is None and entry.withdrawn_on is None:
            words = f"Correction{of}: recorded in error"
        else:
            words = f"Correction{of}"
    return words + (" (recorded before the ledger)" if entry.before_ledger else "")


def entry_row(
    entry: ConsentEntry, names: dict[int, str], by_id: dict[int, ConsentEntry]
) -> list[str]:
    day = entry.withdrawn_on if entry.withdrawn_on is not None else entry.given_on
    how = entry.withdrawn_how if entry.withdrawn_how is not None else entry.how
    return [
        short_date(day, "no date"),
        purpose_words(entry.purpose, names),
        entry_words(entry, by_id),
        how.label if how is not None else "",
        entry.recorded_by or "not recorded",
    ]


def entry_details(entry: ConsentEntry) -> str:
    """The full text of one entry for the details pane."""
    lines = [f"Recorded {say_date(entry.recorded_at.date())} by {entry.recorded_by or 'unknown'}."]
    if entry.given_on is not None:
        lines.append(f"Given on {say_date(entry.given_on)}.")
    if entry.withdrawn_on is not None:
        lines.append(f"Withdrawn on {say_date(entry.withdrawn_on)}.")
    if entry.before_ledger:
        lines.append("Recorded before the ledger: how and what they were told are not known.")
    if entry.told:
        lines += ["", "What they were told:", entry.told]
    if entry.note:
        lines += ["", "Note:", entry.note]
    return "\n".join(lines)


class ConsentHistoryDialog(QDialog):
    """Entries oldest first; choosing one shows what they were told in the pane below."""

    def __init__(
        self,
        entries: Sequence[ConsentEntry],
        item_names: dict[int, str],
        *,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Consent history: {name}")
        self.setModal(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)
        self.entries = list(entries)
        by_id = {int(e.id): e for e in self.entries}
        self.model = RowsModel(TITLES, self)
        self.model.set_rows([entry_row(e, item_names, by_id) for e in self.entries])
        self.table = RecordsView(self.model, "Consent entries", on_open=self._show_details)
        self.table.setWordWrap(False)
        intro = QLabel(
            "Every consent recorded for them, oldest first. Nothing here can be changed: "
            "choose an entry to read what they were told."
            if self.entries
            else "No consent has been recorded for them yet."
        )
        intro.setWordWrap(True)
        caption = QLabel("&Entries:")
        caption.setBuddy(self.table)
        details_caption = QLabel("&Details of the chosen entry:")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName("Details of the chosen entry")
        self.details.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 16)
        details_caption.setBuddy(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("&Close")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(details_caption)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_details())
        if self.entries:
            self.table.select_row(len(self.entries) - 1)
        self.resize(self.minimumWidth(), self.sizeHint().height())

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screen-reader checks)."""
        return [
            [str(self.model.index(r, c).data()) for c in range(self.model.columnCount())]
            for r in range(self.model.rowCount())
        ]

    def _show_details(self) -> None:
        row = self.table.selected_row()
        self.details.setPlainText("" if row is None else entry_details(self.entries[row]))
