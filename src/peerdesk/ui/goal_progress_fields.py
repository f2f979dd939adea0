"""Progress on a PSW's open goals inside the supervision form: a note and a status per goal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from peerdesk.domain.goals import Goal, GoalStatus, GoalUpdate, smart_marker
from peerdesk.ui.check_fields import say_date
from peerdesk.ui.form_fields import ProblemLabel, add_row, compact

FIELD = "goal_progress"
"""The problems' field name, as the supervision service uses it."""
NOTE_LINES = 3
HEADING = "Progress on open goals (noted with the session's date):"


def goal_heading(goal: Goal) -> str:
    """One goal as the form names it: what, status, target and SMART-ness, in words."""
    parts = [goal.status.label.lower()]
    if goal.target_on is not None:
        parts.append(f"target {say_date(goal.target_on)}")
    if goal.measure:
        parts.append(f"measure: {goal.measure}")
    marker = smart_marker(goal.measure, goal.target_on)
    if marker:
        parts.append(marker)
    return f"Goal: {goal.what} ({'; '.join(parts)})"


def _short(text: str, chars: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= chars else line[: chars - 1] + "…"


@dataclass
class GoalRow:
    """One goal's widgets: what it is, its status from now on, and the progress note."""

    goal: Goal
    heading: QLabel
    status: QComboBox
    note: QPlainTextEdit

    def update(self) -> GoalUpdate | None:
        status = self.status.currentData()
        changed = status if status is not self.goal.status else None
        note = self.note.toPlainText()
        if not note.strip() and changed is None:
            return None
        return GoalUpdate(self.goal.id, note, changed)


class GoalProgressFields:
    """The rows for each open goal, added to the supervision form; empty without open goals."""

    def __init__(self, goals: list[Goal]) -> None:
        self.rows: list[GoalRow] = []
        self.problems = ProblemLabel()
        for goal in (g for g in goals if g.status.open):
            heading = QLabel(goal_heading(goal))
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            status = compact(QComboBox())
            for choice in GoalStatus:
                status.addItem(choice.label, choice)
            status.setCurrentIndex(list(GoalStatus).index(goal.status))
            status.setAccessibleName(f"Status of goal: {_short(goal.what)}")
            note = QPlainTextEdit()
            note.setTabChangesFocus(True)
            note.setAccessibleName(f"Progress on goal: {_short(goal.what)}")
            note.setPlaceholderText("What has moved on since last time (optional)")
            note.setMaximumHeight(note.fontMetrics().lineSpacing() * (NOTE_LINES + 1))
            self.rows.append(GoalRow(goal, heading, status, note))

    def add_to(self, form: QFormLayout) -> None:
        """The heading, then per goal its name, status and note (Alt+J reaches the first goal)."""
        if not self.rows:
            return
        form.addRow(QLabel(HEADING))
        for number, row in enumerate(self.rows):
            form.addRow(row.heading)
            add_row(form, "Ad&just goal status" if number == 0 else "Goal status", row.status)
            add_row(form, "Progress note", row.note)
        self.problems.attach(form, self.rows[-1].note)

    def first_field(self) -> QWidget | None:
        return self.rows[0].note if self.rows else None

    def updates(self) -> tuple[GoalUpdate, ...]:
        """Only the goals with a note or a new status."""
        return tuple(u for u in (row.update() for row in self.rows) if u is not None)

    def set_updates(self, updates: tuple[GoalUpdate, ...]) -> None:
        """Type ``updates`` back in (those for goals no longer open are left out)."""
        by_goal = {u.goal_id: u for u in updates}
        for row in self.rows:
            update = by_goal.get(row.goal.id)
            if update is not None:
                row.note.setPlainText(update.note)
                row.status.setCurrentIndex(list(GoalStatus).index(update.status or row.goal.status))
