"""A peer worker's development goals: status, "not yet SMART" in words, dated progress notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError, Problem
from peerdesk.domain.goals import Goal, GoalDraft, GoalId, GoalStatus, smart_marker
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckDialog,
    DateField,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.review_entries import plain, text_box

TITLES = ("Goal", "Measure", "Target", "Status", "SMART", "Latest progress")
NO_GOALS = "No goals yet: add them in an annual review or here."


def goal_cells(goal: Goal) -> list[str]:
    latest = goal.progress[-1] if goal.progress else None
    progress = f"{short_date(latest.on)}: {latest.note}" if latest else ""
    return [
        goal.what,
        goal.measure,
        short_date(goal.target_on),
        goal.status.label,
        smart_marker(goal.measure, goal.target_on) or "SMART",
        progress.replace("\n", " "),
    ]


def goal_text(goal: Goal) -> str:
    """The chosen goal and every progress note, as plain text."""
    lines = [f"Goal: {goal.what}", f"Status: {goal.status.label}"]
    if goal.measure:
        lines.append(f"Measure: {goal.measure}")
    if goal.target_on:
        lines.append(f"Target date: {say_date(goal.target_on)}")
    marker = smart_marker(goal.measure, goal.target_on)
    if marker:
        lines.append(marker[0].upper() + marker[1:] + ".")
    for p in goal.progress:
        where = " (in supervision)" if p.session_id is not None else ""
        lines += ["", f"Progress {say_date(p.on)}{where}:", p.note]
    return "\n".join(lines)


class GoalDialog(CheckDialog):
    """A goal agreed outside a review; a blank measure or date leaves it not yet SMART."""

    def __init__(self, services: Services, psw_id: PswId, parent: QWidget | None = None) -> None:
        super().__init__("Add a goal", "&Add goal", parent)
        self.services = services
        self.psw_id = psw_id
        self.what = QLineEdit()
        self.measure = QLineEdit()
        self.target = DateField("goal_by", "target")
        self.add_field("goals", "&Goal", self.what)
        self.add_field(
            "goal_measure", "&Measure", self.measure, hint="How you will both know it is done."
        )
        self.add_field("goal_by", "B&y when", self.target)
        self.finish_layout()
        for edit in (self.what, self.measure, self.target):
            edit.textEdited.connect(self.edited)

    def local_problems(self) -> list[Problem]:
        return self.target.problems()

    def submit(self) -> Changes:
        draft = GoalDraft(self.what.text(), self.measure.text(), self.target.value())
        _goal_id, changes = self.services.reviews.add_goal(self.psw_id, draft)
        return changes


class ProgressDialog(CheckDialog):
    """A dated progress note on one goal (today unless another date is typed)."""

    def __init__(self, services: Services, goal: Goal, parent: QWidget | None = None) -> None:
        super().__init__("Add progress", "&Add progress", parent)
        self.services = services
        self.goal_id = goal.id
        self.add_note(f"Goal: {goal.what}").setTextFormat(Qt.TextFormat.PlainText)
        self.on = DateField("progress_on", "progress", required=True)
        self.on.set_value(services.clock.today())
        self.note = text_box("Progress note")
        self.add_field("progress_on", "&Date", self.on)
        self.add_field("progress", "&Note", self.note)
        self.finish_layout()
        self.on.textEdited.connect(self.edited)

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def submit(self) -> Changes:
        return self.services.reviews.add_progress(
            self.goal_id, self.note.toPlainText(), on=self.on.value()
        )


class GoalsPanel(QWidget):
    """The goals table, the chosen goal in words, and its actions (each saves at once)."""

    saved = Signal(object)
    """The Changes a save made, for the tab to publish on the change bus."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.psw_id: PswId | None = None
        self.goals: list[Goal] = []
        self.dialog: CheckDialog | None = None
        self.message = plain(NO_GOALS)
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Goals", on_open=self._focus_detail)
        self.caption = QLabel("&Goals:")
        self.caption.setBuddy(self.table)
        self.detail = plain("")
        self.detail.setAccessibleName("Chosen goal")
        self.status = QComboBox()
        self.status.setAccessibleName("Goal status")
        for s in GoalStatus:
            self.status.addItem(s.label, s)
        status_caption = QLabel("Goal stat&us:")
        status_caption.setBuddy(self.status)
        self.status_button = button("&Change status", "Change status")
        self.add_button = button("Add a g&oal…", "Add a goal")
        self.progress_button = button("Add progress no&te…", "Add progress note")
        status_row = QHBoxLayout()
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status)
        status_row.addWidget(self.status_button)
        status_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.add_button, self.progress_button]))
        layout.addLayout(status_row)
        layout.addWidget(self.detail)
        self.add_button.clicked.connect(self.add_goal)
        self.progress_button.clicked.connect(self.add_progress)
        self.status_button.clicked.connect(self.change_status)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_chosen())

    def show_psw(self, psw_id: PswId | None) -> None:
        self.psw_id = psw_id
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen()
        self.goals = self.services.reviews.goals(self.psw_id) if self.psw_id else []
        self.model.set_rows([goal_cells(g) for g in self.goals])
        fit_to_rows(self.table)
        self.message.setVisible(not self.goals)
        self.table.setVisible(bool(self.goals))
        ids = [g.id for g in self.goals]
        keep = chosen.id if chosen else None
        self.table.select_row(ids.index(keep) if keep in ids else 0 if ids else None)
        self._show_chosen()

    def chosen(self) -> Goal | None:
        row = self.table.selected_row()
        return self.goals[row] if row is not None and row < len(self.goals) else None

    def _show_chosen(self) -> None:
        goal = self.chosen()
        self.detail.setText(goal_text(goal) if goal else "")
        self.detail.setVisible(goal is not None)
        for part in (self.progress_button, self.status, self.status_button):
            part.setEnabled(goal is not None)
        if goal is not None:
            self.status.setCurrentIndex(list(GoalStatus).index(goal.status))

    def _focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions ------------------------------------------------------------------------------

    def add_goal(self) -> None:
        if self.psw_id is not None:
            self._open(GoalDialog(self.services, self.psw_id, self))

    def add_progress(self) -> None:
        goal = self.chosen()
        if goal is not None:
            self._open(ProgressDialog(self.services, goal, self))

    def change_status(self) -> None:
        goal = self.chosen()
        if goal is None:
            return
        status: GoalStatus = self.status.currentData()
        try:
            changes = self.services.reviews.set_goal_status(GoalId(goal.id), status)
        except PeerDeskError as error:
            message_boxes.show_error(self, "Goal status", str(error))
            self.refresh()
            return
        self._saved(changes)

    def _open(self, dialog: CheckDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog.changes))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: CheckDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, changes: Changes) -> None:
        self.refresh()
        self.saved.emit(changes)
