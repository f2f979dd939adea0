"""Settings: the training catalogue, its topics (add, rename, retire) and courses (dialog)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.training import Course, Topic
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row
from peerdesk.ui.course_dialog import CourseDialog, hours_text
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

TOPICS_NOTE = (
    "Courses and training needs are filed under a topic. A retired topic stays on records "
    "but is not offered for new courses."
)
Saved = tuple[Topic, Changes, str]
COURSE_TITLES = ("Course", "Validity", "Hours", "Topic", "Provider")
"""Short, telling columns first: at large text sizes the last ones scroll out of view."""


def course_row(course: Course) -> list[str]:
    months = course.details.validity_months
    validity = "none" if months is None else ("1 month" if months == 1 else f"{months} months")
    return [
        course.details.name,
        validity,
        hours_text(course.details.hours),
        course.topic,
        course.details.provider,
    ]


class TopicsSection(SettingsSection):
    """Topics in order; add, rename and retire each save at once."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.topics: list[Topic] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Training topics")
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 7)
        caption = QLabel("To&pics:", self)
        caption.setBuddy(self.list)
        self.name = QLineEdit(self)
        self.name.returnPressed.connect(self.add)
        form = new_form_layout()
        add_row(form, "Topic &name:", self.name, name="Topic name")
        self.name_problem = ProblemLabel(self).attach(form, self.name)
        self.add_button = button("&Add topic", "Add topic")
        self.rename_button = button("Rena&me topic", "Rename topic")
        self.retire_button = button("Reti&re topic", "Retire topic")
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.column.addWidget(note(TOPICS_NOTE))
        self.column.addWidget(caption)
        self.column.addWidget(self.list, 1)
        self.column.addLayout(form)
        self.column.addWidget(button_row([self.add_button, self.rename_button, self.retire_button]))
        self.finish()
        self.list.currentRowChanged.connect(self._chosen)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        self.topics = self.services.training.topics()
        self.list.blockSignals(True)
        self.list.clear()
        for topic in self.topics:  # the words say retired, not just grey
            self.list.addItem(f"{topic.name} (retired)" if topic.retired else topic.name)
        ids = [t.id for t in self.topics]
        self.list.setCurrentRow(ids.index(keep.id) if keep and keep.id in ids else -1)
        self.list.blockSignals(False)
        self._update_buttons()

    def selected(self) -> Topic | None:
        row = self.list.currentRow()
        return self.topics[row] if 0 <= row < len(self.topics) else None

    def _chosen(self, _row: int) -> None:
        topic = self.selected()
        if topic is not None:
            self.name.setText(topic.name)
        self._update_buttons()

    def _update_buttons(self) -> None:
        topic = self.selected()
        self.rename_button.setEnabled(topic is not None)
        self.retire_button.setEnabled(topic is not None)
        retired = topic is not None and topic.retired
        self.retire_button.setText("&Restore topic" if retired else "Reti&re topic")
        self.retire_button.setAccessibleName("Restore topic" if retired else "Retire topic")

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.name_problem.set_problems([p for p in problems if p.field == "name"])
        self.problem.set_problems([p for p in problems if p.field != "name"])

    def _select(self, topic: Topic) -> None:
        ids = [t.id for t in self.topics]
        if topic.id in ids:
            self.list.setCurrentRow(ids.index(topic.id))

    def add(self) -> None:
        def run() -> Saved:
            topic, changes = self.services.training.add_topic(self.name.text())
            return topic, changes, f"Added the topic “{topic.name}”."

        self._run(run)

    def rename(self) -> None:
        current = self.selected()
        if current is None:
            return

        def run() -> Saved:
            topic, changes = self.services.training.update_topic(
                current.id, name=self.name.text(), retired=current.retired
            )
            return topic, changes, f"Renamed “{current.name}” to “{topic.name}”."

        self._run(run)

    def toggle_retired(self) -> None:
        current = self.selected()
        if current is None:
            return

        def run() -> Saved:
            topic, changes = self.services.training.update_topic(
                current.id, name=current.name, retired=not current.retired
            )
            state = "retired" if topic.retired else "offered again"
            return topic, changes, f"“{topic.name}” is {state}."

        self._run(run)

    def _run(self, action: Callable[[], Saved]) -> None:
        """One service call; the topic it saved becomes the current one."""
        saved: list[Topic] = []

        def run() -> Outcome:
            topic, changes, message = action()
            saved.append(topic)
            return changes, message

        if self.attempt(run) and saved:
            self._select(saved[0])


class CoursesSection(SettingsSection):
    """The course catalogue in a table; add and edit in a dialog."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.courses: list[Course] = []
        self.model = RowsModel(COURSE_TITLES, self)
        self.table = RecordsView(self.model, "Courses", on_open=self.edit)
        caption = QLabel("&Courses:", self)
        caption.setBuddy(self.table)
        self.add_button = button("Add c&ourse…", "Add course")
        self.edit_button = button("Edit cour&se…", "Edit course")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.column.addWidget(caption)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(button_row([self.add_button, self.edit_button]))
        self.finish(stretch=False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        self.courses = self.services.training.courses()
        self.model.set_rows([course_row(c) for c in self.courses])
        self.select(keep)
        self._update_buttons()

    def selected(self) -> Course | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.courses) else self.courses[row]

    def select(self, course: Course | None) -> None:
        ids = [c.id for c in self.courses]
        found = course is not None and course.id in ids
        self.table.select_row(ids.index(course.id) if course and found else None)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def add(self) -> None:
        self._open(CourseDialog(self.services, None, self))

    def edit(self) -> None:
        course = self.selected()
        if course is not None:
            self._open(CourseDialog(self.services, course, self))

    def _open(self, dialog: CourseDialog) -> None:
        def said() -> str:
            self.select(dialog.saved)
            saved = dialog.saved
            return f"Saved the course “{saved.details.name}”." if saved else ""

        self.open_dialog(dialog, said)
