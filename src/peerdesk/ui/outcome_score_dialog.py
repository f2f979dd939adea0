"""Record a score: the measure, the date taken, the stage and one answer per item."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import MeasureId, MeasureRecord, OutcomeScore
from peerdesk.domain.outcomes import Stage
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact

UNANSWERED = "not answered"


def answer_box(low: int, high: int) -> QSpinBox:
    """A whole-number box from ``low`` to ``high`` that starts at "not answered" (one below)."""
    box = QSpinBox()
    box.setRange(low - 1, high)
    box.setSpecialValueText(UNANSWERED)
    box.setValue(low - 1)
    return box


class OutcomeScoreDialog(FittedCheckDialog):
    """The answer boxes follow the chosen measure; nothing starts answered."""

    def __init__(
        self,
        services: Services,
        person_id: PersonId,
        measures: list[MeasureRecord],
        scored: set[MeasureId],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record an outcome score", "&Record score", parent)
        self.services = services
        self.person_id = person_id
        self.scored = scored
        """Measures this person already has a score on (the stage then starts at Review)."""
        self.saved: OutcomeScore | None = None
        self._saving = False
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.answers: list[QSpinBox] = []
        self.measure = compact(QComboBox(), 24)
        for record in measures:
            self.measure.addItem(record.name, record)
        self.taken_on = DateField("taken_on", "taken", required=True)
        self.taken_on.set_value(services.clock.today())
        self.stage = compact(QComboBox(), 10)
        for stage in Stage:
            self.stage.addItem(stage.label, stage)
        self.answer_part = QWidget()
        self.answer_form = QFormLayout(self.answer_part)
        self.answer_form.setContentsMargins(0, 0, 0, 0)
        self.add_field("measure", "&Measure:", self.measure)
        self.add_field("taken_on", "&Date taken:", self.taken_on)
        self.add_field("stage", "S&tage:", self.stage)
        self.add_field("answers", "Answers:", self.answer_part)
        self.finish_layout()
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        self.taken_on.textEdited.connect(self.edited)
        self._measure_chosen()

    def chosen(self) -> MeasureRecord | None:
        record = self.measure.currentData()
        return record if isinstance(record, MeasureRecord) else None

    def _measure_chosen(self) -> None:
        while self.answer_form.rowCount():
            self.answer_form.removeRow(0)
        self.answers = []
        record = self.chosen()
        if record is None:
            return
        for n, item in enumerate(record.measure.items, start=1):
            box = answer_box(item.low, item.high)
            box.setAccessibleName(f"Item {n}: {item.label}")
            box.setAccessibleDescription(f"A whole number from {item.low} to {item.high}.")
            box.valueChanged.connect(self.edited)
            self.answers.append(box)
            wording = item.label.replace("&", "&&")
            label = QLabel(f"{n}. {wording} ({item.low} to {item.high}):")
            label.setWordWrap(True)
            label.setBuddy(box)
            self.answer_form.addRow(label, box)
        stage = Stage.REVIEW if record.id in self.scored else Stage.START
        self.stage.setCurrentIndex(self.stage.findData(stage))

    def values(self) -> list[int | None]:
        return [None if box.value() < box.minimum() + 1 else box.value() for box in self.answers]

    def local_problems(self) -> list[Problem]:
        problems = self.taken_on.problems()
        if self.chosen() is None:
            problems.append(Problem("measure", "Add an outcome measure in Settings first."))
        return problems

    def service_problems(self) -> list[Problem]:
        """As you type, items not answered yet are not errors; on saving they are."""
        record = self.chosen()
        if record is None:
            return []
        answers = self.values()
        if not self._saving:  # an item's lowest answer stands in for one not answered yet
            lows = [item.low for item in record.measure.items]
            answers = [low if a is None else a for a, low in zip(answers, lows, strict=False)]
        return self.services.outcomes.check_score(
            record.id,
            taken_on=self.taken_on.value() or self.services.clock.today(),
            answers=answers,
        )

    def save(self) -> None:
        self._saving = True
        try:
            super().save()
        finally:
            self._saving = False

    def submit(self) -> Changes:
        record = self.chosen()
        day = self.taken_on.value()
        assert record is not None and day is not None  # local_problems refused otherwise
        self.saved, changes = self.services.outcomes.record_score(
            self.person_id,
            record.id,
            taken_on=day,
            stage=self.stage.currentData(),
            answers=self.values(),
        )
        return changes
