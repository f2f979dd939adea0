"""The Induction section of the Checks tab: the checklist copied from the template, and a mentor.

Mnemonics: the Checks tab already uses most letters, so the less frequent actions (remove an
item) have none; every button is still reached with Tab and has an accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.induction import Induction, InductionItem
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import button, button_row, say_date, short_date
from peerdesk.ui.induction_dialogs import (
    AddInductionItemDialog,
    InductionItemDialog,
    MentorDialog,
    StartInductionDialog,
)
from peerdesk.ui.record_section import RecordSectionEditor, details_label

COLUMNS = ("Item", "Due", "Done", "Confirmed by")
NOT_STARTED = "Induction not started. Starting copies the induction template into a checklist."


def row_of(item: InductionItem) -> list[str]:
    return [
        item.name,
        short_date(item.due_on, "no due date"),
        short_date(item.done_on, "not done"),
        item.confirmed_by,
    ]


def item_text(item: InductionItem) -> str:
    """The selected item in a full sentence."""
    due = f"due {say_date(item.due_on)}" if item.due_on else "no due date"
    if item.done_on is None:
        return f"{item.name}: {due}; not done yet."
    by = f", confirmed by {item.confirmed_by}" if item.confirmed_by else ""
    return f"{item.name}: {due}; done {say_date(item.done_on)}{by}."


def progress_text(induction: Induction) -> str:
    items = induction.items
    if not items:
        return "No items on the checklist yet."
    done_on = induction.completed_on
    if done_on is not None:
        return f"Induction complete: every item done, the last on {say_date(done_on)}."
    done = sum(i.done_on is not None for i in items)
    return f"{done} of {len(items)} items done."


def mentor_text(induction: Induction) -> str:
    if induction.mentor:
        return f"Mentor or buddy: {induction.mentor}"
    return "No mentor or buddy named yet."


class InductionEditor(RecordSectionEditor[InductionItem]):
    """Saves each action at once through ``services.induction``."""

    add: QPushButton
    details: QLabel

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            parent,
            COLUMNS,
            "Induction checklist",
            row_of,
            NOT_STARTED,
            on_open=self.mark_done,
        )
        self.induction: Induction | None = None
        self.not_started = self.empty
        self.not_started.setTextFormat(Qt.TextFormat.PlainText)
        self.not_started.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.not_started.setAccessibleName("Induction")
        self.mentor = details_label("Mentor or buddy")
        self.progress = details_label("Induction progress")
        self.details = details_label("Selected induction item")
        # "Start" is only shown before there are items and "Mark item done" only after, so they
        # can share Alt+T without ever being on screen together
        self.start = button("S&tart induction…", "Start induction")
        self.done = button("Mark i&tem done…", "Mark item done")
        self.add = button("Add e&xtra item…", "Add extra induction item")
        self.remove = button("Remove item…", "Remove induction item")
        self.set_mentor = button("Set mentor or &buddy…", "Set mentor or buddy")
        self.start.clicked.connect(self.start_induction)
        self.done.clicked.connect(self.mark_done)
        self.add.clicked.connect(self.add_item)
        self.remove.clicked.connect(self.remove_selected)
        self.set_mentor.clicked.connect(self.name_mentor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.not_started)
        layout.addWidget(self.mentor)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        # hidden buttons would still take a gap in a flow row, so "Start" has a row of its own
        self.start_row = button_row([self.start])
        layout.addWidget(self.start_row)
        self.actions_row = button_row([self.done, self.add, self.remove, self.set_mentor])
        layout.addWidget(self.actions_row)
        self._update()

    @property
    def items(self) -> tuple[InductionItem, ...]:
        return tuple(self.records)

    def fetch(self, psw_id: PswId) -> tuple[InductionItem, ...]:
        self.induction = self.services.induction.induction(psw_id)
        return self.induction.items

    def refresh(self) -> None:
        self.induction = None  # stays None when no saved PSW is shown
        super().refresh()

    def first_row(self) -> int | None:
        # the first item not done yet: "Mark item done" then acts on what comes next
        pending = [n for n, i in enumerate(self.records) if i.done_on is None]
        return pending[0] if pending else None

    def _update(self) -> None:
        induction = self.induction
        started = induction is not None and induction.started
        has_items = bool(self.items)
        item = self.selected()
        self.not_started.setVisible(self.psw_id is not None and not started)
        self.mentor.setVisible(started)
        self.table.setVisible(has_items)
        self.progress.setVisible(started)
        self.start_row.setVisible(not has_items)
        self.actions_row.setVisible(started)
        self.start.setEnabled(self.psw_id is not None)
        self.done.setVisible(has_items)
        self.remove.setVisible(has_items)
        self.add.setVisible(started)
        self.set_mentor.setVisible(started)
        self.done.setEnabled(item is not None)
        self.done.setText("Edit i&tem…" if item and item.done_on else "Mark i&tem done…")
        self.done.setAccessibleName("Edit item" if item and item.done_on else "Mark item done")
        self.remove.setEnabled(item is not None)
        if induction is not None:
            self.mentor.setText(mentor_text(induction))
            self.progress.setText(progress_text(induction))
        self.details.setText(item_text(item) if item else "")
        self.details.setVisible(item is not None)

    # --- actions --------------------------------------------------------------------------------

    def start_induction(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(StartInductionDialog(self.services, psw_id=self.psw_id, parent=self))

    def mark_done(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_dialog(InductionItemDialog(self.services, item=item, parent=self))

    def add_item(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(AddInductionItemDialog(self.services, psw_id=self.psw_id, parent=self))

    def name_mentor(self) -> None:
        if self.psw_id is not None and self.induction is not None:
            self.open_dialog(
                MentorDialog(
                    self.services, psw_id=self.psw_id, mentor=self.induction.mentor, parent=self
                )
            )

    def remove_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.remove_after_asking(
                "Remove induction item",
                f"Remove \u201c{item.name}\u201d from their induction checklist?",
                "Could not remove the item",
                lambda: self.services.induction.remove_item(item.id)[1],
            )
