"""Shared parts of the check editors: date boxes, read-only record tables and the dialog base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.flow_layout import FlowLayout
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.psw_form_contact import format_uk_date, parse_uk_date

Index = QModelIndex | QPersistentModelIndex


def say_date(day: dt.date | None, blank: str = "") -> str:
    """ "3 March 2026", or ``blank`` for no date."""
    return blank if day is None else format_date(day)


def short_date(day: dt.date | None, blank: str = "") -> str:
    """ "3 Mar 2026" for tables, where width is scarce at large text sizes."""
    return blank if day is None else f"{day.day} {format_date(day).split()[1][:3]} {day.year}"


def button_row(buttons: Sequence[QPushButton]) -> QWidget:
    """Buttons on one line that wrap onto more when the text is large or the form narrow."""
    holder = QWidget()
    flow = FlowLayout(holder)
    for made in buttons:
        flow.addWidget(made)
    return holder


def button(text: str, name: str, *, tip: str = "") -> QPushButton:
    """A push button with an &mnemonic in ``text`` and a plain accessible ``name``."""
    made = QPushButton(text)
    made.setAccessibleName(name)
    if tip:
        made.setToolTip(tip)
        made.setAccessibleDescription(tip)
    return made


class DateField(QLineEdit):
    """A date typed day/month/year ("03/11/2026"); blank means no date unless ``required``."""

    def __init__(self, field: str, what: str, *, required: bool = False) -> None:
        super().__init__()
        self.field = field
        self.what = what
        self.required = required
        self.setPlaceholderText("dd/mm/yyyy" if required else "dd/mm/yyyy (optional)")

    def set_value(self, day: dt.date | None) -> None:
        self.setText(format_uk_date(day))

    def value(self) -> dt.date | None:
        """The date typed, or None when blank or not a date (see :meth:`problems`)."""
        try:
            return parse_uk_date(self.text())
        except ValueError:
            return None

    def problems(self) -> list[Problem]:
        try:
            day = parse_uk_date(self.text())
        except ValueError as error:
            return [Problem(self.field, f"The {self.what} date: {error}")]
        if day is None and self.required:
            return [Problem(self.field, f"Enter the {self.what} date (day/month/year).")]
        return []


class RowsModel(QAbstractTableModel):
    """Read-only rows of text under column titles; the editor keeps the records behind them."""

    def __init__(self, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles = list(titles)
        self._rows: list[list[str]] = []

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = self._titles[index.column()]
            return f"{title}: {self._rows[index.row()][index.column()] or 'none'}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None


class RecordsView(QTableView):
    """A keyboard-friendly read-only table: arrows move, Enter (or double-click) opens the row."""

    def __init__(self, model: RowsModel, name: str, *, on_open: Callable[[], None]) -> None:
        super().__init__()
        self._on_open = on_open
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = 4
        self.setMinimumHeight(
            header.sizeHint().height() + rows * (self.fontMetrics().height() + 8) + 4
        )
        self.doubleClicked.connect(lambda _index: self._on_open())

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model().rowCount():
            self.clearSelection()
        else:
            self.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_row() is not None:
            self._on_open()
            return
        super().keyPressEvent(event)


class CheckDialog(QDialog):
    """A small form that saves through a service when OK is pressed.

    Problems are shown under the field they name as you type and again if the service refuses;
    the dialog stays open until the save works. ``changes`` holds what the save changed.
    """

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.changes = Changes()
        self.form = new_form_layout()
        self.problems: dict[str, ProblemLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.hints: dict[str, QLabel] = {}
        self.summary = ProblemLabel()
        self._touched = False
        self._layout = QVBoxLayout(self)
        # wide enough for hints to wrap into a few lines, at any text size
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.ok.setAccessibleName(ok_text.replace("&", ""))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def add_note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        self._layout.addWidget(note)
        return note

    def add_field(self, key: str, label: str, widget: QWidget, *, hint: str = "") -> QLabel:
        """A labelled row, an optional hint under it, and its own problem label.

        ``key`` is the field name the service's problems use.
        """
        caption = add_row(self.form, label, widget)
        if hint:
            # not word-wrapped: QFormLayout sizes a dialog too short for wrapped rows, so the
            # hint would overlap the field above it; hints carry their own line breaks instead
            note = QLabel(hint)
            self.form.addRow(QLabel(), note)
            widget.setAccessibleDescription(hint)
            self.hints[key] = note
        self.problems[key] = ProblemLabel().attach(self.form, widget)
        self._fields[key] = widget
        return caption

    def add_tick(self, key: str, box: QCheckBox) -> None:
        """A tick box under the fields (its own text is its label)."""
        if not box.accessibleName():
            box.setAccessibleName(box.text().replace("&", ""))
        self.form.addRow(QLabel(), box)
        self.problems[key] = ProblemLabel().attach(self.form, box)
        self._fields[key] = box

    def finish_layout(self) -> None:
        """Call once every row is added: form, then the general problems, then the buttons."""
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.buttons)

    # --- to be provided by each dialog --------------------------------------------------------

    def local_problems(self) -> list[Problem]:
        """What only the dialog can see, e.g. a date that is not a date."""
        return []

    def service_problems(self) -> list[Problem]:
        """The service's own check of what is typed (dates not typed yet stand in as today)."""
        return []

    def submit(self) -> Changes:
        """Save through the service; raise its error to keep the dialog open."""
        raise NotImplementedError

    # --- checking and saving ------------------------------------------------------------------

    def edited(self) -> None:
        """Connect every field's change signal here: problems follow the typing."""
        self._touched = True
        self.show_problems(self.current_problems())

    def current_problems(self) -> list[Problem]:
        local = self.local_problems()
        # the service checks the rest with a stand-in for any date not typed properly yet
        taken = {p.field for p in local}
        return local + [p for p in self.service_problems() if p.field not in taken]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for key, label in self.problems.items():
            label.set_problems([p for p in problems if p.field == key])
        self.summary.set_problems([p for p in problems if p.field not in self.problems])

    def save(self) -> None:
        problems = self.current_problems()
        if any(p.blocking for p in problems):
            self.show_problems(problems)
            self._focus_first(problems)
            return
        try:
            self.changes = self.submit()
        except ValidationFailed as error:
            self.show_problems(error.problems)
            self._focus_first(list(error.problems))
            return
        except PeerDeskError as error:
            self.summary.set_problems([Problem("", str(error))])
            return
        self.accept()

    def _focus_first(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            field = self._fields.get(problem.field)
            if field is not None and problem.blocking:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return


class OpensDialogs:
    """Mixin for a widget opening one window-modal dialog at a time, kept as ``dialog``."""

    dialog: QDialog | None = None
    """The dialog open now (tests fill it in; it is window-modal but does not block)."""

    def open_kept(self, dialog: QDialog, on_accepted: Callable[[], object]) -> None:
        """Open ``dialog`` as ``self.dialog``; ``on_accepted`` runs on OK; closing forgets it."""
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()


class CheckSection(QWidget, OpensDialogs):
    """Base of each Checks-tab section: every action saves at once and emits ``changed``."""

    changed = Signal(object)
    """The Changes a save made, for the tab to publish on the change bus."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.psw_id: PswId | None = None
        self.dialog: CheckDialog | None = None

    def show_psw(self, psw_id: PswId | None) -> None:
        self.psw_id = psw_id
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_dialog(self, dialog: CheckDialog) -> None:
        self.open_kept(dialog, lambda: self.changed.emit(dialog.changes))

    def run(self, title: str, action: Callable[[], Changes]) -> bool:
        """Save one action; a refusal is shown in a box (the list is re-read either way)."""
        changes = message_boxes.saved(self, title, action, self.refresh)
        if changes is None:
            return False
        self.changed.emit(changes)
        return True
