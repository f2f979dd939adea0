"""Type up a paper contact sheet as a grid: one line a contact, all saved together or none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome, MatchId, contact_problems
from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.match_lifecycle import Match, MatchStage
from peerdesk.domain.psw import PswQuery
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import button
from peerdesk.ui.contact_dialog import introduced_on, read_minutes
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout, problem_text
from peerdesk.ui.psw_form_contact import parse_uk_date

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ["Match with", "Date (dd/mm/yyyy)", "Minutes", "How", "Took place", "Note", "Problem"]
MATCH, DATE, MINUTES, MODE, OUTCOME, NOTE, PROBLEM = range(len(COLUMNS))
START_LINES = 5
OPEN = (MatchStage.INTRODUCED, MatchStage.ACTIVE)


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by picking from ``choices`` (type a letter to jump, as in any list)."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        combo.setAccessibleName(COLUMNS[index.column()])
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data() or ""))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class SheetGrid(QTableWidget):
    """Tab and Enter move to the next cell, as in a spreadsheet; Enter on the last adds a line."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a cell's editor saves the cell, closes the editor and comes here too
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_on()
            return
        if self._pick_by_letter(event.text()):
            return
        super().keyPressEvent(event)

    def _pick_by_letter(self, text: str) -> bool:
        """In a column of choices, a letter picks the next choice starting with it."""
        delegate = self.itemDelegateForColumn(self.currentColumn())
        item = self.currentItem()
        if not isinstance(delegate, ChoiceDelegate) or item is None or not text.strip():
            return False
        starting = [c for c in delegate.choices if c.casefold().startswith(text.casefold())]
        if starting:
            now = starting.index(item.text()) if item.text() in starting else -1
            item.setText(starting[(now + 1) % len(starting)])
        return True

    def move_on(self) -> None:
        row, column = self.currentRow(), self.currentColumn()
        if column < NOTE:
            self.setCurrentCell(row, column + 1)
            return
        if row + 1 >= self.rowCount():
            self.add_line()
        self.setCurrentCell(row + 1, MATCH)

    def add_line(self) -> None:
        row = self.rowCount()
        self.insertRow(row)
        defaults = ["", "", "", ContactMode.FACE_TO_FACE.label, ContactOutcome.ATTENDED.label]
        for column, text in enumerate([*defaults, "", ""]):
            item = QTableWidgetItem(text)
            if column == PROBLEM:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, column, item)


