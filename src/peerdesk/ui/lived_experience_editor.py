"""The Lived experience tab: items grouped by family, each with a note and two separate consents.

On a saved record, ticking or unticking a consent box of an item already saved asks how (and,
ticking, what they were told) and writes the consent ledger at once; other boxes are ledgered
when the record is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.consent import MATCHING, SHARING, UseKind, lived_experience_purpose
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import LivedExperience, Psw
from peerdesk.domain.taxonomy import ListItem
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.consent_dialog import SHARED, USED_FOR_MATCHING, ConsentDialog
from peerdesk.ui.consent_history_dialog import ConsentHistoryDialog
from peerdesk.ui.form_fields import ProblemLabel, RowsEditing, compact, renumber
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.story_conflict_note import conflict_note

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNSAVED_NOTE = (
    "Consent boxes of experiences not saved yet are recorded as given in person today "
    "when you save."
)


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
    consent_clicked = Signal(object, str, bool)
    """(row, "matching" or "sharing", ticked): the user ticked or unticked a consent box."""

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
        self.matching.clicked.connect(lambda on: self.consent_clicked.emit(self, MATCHING, on))
        self.sharing.clicked.connect(lambda on: self.consent_clicked.emit(self, SHARING, on))

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

    def box(self, use: UseKind | str) -> QCheckBox:
        return self.matching if use == MATCHING else self.sharing


class LivedExperienceEditor(QWidget, RowsEditing):
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
        self.history = QPushButton("Consent &history…")
        self.history.setAccessibleName("Consent history")
        self.history.setEnabled(False)
        self.unsaved_note = QLabel(UNSAVED_NOTE)
        self.unsaved_note.setWordWrap(True)
        self.unsaved_note.hide()
        self.problems = {"lived_experience": ProblemLabel().describe(self.add)}
        self.dialog: ConsentDialog | ConsentHistoryDialog | None = None
        """The dialog open now (tests fill it in; it is window-modal but does not block)."""
        self._services: Services | None = None
        self._bus: ChangeBus | None = None
        self._current: Callable[[], Psw | None] = lambda: None
        self._stored: Callable[[Psw], None] = lambda _psw: None
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.history)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.problems["lived_experience"])
        self.plan_conflicts = conflict_note(layout)  # filled in by the Plans tab
        layout.addWidget(self.empty)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.unsaved_note)
        layout.addStretch(1)
        self.add.clicked.connect(self.add_row)
        self.history.clicked.connect(self.show_history)
        self.changed.connect(self._show_unsaved_note)

    def use_record(
        self,
        context: CommandContext,
        current: Callable[[], Psw | None],
        stored: Callable[[Psw], None],
    ) -> None:
        """Let consent boxes write the ledger: ``current`` gives the record as stored (None when
        new), and ``stored`` takes it back after a consent is recorded, as the form's baseline."""
        self._services, self._bus = context.services, context.bus
        self._current, self._stored = current, stored

    # --- consent written at once ----------------------------------------------------------------

    def _saved_items(self) -> set[TaxonomyItemId]:
        psw = self._current()
        return {le.item_id for le in psw.details.lived_experience} if psw else set()

    def _item_name(self, item_id: TaxonomyItemId) -> str:
        return next((i.name for i in self._items if i.id == item_id), "this experience")

    def _show_unsaved_note(self) -> None:
        saved = self._saved_items()
        self.unsaved_note.setVisible(
            any(row.chosen() is None or row.chosen() not in saved for row in self.rows)
        )
        self.history.setEnabled(self._services is not None and self._current() is not None)

    def _consent_clicked(self, row: ExperienceRow, use: UseKind, ticked: bool) -> None:
        psw = self._current()
        item_id = row.chosen()
        services = self._services
        if psw is None or services is None or item_id is None:
            return  # a new record or row: saving the record ledgers the box
        if item_id not in self._saved_items():
            return
        purpose = lived_experience_purpose(item_id, use)
        if services.consents.current(psw.id, purpose) == ticked:
            return  # the box is back to what the ledger says: nothing to record
        words = USED_FOR_MATCHING if use == MATCHING else SHARED
        what = f"their lived experience \u201c{self._item_name(item_id)}\u201d may be {words}"
        dialog = ConsentDialog(services, psw.id, purpose, giving=ticked, what=what, parent=self)
        index = self.rows.index(row)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._recorded(dialog.changes, psw, index, use))
        dialog.rejected.connect(lambda: self._restore(row, use, not ticked))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _restore(self, row: ExperienceRow, use: UseKind, ticked: bool) -> None:
        if row in self.rows:
            row.box(use).setChecked(ticked)
            row.box(use).setFocus(Qt.FocusReason.OtherFocusReason)

    def _recorded(self, changes: Changes, psw: Psw, index: int, use: UseKind) -> None:
        """The ledger (and the box's cached flag) changed: that is now the stored record."""
        assert self._services is not None and self._bus is not None
        self._stored(self._services.psws.get(psw.id))
        self._bus.publish(changes, self)
        if index < len(self.rows):  # a reload may have made the rows afresh
            self.rows[index].box(use).setFocus(Qt.FocusReason.OtherFocusReason)

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def show_history(self) -> None:
        psw = self._current()
        if psw is None or self._services is None:
            return
        names = {int(i.id): i.name for i in self._items}
        dialog = ConsentHistoryDialog(
            self._services.consents.ledger(psw.id),
            names,
            name=psw.details.display_name(),
            parent=self,
        )
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

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
        self._show_unsaved_note()

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

    def _append_blank(self) -> ExperienceRow:
        return self._append(None)

    def _first_field(self, row: ExperienceRow) -> QWidget:
        return row.item

    def _append(self, entry: LivedExperience | None) -> ExperienceRow:
        row = ExperienceRow(self._items, entry)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        row.consent_clicked.connect(self._consent_clicked)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _renumber(self) -> None:
        # Tab goes from "Add" down through the rows in order, however they were added
        chain: list[QWidget] = [self.add, self.history]
        for row in self.rows:
            chain += [row.item, row.note, row.matching, row.sharing, row.remove]
        renumber(self.rows, self.empty, chain)
