"""Dialogs of the Induction section: start from the template, mark an item done, add an item,
name the mentor or buddy."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.induction import InductionItem
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog

DONE_IN_FUTURE = "The done date cannot be in the future."
"""The induction service's own wording, shown as the date is typed."""


def template_note(names: list[str]) -> str:
    if not names:
        return (
            "The induction template is empty, so the checklist starts empty: add items to it "
            "once it is started."
        )
    return "Copies the induction template into their checklist: " + "; ".join(names) + "."


class StartInductionDialog(FittedCheckDialog):
    """Copies the editable template into the PSW's checklist, with a mentor and a due date."""

    def __init__(self, services: Services, *, psw_id: PswId, parent: QWidget | None = None):
        super().__init__("Start induction", "&Start induction", parent)
        self.services = services
        self.psw_id = psw_id
        self.mentor = QLineEdit()
        self.mentor.setPlaceholderText("Their name (optional)")
        self.due_on = DateField("due_on", "due")
        self.note = self.add_note(template_note([t.name for t in services.induction.template()]))
        self.add_field("mentor", "&Mentor or buddy", self.mentor)
        self.add_field(
            "due_on",
            "Items &due by",
            self.due_on,
            hint="Each item can have its own\ndue date later.",
        )
        self.finish_layout()
        self.mentor.textChanged.connect(self.edited)
        self.due_on.textChanged.connect(self.edited)
        self.mentor.setFocus()

    def local_problems(self) -> list[Problem]:
        return self.due_on.problems()

    def submit(self) -> Changes:
        _, changes = self.services.induction.start(
            self.psw_id, mentor=self.mentor.text(), due_on=self.due_on.value()
        )
        return changes


class InductionItemDialog(FittedCheckDialog):
    """Marks one checklist item done (the date offered is today), or edits its dates."""

    def __init__(
        self, services: Services, *, item: InductionItem, parent: QWidget | None = None
    ) -> None:
        done = item.done_on is not None
        super().__init__(
            f"Edit item: {item.name}" if done else f"Mark done: {item.name}",
            "&Save item" if done else "&Mark done",
            parent,
        )
        self.services = services
        self.item = item
        self.due_on = DateField("due_on", "due")
        self.done_on = DateField("done_on", "done")
        self.confirmed_by = QLineEdit()
        self.confirmed_by.setPlaceholderText("Who confirmed it was done")
        self.add_note(f"Induction item: {item.name}")
        self.add_field("due_on", "D&ue on", self.due_on)
        self.add_field("done_on", "&Done on", self.done_on)
        self.add_field("confirmed_by", "&Confirmed by", self.confirmed_by)
        self.finish_layout()
        self.due_on.set_value(item.due_on)
        self.done_on.set_value(item.done_on or services.clock.today())
        self.confirmed_by.setText(item.confirmed_by)
        for edit in (self.due_on, self.done_on, self.confirmed_by):
            edit.textChanged.connect(self.edited)
        self.confirmed_by.setFocus()

    def local_problems(self) -> list[Problem]:
        return self.due_on.problems() + self.done_on.problems()

    def service_problems(self) -> list[Problem]:
        done = self.done_on.value()
        if done is not None and done > self.services.clock.today():
            return [Problem("done_on", DONE_IN_FUTURE)]
        return []

    def submit(self) -> Changes:
        _, changes = self.services.induction.update_item(
            self.item.id,
            due_on=self.due_on.value(),
            done_on=self.done_on.value(),
            confirmed_by=self.confirmed_by.text(),
        )
        return changes


class AddInductionItemDialog(FittedCheckDialog):
    """One more item on this PSW's checklist only (the template is edited in Settings)."""

    def __init__(self, services: Services, *, psw_id: PswId, parent: QWidget | None = None):
        super().__init__("Add induction item", "&Add item", parent)
        self.services = services
        self.psw_id = psw_id
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Lone working briefing")
        self.due_on = DateField("due_on", "due")
        self.add_field("name", "&Item", self.name)
        self.add_field("due_on", "&Due on", self.due_on)
        self.finish_layout()
        self.name.textChanged.connect(self.edited)
        self.due_on.textChanged.connect(self.edited)
        self.name.setFocus()

    def local_problems(self) -> list[Problem]:
        found = self.due_on.problems()
        if not self.name.text().strip():
            found.append(Problem("name", "Enter the item name."))
        return found

    def submit(self) -> Changes:
        _, changes = self.services.induction.add_item(
            self.psw_id, self.name.text(), due_on=self.due_on.value()
        )
        return changes


class MentorDialog(FittedCheckDialog):
    """Names the PSW's mentor or buddy; blank clears it."""

    def __init__(
        self, services: Services, *, psw_id: PswId, mentor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("Mentor or buddy", "&Save mentor", parent)
        self.services = services
        self.psw_id = psw_id
        self.mentor = QLineEdit(mentor)
        self.mentor.setPlaceholderText("Leave blank if nobody is named yet")
        self.add_field("mentor", "&Mentor or buddy", self.mentor)
        self.finish_layout()
        self.mentor.textChanged.connect(self.edited)
        self.mentor.setFocus()
        self.mentor.selectAll()

    def submit(self) -> Changes:
        _, changes = self.services.induction.set_mentor(self.psw_id, self.mentor.text())
        return changes
