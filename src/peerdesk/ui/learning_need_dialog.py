"""Send a learning need raised in supervision to the PSW's training-needs profile, under a topic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.supervision_session import LearningNeed
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog

NO_TOPICS = "There are no training topics yet: add one in Settings › Training catalogue first."


class SendNeedDialog(CheckDialog):
    """Choose the training topic; Send adds an open training need saying where it came from."""

    def __init__(
        self, services: Services, need: LearningNeed, parent: QWidget | None = None
    ) -> None:
        super().__init__("Send to training needs", "&Send", parent)
        self.services = services
        self.need = need
        self.topic = QComboBox()
        self.topic.setAccessibleName("Training topic")
        for topic in services.training.topics():
            if not topic.retired:
                self.topic.addItem(topic.name, topic.id)
        said = self.add_note(f"Learning need: {need.text}")
        said.setTextFormat(Qt.TextFormat.PlainText)
        self.add_field("topic", "Training &topic", self.topic)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return [] if self.topic.count() else [Problem("topic", NO_TOPICS)]

    def submit(self) -> Changes:
        return self.services.supervision.send_learning_need(self.need.id, self.topic.currentData())
