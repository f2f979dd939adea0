"""The Lists page: edit lived experience, skills, interests, languages and areas."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import NotFound, PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.taxonomy import ListItem, ListItemDraft, ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout, stacked

INTRODUCTION = (
    "These lists are offered on peer support workers' records. A retired entry stays on the "
    "records that already use it but is not offered for new ones. Which lived-experience "
    "families count as related for matching is set in Settings, on the Matching tab."
)
CENTRE_NOTE = "Approximate centre, for travel distances. Leave both empty if not set."
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIELDS = ("name", "family", "latitude", "longitude")


class ListsPage(QWidget):
    """Kinds on the left, entries in the middle, the selected entry's form on the right."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.kind = ListKind.LIVED_EXPERIENCE
        self.current: ListItem | None = None
        self._items: dict[TaxonomyItemId, ListItem] = {}
        self._loading = False
        self.setAccessibleName("Lists")

        self.kinds = QListWidget(self)
        self.kinds.addItems([kind.label for kind in ListKind])
        # As wide as its longest label in the current font, so it grows with the text size.
        frame = 2 * self.kinds.frameWidth() + self.fontMetrics().averageCharWidth() * 2
        self.kinds.setFixedWidth(self.kinds.sizeHintForColumn(0) + frame)
        self.kinds.setAccessibleName("Which list")
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName("Entries")
        self.tree.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        # Scroll sideways rather than elide: a cut-off "(retired)" would hide the entry's state.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)

        introduction = QLabel(INTRODUCTION, self)
        introduction.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(introduction)
        columns = QHBoxLayout()
        columns.addWidget(self._labelled("&Lists:", self.kinds), 0)
        columns.addWidget(self._labelled("Entr&ies:", self.tree), 2)
        columns.addWidget(self._form_panel(), 3)
        layout.addLayout(columns, 1)

        self.kinds.currentRowChanged.connect(self._kind_chosen)
        self.tree.selectionModel().currentChanged.connect(self._entry_chosen)
        bus.changed.connect(self._bus_changed)
        self.kinds.setCurrentRow(0)

    # Building

    def _labelled(self, text: str, widget: QWidget) -> QWidget:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return stacked(label, widget)

    def _form_panel(self) -> QWidget:
        self.name = QLineEdit(self)
        self.family = QComboBox(self)
        self.family.setEditable(True)
        self.family.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.latitude = QLineEdit(self)
        self.longitude = QLineEdit(self)
        for edit in (self.latitude, self.longitude):
            edit.setPlaceholderText("not set")
            edit.setAccessibleDescription(CENTRE_NOTE)
        self.form = new_form_layout()
        self.field_problems: dict[str, ProblemLabel] = {}
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("name", "&Name:", self.name),
            ("family", "Famil&y:", self.family),
            ("latitude", "La&titude:", self.latitude),
            ("longitude", "Lon&gitude:", self.longitude),
        )
        for field, text, widget in rows:
            add_row(self.form, text, widget).setWordWrap(False)
            self.field_problems[field] = ProblemLabel(self).attach(self.form, widget)
        self.centre_note = QLabel(CENTRE_NOTE, self)
        self.centre_note.setWordWrap(True)
        self.form.addRow(self.centre_note)
        self.problem = ProblemLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Last change")

        self.add_button = self._button("&Add as new", self.add)
        self.save_button = self._button("&Save changes", self.save)
        self.retire_button = self._button("&Retire", self.toggle_retired)
        self.delete_button = self._button("&Delete", self.delete)
        buttons = QGridLayout()  # two by two: narrow enough beside the list at large text sizes
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.save_button, 0, 1)
        buttons.addWidget(self.retire_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addLayout(buttons)
        column.addWidget(self.problem)
        column.addWidget(self.status)
        column.addStretch(1)
        return panel

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    # Showing

    def reload(self) -> None:
        """Re-read the chosen list, keeping the selected entry selected if it is still there."""
        keep = self.current.id if self.current else None
        items = self.services.lists.items(self.kind)
        self._items = {item.id: item for item in items}
        self._loading = True
        try:
            self.model.clear()
            families: dict[str, QStandardItem] = {}
            for item in items:
                row = self._row(item)
                if self.kind is ListKind.LIVED_EXPERIENCE:
                    parent = families.get(item.family)
                    if parent is None:
                        parent = families[item.family] = self._family_row(item.family)
                        self.model.appendRow(parent)
                    parent.appendRow(row)
                else:
                    self.model.appendRow(row)
            self.tree.setRootIsDecorated(self.kind is ListKind.LIVED_EXPERIENCE)
            self.tree.expandAll()
            self._fill_families(list(families))
            self.current = self._items.get(keep) if keep is not None else None
            if self.current is not None:  # re-select without overwriting what is typed
                self.select(self.current.id)
        finally:
            self._loading = False
        self._update_buttons()

    def select(self, item_id: TaxonomyItemId) -> None:
        """Make ``item_id`` the current entry (shown in the form unless reloading)."""
        index = self._index_of(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _row(self, item: ListItem) -> QStandardItem:
        row = QStandardItem(f"{item.name} (retired)" if item.retired else item.name)
        row.setData(item.id, ID_ROLE)
        row.setEditable(False)
        if item.retired:  # greyed and italic, and the words say so too
            grey = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            row.setForeground(grey)
            font = QFont(self.font())
            font.setItalic(True)
            row.setFont(font)
        return row

    @staticmethod
    def _family_row(family: str) -> QStandardItem:
        row = QStandardItem(family)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: choosing it starts a new entry
        font = row.font()
        font.setBold(True)
        row.setFont(font)
        return row

    def _fill_families(self, families: list[str]) -> None:
        typed = self.family.currentText()
        self.family.clear()
        self.family.addItems(families)
        self.family.setCurrentText(typed)

    def _index_of(self, item_id: TaxonomyItemId) -> QModelIndex:
        found = self.model.match(
            self.model.index(0, 0),
            ID_ROLE,
            item_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return found[0] if found else QModelIndex()

    def _kind_chosen(self, row: int) -> None:
        self.kind = list(ListKind)[row]
        self.current = None
        self._show_form(None)
        self.status.clear()
        is_area = self.kind is ListKind.AREA
        self.form.setRowVisible(self.family, self.kind is ListKind.LIVED_EXPERIENCE)
        for widget in (self.latitude, self.longitude, self.centre_note):
            self.form.setRowVisible(widget, is_area)
        self.reload()

    def _entry_chosen(self, index: QModelIndex) -> None:
        if self._loading:
            return
        item_id = index.data(ID_ROLE) if index.isValid() else None
        self.current = self._items.get(item_id) if item_id is not None else None
        self._show_form(self.current)
        if self.current is None and index.isValid():  # a family heading: add into that family
            self.family.setCurrentText(str(index.data()))
        self._update_buttons()

    def _show_form(self, item: ListItem | None) -> None:
        self.name.setText(item.name if item else "")
        self.family.setCurrentText(item.family if item else "")
        self.latitude.setText(_number_text(item.latitude if item else None))
        self.longitude.setText(_number_text(item.longitude if item else None))
        self._show_problems([])

    def _update_buttons(self) -> None:
        chosen = self.current is not None
        for button in (self.save_button, self.retire_button, self.delete_button):
            button.setEnabled(chosen)
        retired = self.current is not None and self.current.retired
        self.retire_button.setText("Rest&ore" if retired else "&Retire")
        self.retire_button.setAccessibleName("Restore" if retired else "Retire")

    def _show_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        for field, label in self.field_problems.items():
            label.set_problems([p for p in problems if p.field == field])
        self.problem.set_problems([p for p in problems if p.field not in FIELDS])

    # Changing

    def draft(self) -> ListItemDraft:
        """The form as typed; ``ValidationFailed`` if a latitude or longitude is not a number."""
        is_area = self.kind is ListKind.AREA
        problems: list[Problem] = []
        latitude = _number(self.latitude.text(), "latitude", problems) if is_area else None
        longitude = _number(self.longitude.text(), "longitude", problems) if is_area else None
        if problems:
            raise ValidationFailed(problems)
        family = self.family.currentText() if self.kind is ListKind.LIVED_EXPERIENCE else ""
        return ListItemDraft(self.kind, self.name.text(), family, latitude, longitude)

    def add(self) -> None:
        def run() -> str:
            item, changes = self.services.lists.add(self.draft())
            self._done(changes, item)
            return f"Added “{item.name}”."

        self._attempt(run)

    def save(self) -> None:
        current = self.current
        if current is None:
            return

        def run() -> str:
            item, changes = self.services.lists.update(current.id, self.draft())
            self._done(changes, item)
            return f"Saved “{item.name}”. Records that use it show the new name."

        self._attempt(run)

    def toggle_retired(self) -> None:
        current = self.current
        if current is None:
            return

        def run() -> str:
            item, changes = self.services.lists.set_retired(current.id, not current.retired)
            self._done(changes, item)
            if item.retired:
                return f"Retired “{item.name}”: kept on records, not offered for new ones."
            return f"Restored “{item.name}”: it is offered again."

        self._attempt(run)

    def delete(self) -> None:
        current = self.current
        if current is None:
            return
        used = self.services.lists.usage(current.id)
        if used:
            records = "1 record uses" if used == 1 else f"{used} records use"
            advice = (
                "It is already retired, so it is not offered for new records."
                if current.retired
                else "Retire it instead: it stays on those records but is not offered again."
            )
            self._show_problems(
                [Problem("", f"{records} “{current.name}”, so it cannot be deleted. {advice}")]
            )
            if not current.retired:
                self.retire_button.setFocus()
            return

        def run() -> str:
            changes = self.services.lists.remove(current.id)
            self.current = None
            self._show_form(None)
            self._done(changes, None)
            return f"Deleted “{current.name}”."

        self._attempt(run)

    def _attempt(self, action: Callable[[], str]) -> None:
        """Run one service call; show its refusal beside the form instead of losing the typing."""
        self.status.clear()
        try:
            message = action()
        except ValidationFailed as error:
            self._show_problems(error.problems)
        except NotFound as error:
            self.current = None
            self.reload()
            self._show_problems([Problem("", str(error))])
        except PeerDeskError as error:
            self._show_problems([Problem("", str(error))])
        else:
            self._show_problems([])
            self.status.setText(message)

    def _done(self, changes: Changes, item: ListItem | None) -> None:
        self.current = item
        self.reload()
        self._show_form(item)
        self.bus.publish(changes, origin=self)

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        if changes.lists and origin is not self:
            self.reload()  # the form keeps what is typed; only the entries are re-read


def _number_text(value: float | None) -> str:
    return "" if value is None else str(value)


def _number(text: str, field: str, problems: list[Problem]) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        problems.append(
            Problem(field, f"The {field} must be a number such as 53.41, or left empty.")
        )
        return None
