"""Settings: the competence framework (domains and their competences) and volunteer abilities."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.framework import FrameworkItem, FrameworkKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

FRAMEWORK_NOTE = (
    "Paid peer workers' annual reviews rate each domain; volunteers' reviews comment on each "
    "ability or quality. Each review keeps the entries it used, so renaming or retiring one "
    "never changes a past review. Entries are retired, never deleted."
)


def shown_order(items: Sequence[FrameworkItem]) -> list[FrameworkItem]:
    """Domains, each followed by its competences, then the volunteer abilities."""
    domains = [i for i in items if i.kind is FrameworkKind.DOMAIN]
    order: list[FrameworkItem] = []
    for domain in domains:
        order.append(domain)
        order += [i for i in items if i.parent_id == domain.id]
    return order + [i for i in items if i.kind is FrameworkKind.ABILITY]


def entry_text(item: FrameworkItem) -> str:
    """The list line in words (kind and retired said, not shown by colour or indent alone)."""
    retired = " (retired)" if item.retired else ""
    if item.kind is FrameworkKind.COMPETENCE:
        return f"    Competence: {item.name}{retired}"
    if item.kind is FrameworkKind.DOMAIN:
        return f"Domain: {item.name}{retired}"
    return f"Volunteer ability or quality: {item.name}{retired}"


class FrameworkSection(SettingsSection):
    """Every entry in one list; add, rename and retire each save at once."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.items: list[FrameworkItem] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Framework entries")
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 10)
        caption = QLabel("&Entries:", self)
        caption.setBuddy(self.list)
        self.name = QLineEdit(self)
        form = new_form_layout()
        add_row(form, "&Name:", self.name, name="Entry name")
        self.name_problem = ProblemLabel(self).attach(form, self.name)
        self.add_domain_button = button("Add &domain", "Add domain")
        self.add_competence_button = button(
            "Add com&petence", "Add competence", tip="Adds a competence to the chosen domain"
        )
        self.add_ability_button = button("Add &ability", "Add volunteer ability or quality")
        self.rename_button = button("Rena&me", "Rename entry")
        self.retire_button = button("Reti&re", "Retire entry")
        self.add_domain_button.clicked.connect(lambda: self.add(FrameworkKind.DOMAIN))
        self.add_competence_button.clicked.connect(lambda: self.add(FrameworkKind.COMPETENCE))
        self.add_ability_button.clicked.connect(lambda: self.add(FrameworkKind.ABILITY))
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.column.addWidget(note(FRAMEWORK_NOTE))
        self.column.addWidget(caption)
        self.column.addWidget(self.list, 1)
        self.column.addLayout(form)
        self.column.addWidget(
            button_row(
                [self.add_domain_button, self.add_competence_button, self.add_ability_button]
            )
        )
        self.column.addWidget(button_row([self.rename_button, self.retire_button]))
        self.finish()
        self.list.currentRowChanged.connect(self._chosen)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.reviews

    def refresh(self) -> None:
        keep = self.selected()
        self.items = shown_order(self.services.reviews.framework())
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            self.list.addItem(entry_text(item))
        ids = [i.id for i in self.items]
        self.list.setCurrentRow(ids.index(keep.id) if keep and keep.id in ids else -1)
        self.list.blockSignals(False)
        self._update_buttons()

    def selected(self) -> FrameworkItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _domain(self) -> FrameworkItem | None:
        """The chosen domain, or the domain of the chosen competence."""
        item = self.selected()
        if item is None or item.kind is FrameworkKind.ABILITY:
            return None
        if item.kind is FrameworkKind.DOMAIN:
            return item
        return next((i for i in self.items if i.id == item.parent_id), None)

    def _chosen(self, _row: int) -> None:
        item = self.selected()
        if item is not None:
            self.name.setText(item.name)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        self.add_competence_button.setEnabled(self._domain() is not None)
        self.rename_button.setEnabled(item is not None)
        self.retire_button.setEnabled(item is not None)
        retired = item is not None and item.retired
        self.retire_button.setText("&Restore" if retired else "Reti&re")
        self.retire_button.setAccessibleName("Restore entry" if retired else "Retire entry")

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.name_problem.set_problems([p for p in problems if p.field == "name"])
        self.problem.set_problems([p for p in problems if p.field != "name"])

    def add(self, kind: FrameworkKind) -> None:
        domain = self._domain() if kind is FrameworkKind.COMPETENCE else None
        if kind is FrameworkKind.COMPETENCE and domain is None:
            return

        def run() -> tuple[FrameworkItem, Changes, str]:
            item, changes = self.services.reviews.add_item(
                kind, self.name.text(), None if domain is None else domain.id
            )
            where = f" to “{domain.name}”" if domain is not None else ""
            return item, changes, f"Added the {kind.label} “{item.name}”{where}."

        self._run(run)

    def rename(self) -> None:
        current = self.selected()
        if current is None:
            return

        def run() -> tuple[FrameworkItem, Changes, str]:
            changes = self.services.reviews.rename_item(current.id, self.name.text())
            new = self.name.text().strip()
            return current, changes, f"Renamed “{current.name}” to “{new}”."

        self._run(run)

    def toggle_retired(self) -> None:
        current = self.selected()
        if current is None:
            return

        def run() -> tuple[FrameworkItem, Changes, str]:
            changes = self.services.reviews.set_retired(current.id, not current.retired)
            state = "offered again" if current.retired else "retired (past reviews keep it)"
            return current, changes, f"“{current.name}” is {state}."

        self._run(run)

    def _run(self, action: Callable[[], tuple[FrameworkItem, Changes, str]]) -> None:
        """One service call; the entry it saved becomes the current one."""
        saved: list[FrameworkItem] = []

        def run() -> Outcome:
            item, changes, message = action()
            saved.append(item)
            return changes, message

        if self.attempt(run) and saved:
            ids = [i.id for i in self.items]
            if saved[0].id in ids:
                self.list.setCurrentRow(ids.index(saved[0].id))
