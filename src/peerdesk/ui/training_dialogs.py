"""Dialogs of the Training section: a record of a course done, a new catalogue course, a need."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import tidy_line
from peerdesk.domain.training import (
    Course,
    CourseDetails,
    CourseId,
    NeedStatus,
    TopicId,
    TrainingNeed,
    course_problems,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact

DONE_IN_FUTURE = "The date the course was done cannot be in the future."
"""The training service's own wording, shown as the date is typed."""
NO_COURSE = "Choose a course, or add it to the catalogue with New course."


def course_label(course: Course) -> str:
    return f"{course.details.name} ({course.topic})"


def validity_text(months: int | None) -> str:
    if months is None:
        return "never needs refreshing"
    return f"valid for {months} month{'s' if months != 1 else ''}"


def topic_combo(services: Services) -> QComboBox:
    combo = compact(QComboBox(), 18)
    for topic in services.training.topics():
        if not topic.retired:
            combo.addItem(topic.name, topic.id)
    return combo


class CourseDialog(FittedCheckDialog):
    """Adds a course to the catalogue: name, topic, provider, hours and validity."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("New course", "&Add course", parent)
        self.services = services
        self.course: Course | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Safeguarding adults level 2")
        self.topic = topic_combo(services)
        self.provider = QLineEdit()
        self.provider.setPlaceholderText("Optional")
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("e.g. 3 or 1.5 (optional)")
        self.validity = QLineEdit()
        self.validity.setPlaceholderText("Blank: never needs refreshing")
        self.add_note("Courses are shared by everyone: each belongs to one training topic.")
        self.add_field("name", "Course &name", self.name)
        self.add_field("topic_id", "&Topic", self.topic)
        self.add_field("provider", "&Provider", self.provider)
        self.add_field("hours", "&Hours", self.hours)
        self.add_field(
            "validity_months",
            "&Valid for (months)",
            self.validity,
            hint="Leave blank for training that\nnever needs refreshing.",
        )
        self.finish_layout()
        for edit in (self.name, self.provider, self.hours, self.validity):
            edit.textChanged.connect(self.edited)
        self.topic.currentIndexChanged.connect(self.edited)
        self.name.setFocus()

    def _hours(self) -> float | None:
        try:
            return float(self.hours.text().strip()) if self.hours.text().strip() else None
        except ValueError:
            return None

    def _validity(self) -> int | None:
        try:
            return int(self.validity.text().strip()) if self.validity.text().strip() else None
        except ValueError:
            return None

    def details(self) -> CourseDetails:
        return CourseDetails(
            name=tidy_line(self.name.text()),
            topic_id=self.topic.currentData() or TopicId(0),
            provider=tidy_line(self.provider.text()),
            hours=self._hours(),
            validity_months=self._validity(),
        )

    def local_problems(self) -> list[Problem]:
        found = []
        if self.topic.currentData() is None:
            found.append(Problem("topic_id", "Choose the topic the course covers."))
        if self.hours.text().strip() and self._hours() is None:
            found.append(Problem("hours", "Hours must be a number, e.g. 3 or 1.5."))
        if self.validity.text().strip() and self._validity() is None:
            found.append(
                Problem("validity_months", "Validity must be a whole number of months, or blank.")
            )
        return found

    def service_problems(self) -> list[Problem]:
        return course_problems(self.details())

    def submit(self) -> Changes:
        self.course, changes = self.services.training.add_course(self.details())
        return changes


class TrainingRecordDialog(FittedCheckDialog):
    """A course done on a date; its expiry follows from the course's validity."""

    catalogue_changed = Signal(object)
    """Changes from a course added with "New course…", saved whether or not this dialog is."""

    def __init__(self, services: Services, *, psw_id: PswId, parent: QWidget | None = None):
        super().__init__("Add training record", "&Save record", parent)
        self.services = services
        self.psw_id = psw_id
        self.course_dialog: CourseDialog | None = None
        self.course = compact(QComboBox(), 24)
        self.new_course = QPushButton("&New course…")
        self.new_course.setAccessibleName("New course")
        self.new_course.setToolTip("Add a course to the catalogue")
        self.new_course.setAutoDefault(False)
        course_row = QWidget()
        row = QHBoxLayout(course_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.course, 1)
        row.addWidget(self.new_course)
        self.done_on = DateField("done_on", "done", required=True)
        course_row.setFocusProxy(self.course)
        self.course.setAccessibleName("Course")
        label = self.add_field("course_id", "&Course", course_row)
        label.setBuddy(self.course)  # Alt+C lands in the list, not on the row holding it
        self.add_field("done_on", "&Done on", self.done_on)
        self.finish_layout()
        self._load_courses(None)
        self.done_on.set_value(services.clock.today())
        self.done_on.textChanged.connect(self.edited)
        self.course.currentIndexChanged.connect(self.edited)
        self.new_course.clicked.connect(self.add_course)
        self.course.setFocus()

    def _load_courses(self, chosen: CourseId | None) -> None:
        self.course.clear()
        for course in self.services.training.courses():
            self.course.addItem(course_label(course), course.id)
        if chosen is not None:
            self.course.setCurrentIndex(self.course.findData(chosen))

    def add_course(self) -> None:
        dialog = CourseDialog(self.services, parent=self)
        self.course_dialog = dialog
        dialog.accepted.connect(lambda: self._course_added(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _course_added(self, dialog: CourseDialog) -> None:
        if dialog.course is not None:
            self._load_courses(dialog.course.id)
        self.course_dialog = None
        self.catalogue_changed.emit(dialog.changes)
        self.course.setFocus()

    def local_problems(self) -> list[Problem]:
        found = self.done_on.problems()
        if self.course.currentData() is None:
            found.append(Problem("course_id", NO_COURSE))
        return found

    def service_problems(self) -> list[Problem]:
        done = self.done_on.value()
        if done is not None and done > self.services.clock.today():
            return [Problem("done_on", DONE_IN_FUTURE)]
        return []

    def submit(self) -> Changes:
        _, changes = self.services.training.add_record(
            self.psw_id,
            self.course.currentData(),
            done_on=self.done_on.value() or self.services.clock.today(),
        )
        return changes


class NeedDialog(FittedCheckDialog):
    """A line of the training-needs profile; ``need`` None adds one."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        need: TrainingNeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Edit training need" if need else "Add training need", "&Save need", parent
        )
        self.services = services
        self.psw_id = psw_id
        self.need = need
        self.topic = topic_combo(services)
        self.source = QLineEdit()
        self.source.setPlaceholderText("e.g. Induction, Supervision 3 May")
        self.status = compact(QComboBox(), 10)
        for status in NeedStatus:
            self.status.addItem(status.label, status)
        self.add_note("A need is set to met when a record of a course on its topic is added.")
        self.add_field("topic_id", "&Topic", self.topic)
        self.add_field("source", "S&ource", self.source)
        self.add_field("status", "St&atus", self.status)
        self.finish_layout()
        if need is not None:
            if self.topic.findData(need.topic_id) < 0:  # a retired topic stays shown
                self.topic.addItem(need.topic, need.topic_id)
            self.topic.setCurrentIndex(self.topic.findData(need.topic_id))
            self.source.setText(need.source)
            self.status.setCurrentIndex(self.status.findData(need.status))
        self.source.textChanged.connect(self.edited)
        self.topic.setFocus()

    def local_problems(self) -> list[Problem]:
        if self.topic.currentData() is None:
            return [Problem("topic_id", "Choose the topic.")]
        return []

    def submit(self) -> Changes:
        topic: TopicId = self.topic.currentData()
        status: NeedStatus = self.status.currentData()
        if self.need is None:
            _, changes = self.services.training.add_need(
                self.psw_id, topic, source=self.source.text(), status=status
            )
        else:
            _, changes = self.services.training.update_need(
                self.need.id, topic_id=topic, source=self.source.text(), status=status
            )
        return changes