class ContactBatchDialog(QDialog):
    """Lines of a PSW's contact sheet (``psw_id``, or picked first); ``changes`` after saving."""

    def __init__(
        self, services: Services, psw_id: PswId | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Type up a contact sheet")
        self.setModal(True)
        self.services = services
        self.changes = Changes()
        self.matches: dict[str, Match] = {}
        form = new_form_layout()
        self.psw = QComboBox()
        if psw_id is None:
            rows = services.psws.rows(services.psws.find_ids(PswQuery()))
            for row in rows:
                self.psw.addItem(row.full_name, row.id)
            add_row(form, "&Peer worker", self.psw)
        else:
            self.psw.addItem(services.psws.get(psw_id).details.full_name, psw_id)
            self.psw.setVisible(False)
        how = QLabel(
            "One line a contact. Tab or Enter moves to the next cell; type to fill a cell or "
            "pick from its list. Empty lines are left out. Nothing is saved until every line "
            "is right."
        )
        how.setWordWrap(True)
        self.grid = SheetGrid(0, len(COLUMNS))
        self.grid.setAccessibleName("Contacts from the sheet")
        self.grid.setHorizontalHeaderLabels(COLUMNS)
        self.grid.setTabKeyNavigation(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.match_delegate = ChoiceDelegate([], self.grid)
        self.grid.setItemDelegateForColumn(MATCH, self.match_delegate)
        modes = ChoiceDelegate([m.label for m in ContactMode], self.grid)
        outcomes = ChoiceDelegate([o.label for o in ContactOutcome], self.grid)
        self.grid.setItemDelegateForColumn(MODE, modes)
        self.grid.setItemDelegateForColumn(OUTCOME, outcomes)
        for _ in range(START_LINES):
            self.grid.add_line()
        self.grid.setMinimumWidth(self.fontMetrics().averageCharWidth() * 110)
        self.grid.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.summary = ProblemLabel(heading=True)
        self.add_button = button("&Add line", "Add line")
        self.add_button.clicked.connect(self.grid.add_line)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = button("&Save all", "Save all")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(how)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.psw.currentIndexChanged.connect(self._psw_changed)
        self._psw_changed()
        self.grid.setCurrentCell(0, MATCH)
        self.grid.setFocus()

    def _psw_changed(self) -> None:
        psw_id = self.psw.currentData()
        found = self.services.matches.for_psw(psw_id) if psw_id is not None else []
        open_ = [m for m in found if m.stage in OPEN]
        names = {r.id: r.full_name for r in self.services.people.rows([m.person_id for m in open_])}
        self.matches = {}
        for match in open_:
            label = names.get(match.person_id, "(not shown)")
            if label in self.matches:
                label = f"{label} (match {match.id})"
            self.matches[label] = match
        self.match_delegate.choices = list(self.matches)
        only = next(iter(self.matches)) if len(self.matches) == 1 else ""
        for row in range(self.grid.rowCount()):
            self._cell(row, MATCH).setText(only)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.grid.item(row, column)
        assert item is not None
        return item

    def _text(self, row: int, column: int) -> str:
        return self._cell(row, column).text().strip()

    def _blank(self, row: int) -> bool:
        return not any(self._text(row, c) for c in (DATE, MINUTES, NOTE))

    def read_line(self, row: int) -> tuple[MatchId | None, ContactDetails | None, list[Problem]]:
        """The contact on ``row`` and what is wrong with it (in words)."""
        problems: list[Problem] = []
        match = self.matches.get(self._text(row, MATCH))
        if match is None:
            problems.append(Problem("match", "Pick whose match this contact belongs to."))
        try:
            on = parse_uk_date(self._text(row, DATE))
        except ValueError as error:
            on = None
            problems.append(Problem("on", f"The date: {error}"))
        else:
            if on is None:
                problems.append(Problem("on", "Enter the date of the contact (day/month/year)."))
        minutes, minute_problems = read_minutes(self._text(row, MINUTES))
        problems += minute_problems
        mode = {m.label: m for m in ContactMode}.get(self._text(row, MODE))
        outcome = {o.label: o for o in ContactOutcome}.get(self._text(row, OUTCOME))
        if mode is None:
            problems.append(Problem("mode", "Pick how the contact took place."))
        if outcome is None:
            problems.append(Problem("outcome", "Pick whether the contact took place."))
        if problems or match is None or on is None or minutes is None or not (mode and outcome):
            return None, None, problems
        details = ContactDetails(on, minutes, mode, outcome, self._text(row, NOTE))
        today = self.services.clock.today()
        problems = contact_problems(details, introduced_on=introduced_on(match), today=today)
        return match.id, details, problems

    def save(self) -> None:
        pairs: list[tuple[MatchId, ContactDetails]] = []
        bad = 0
        for row in range(self.grid.rowCount()):
            found: list[Problem] = []
            if not self._blank(row):
                match_id, details, found = self.read_line(row)
                if match_id is not None and details is not None and not found:
                    pairs.append((match_id, details))
            self._cell(row, PROBLEM).setText(" ".join(problem_text(p) for p in found))
            bad += bool(found)
        self.grid.resizeRowsToContents()
        if bad or not pairs:
            what = f"{bad} line{'s' if bad != 1 else ''} need{'s' if bad == 1 else ''} fixing"
            message = f"{what}: nothing is saved until every line is right (see Problem)."
            self.summary.set_problems([Problem("", message if bad else "Type at least one line.")])
            return
        try:
            self.changes = self.services.matches.add_contacts(pairs)[1]
        except ValidationFailed as error:
            self.summary.set_problems(list(error.problems))
            return
        except PeerDeskError as error:
            self.summary.set_problems([Problem("", str(error))])
            return
        self.accept()
