"""The About them tab: optional equality questions, each with its own consent for matching."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, QUESTIONS, DemographicAnswer, Question
from peerdesk.ui.form_fields import (
    ProblemLabel,
    add_row,
    compact,
    new_form_layout,
    section,
    stacked,
)

NOT_RECORDED = "Not recorded"


class AnswerBox(QComboBox):
    """An editable answer: pick an option or type their own words; blank means not recorded."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(list(question.options))
        self.addItem(PREFER_NOT_TO_SAY)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(NOT_RECORDED)
        line.setAccessibleName(question.label)
        self.setAccessibleName(question.label)
        compact(self)
        self.setCurrentIndex(0)

    def answer(self) -> str:
        return self.currentText().strip()


class DemographicsEditor(QWidget):
    """One answer and one "may be used for matching" tick per question in ``QUESTIONS``."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, AnswerBox] = {}
        self.matching: dict[str, QCheckBox] = {}
        intro = QLabel(
            "Every question is optional, and \u201cPrefer not to say\u201d is a full answer. "
            "Answers are used for equality monitoring in counts only. An answer is used for "
            "matching only when they agree, for someone who asks for a peer like them."
        )
        intro.setWordWrap(True)
        form = new_form_layout()
        for question in QUESTIONS:
            box = AnswerBox(question)
            tick = QCheckBox("May be used when a person asks for a peer like this")
            tick.setAccessibleName(f"{question.label}: may be used when a person asks for a peer")
            self.answers[question.key] = box
            self.matching[question.key] = tick
            holder = stacked(box, tick)
            holder.setFocusProxy(box)
            caption = add_row(form, question.label.replace("&", "&&"), holder, name=question.label)
            caption.setWordWrap(True)
            box.editTextChanged.connect(self._on_edit)
            tick.toggled.connect(self.changed)
        self.problems = {"demographics": ProblemLabel().attach(form)}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(section("Equality monitoring", form))
        layout.addStretch(1)

    def _on_edit(self) -> None:
        self.changed.emit()

    def set_value(self, answers: Sequence[DemographicAnswer]) -> None:
        given = {a.question: a for a in answers}
        for key, box in self.answers.items():
            answer = given.get(key)
            box.setCurrentText(answer.answer if answer else "")
            if not answer:
                box.setCurrentIndex(0)
            self.matching[key].setChecked(bool(answer and answer.may_use_for_matching))

    def value(self) -> tuple[DemographicAnswer, ...]:
        """Answered questions only, ordered by question key as the vault returns them."""
        found = [
            DemographicAnswer(key, box.answer(), self.matching[key].isChecked())
            for key, box in self.answers.items()
            if box.answer()
        ]
        return tuple(sorted(found, key=lambda a: a.question))
