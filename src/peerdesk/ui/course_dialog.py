"""Add or edit one course in the training catalogue: name, topic, provider, hours, validity."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.text import tidy_line
from peerdesk.domain.training import Course, CourseDetails, TopicId, course_problems
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.form_fields import compact
from peerdesk.ui.settings_parts import whole_number

VALIDITY_HINT = "Months until it needs refreshing.\nLeave empty if it never does."


def hours_text(hours: float | None) -> str:
    return "" if hours is None else f"{hours:g}"


class CourseDialog(CheckDialog):
    """Problems show under the field they name as you type; the service checks again on save."""

    def __init__(
        self, services: Services, course: Course | None = None, parent: QWidget | None = None
    ) -> None:
        adding = course is None
        super().__init__(
            "Add course" if adding else "Edit course",
            "&Add course" if adding else "&Save course",
            parent,
        )
        self.services = services
        self.course = course
        self.saved: Course | None = None
        self.name = QLineEdit()
        self.topic = compact(QComboBox(), 20)
        for topic in services.training.topics():
            if not topic.retired or (course and course.details.topic_id == topic.id):
                self.topic.addItem(topic.name, topic.id)
        self.provider = QLineEdit()
        self.provider.setPlaceholderText("optional")
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("optional")
        self.validity = QLineEdit()
        self.validity.setPlaceholderText("none")
        self.add_field("name", "&Name:", self.name)
        self.add_field("topic", "&Topic:", self.topic)
        self.add_field("provider", "&Provider:", self.provider)
        self.add_field("hours", "&Hours:", self.hours)
        self.add_field("validity_months", "&Validity (months):", self.validity, hint=VALIDITY_HINT)
        self.finish_layout()
        if course is not None:
            d = course.details
            self.name.setText(d.name)
            self.topic.setCurrentIndex(max(0, self.topic.findData(d.topic_id)))
            self.provider.setText(d.provider)
            self.hours.setText(hours_text(d.hours))
            self.validity.setText("" if d.validity_months is None else str(d.validity_months))
        for edit in (self.name, self.provider, self.hours, self.validity):
            edit.textEdited.connect(self.edited)
        self.topic.currentIndexChanged.connect(self.edited)

    def _numbers(self, problems: list[Problem]) -> tuple[float | None, int | None]:
        text = self.hours.text().strip()
        hours = None
        if text:
            try:
                hours = float(text)
            except ValueError:
                problems.append(Problem("hours", "Hours must be a number, such as 3 or 1.5."))
        months = whole_number(
            self.validity.text(),
            field="validity_months",
            what="validity",
            problems=problems,
            blank_ok=True,
        )
        return hours, months

    def details(self) -> CourseDetails:
        hours, months = self._numbers([])
        return CourseDetails(
            name=tidy_line(self.name.text()),
            topic_id=TopicId(self.topic.currentData() or 0),
            provider=tidy_line(self.provider.text()),
            hours=hours,
            validity_months=months,
        )

    def local_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        self._numbers(problems)
        if self.topic.currentIndex() < 0:
            problems.append(Problem("topic", "Choose the course's topic (add one first)."))
        return problems

    def service_problems(self) -> list[Problem]:
        return course_problems(self.details())

    def submit(self) -> Changes:
        if self.course is None:
            self.saved, changes = self.services.training.add_course(self.details())
        else:
            self.saved, changes = self.services.training.update_course(
                self.course.id, self.details()
            )
        return changes
