"""Settings: the induction template each new PSW's checklist is copied from."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "A new induction starts with these items, in this order. Inductions already started keep "
    "their own items."
)


class InductionTemplateSection(SettingsSection):
    """Each action saves the whole list in one call (``InductionService.set_template``)."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.items = QListWidget(self)
        self.items.setAccessibleName("Induction template items")
        lines = self.items.fontMetrics().lineSpacing()
        self.items.setMinimumHeight(lines * 7)
        caption = QLabel("Template &items:", self)
        caption.setBuddy(self.items)
        self.name = QLineEdit(self)
        self.name.returnPressed.connect(self.add)
        form = new_form_layout()
        add_row(form, "Item &name:", self.name, name="Item name")
        self.name_problem = ProblemLabel(self).attach(form, self.name)
        self.add_button = button("&Add item", "Add item")
        self.rename_button = button("Rena&me item", "Rename item")
        self.remove_button = button("&Remove item", "Remove item")
        self.up_button = button("Move &up", "Move up")
        self.down_button = button("Move do&wn", "Move down")
        for made, slot in (
            (self.add_button, self.add),
            (self.rename_button, self.rename),
            (self.remove_button, self.remove),
            (self.up_button, lambda: self.move_item(-1)),
            (self.down_button, lambda: self.move_item(1)),
        ):
            made.clicked.connect(slot)
        self.column.addWidget(note(INTRODUCTION))
        self.column.addWidget(caption)
        self.column.addWidget(self.items, 1)
        self.column.addWidget(button_row([self.up_button, self.down_button, self.remove_button]))
        self.column.addLayout(form)
        self.column.addWidget(button_row([self.add_button, self.rename_button]))
        self.finish()
        self.items.currentRowChanged.connect(self._chosen)
        self.refresh()

    def names(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]

    def refresh(self, row: int | None = None) -> None:
        keep = self.items.currentRow() if row is None else row
        self.items.blockSignals(True)
        self.items.clear()
        self.items.addItems([item.name for item in self.services.induction.template()])
        self.items.blockSignals(False)
        if 0 <= keep < self.items.count():
            self.items.setCurrentRow(keep)
        self._update_buttons()

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.name.setText(self.items.item(row).text())
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.items.currentRow()
        chosen = row >= 0
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(chosen and row < self.items.count() - 1)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.name_problem.set_problems([p for p in problems if p.field == "name"])
        self.problem.set_problems([p for p in problems if p.field != "name"])

    def _save(self, names: list[str], row: int, message: Callable[[], str]) -> bool:
        def run() -> Outcome:
            _items, changes = self.services.induction.set_template(names)
            return changes, message()

        saved = self.attempt(run)
        if saved:
            self.refresh(row)
        return saved

    def add(self) -> None:
        names = [*self.names(), self.name.text()]
        if self._save(names, len(names) - 1, lambda: f"Added “{self.names()[-1]}”."):
            self.name.selectAll()

    def rename(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        names = self.names()
        old = names[row]
        names[row] = self.name.text()
        self._save(names, row, lambda: f"Renamed “{old}” to “{self.names()[row]}”.")

    def remove(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        names = self.names()
        gone = names.pop(row)
        self._save(names, min(row, len(names) - 1), lambda: f"Removed “{gone}”.")
        self.items.setFocus()

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        to = row + step
        names = self.names()
        if row < 0 or not 0 <= to < len(names):
            return
        names[row], names[to] = names[to], names[row]
        moved = names[to]
        where = "up" if step < 0 else "down"
        self._save(names, to, lambda: f"Moved “{moved}” {where}.")
