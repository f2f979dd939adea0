"""Hold an annual review, keyboard first: the form chosen from the PSW's role, goals, needs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from peerdesk.domain.errors import Problem
from peerdesk.domain.goals import GoalDraft, smart_marker
from peerdesk.domain.ids import PswId
from peerdesk.domain.reviews import (
    CareerPath,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    TrainingNeedDraft,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField, button, button_row, say_date
from peerdesk.ui.long_form_dialog import LongFormDialog, confidentiality_box
from peerdesk.ui.review_entries import ReviewEntries, plain, text_box

FEEDBACK_HINT = "A summary only: no names or details that\nidentify the people supported."
CAREER_MNEMONICS = {
    CareerPath.PEER_SUPERVISION: "Peer s&upervision",
    CareerPath.MANAGEMENT: "Managemen&t",
    CareerPath.TRAINING: "Training ot&hers",
    CareerPath.RESEARCH: "Resear&ch",
}


def goal_line(goal: GoalDraft) -> str:
    target = f", by {say_date(goal.target_on)}" if goal.target_on else ""
    measure = f" (measure: {goal.measure.strip()})" if goal.measure.strip() else ""
    marker = smart_marker(goal.measure, goal.target_on)
    return f"{goal.what.strip()}{measure}{target}" + (f" — {marker}" if marker else "")


class ReviewDialog(LongFormDialog):
    """The whole review in one scrolling form; Save records it, its goals and training needs."""

    extra_width = 200

    def __init__(self, services: Services, psw_id: PswId, parent: QWidget | None = None) -> None:
        super().__init__("Hold an annual review", "&Save review", parent)
        self.services = services
        self.psw_id = psw_id
        self.goals: list[GoalDraft] = []
        self.needs: list[TrainingNeedDraft] = []
        self.kind = QComboBox()
        self.kind.setAccessibleName("Form")
        for form in ReviewForm:
            self.kind.addItem(form.label, form)
        self.kind.setCurrentIndex(list(ReviewForm).index(services.reviews.form_for(psw_id)))
        self.held_on = DateField("held_on", "review", required=True)
        self.held_on.set_value(services.clock.today())
        self.reviewer = QLineEdit()
        self.add_field("form", "F&orm", self.kind, hint="Chosen from their role; change it here.")
        self.add_field("held_on", "&Date", self.held_on)
        self.add_field("reviewer", "Re&viewer", self.reviewer)
        self.entries = ReviewEntries(
            self.form,
            services.reviews.questions(ReviewForm.PAID),
            services.reviews.questions(ReviewForm.VOLUNTEER),
        )
        open_goals = [g for g in services.reviews.goals(psw_id) if g.status.open]
        if open_goals:
            self.form.addRow(
                plain(
                    "Goals from before: "
                    + "; ".join(f"{g.what} ({g.status.label.lower()})" for g in open_goals)
                )
            )
        self.progress = text_box("Progress on last year's goals")
        self.feedback = text_box("Feedback from people supported")
        self.ethics = text_box("Ethics and confidentiality reflection")
        self.reflection = text_box("Self-reflection")
        self.add_field("goals_progress", "Progress on &last year's goals", self.progress)
        self.add_field(
            "feedback", "Feedbac&k from people supported", self.feedback, hint=FEEDBACK_HINT
        )
        self.add_field("ethics", "&Ethics and confidentiality", self.ethics)
        self.add_field("self_reflection", "Self-&reflection", self.reflection)
        self._training_rows()
        self._goal_rows()
        self.career = {c: QCheckBox(CAREER_MNEMONICS[c]) for c in CareerPath}
        self.form.addRow(plain("Career pathway interests:"))
        for box in self.career.values():
            self.add_tick(f"career_{box.text()}", box)
        self.career_note = text_box("Career next steps", 2)
        self.add_field("career_note", "Career ne&xt steps", self.career_note)
        self.level = confidentiality_box()
        self.add_field("confidentiality", "Con&fidentiality", self.level)
        self.psw_on = DateField("agreed", "PSW agreed")
        self.reviewer_on = DateField("agreed_reviewer", "reviewer agreed")
        self.add_field(
            "agreed",
            "Agreed &by the PSW on",
            self.psw_on,
            hint="With both dates the review is locked.",
        )
        self.add_field("agreed_reviewer", "Agreed by the revie&wer on", self.reviewer_on)
        self.finish_layout()
        self.entries.show_form(self.chosen_form())
        self.kind.currentIndexChanged.connect(lambda _i: self.entries.show_form(self.chosen_form()))
        for edit in (self.held_on, self.reviewer, self.psw_on, self.reviewer_on):
            edit.textEdited.connect(self.edited)
        self._opened = self.draft()

    def is_dirty(self) -> bool:
        """Something was typed or chosen since the form opened."""
        return self.draft() != self._opened

    def restore(self, draft: ReviewDraft) -> None:
        """Type ``draft`` back in (entries, topics and goals no longer here are left out)."""
        self.kind.setCurrentIndex(max(self.kind.findData(draft.form), 0))
        self.held_on.set_value(draft.held_on)
        self.reviewer.setText(draft.reviewer)
        content = draft.content
        for key, rating in content.ratings.items():
            if key in self.entries.ratings:
                box = self.entries.ratings[key]
                box.setCurrentIndex(max(box.findData(rating), 0))
        for typed, boxes in (
            (content.evidence, self.entries.evidence),
            (content.comments, self.entries.comments),
        ):
            for key, text in typed.items():
                if key in boxes:
                    boxes[key].setPlainText(text)
        self.progress.setPlainText(content.goals_progress)
        self.feedback.setPlainText(content.feedback)
        self.ethics.setPlainText(content.ethics)
        self.reflection.setPlainText(content.self_reflection)
        self.needs = [n for n in content.training_needs if n.topic_id in self._topics]
        self._show_needs()
        for path, tick in self.career.items():
            tick.setChecked(path in content.career)
        self.career_note.setPlainText(content.career_note)
        self.goals = list(draft.new_goals)
        self._show_goals()
        self.level.setCurrentIndex(max(self.level.findData(draft.confidentiality), 0))
        self.psw_on.set_value(draft.agreed_by_psw_on)
        self.reviewer_on.set_value(draft.agreed_by_reviewer_on)

    def _training_rows(self) -> None:
        self.topic = QComboBox()
        self.topic.setAccessibleName("Training topic")
        self._topics: dict[int, str] = {
            t.id: t.name for t in self.services.training.topics() if not t.retired
        }
        for topic_id, name in self._topics.items():
            self.topic.addItem(name, topic_id)
        self.need_note = QLineEdit()
        self.add_need_button = button("Add tra&ining need", "Add training need")
        self.remove_need_button = button("Remove last training need", "Remove last training need")
        self.needs_label = plain("No training needs added.")
        self.add_field(
            "training_needs",
            "Training to&pic",
            self.topic,
            hint="Each need goes to their training-needs profile.",
        )
        self.add_field("need_note", "Training &need", self.need_note)
        self.form.addRow(QLabel(), button_row([self.add_need_button, self.remove_need_button]))
        self.form.addRow(QLabel(), self.needs_label)
        self.add_need_button.clicked.connect(self._add_need)
        self.remove_need_button.clicked.connect(self._remove_need)

    def _goal_rows(self) -> None:
        self.goal_what = QLineEdit()
        self.goal_measure = QLineEdit()
        self.goal_by = DateField("goal_by", "goal's target")
        self.add_goal_button = button("&Add goal", "Add goal")
        self.remove_goal_button = button("Remove last goal", "Remove last goal")
        self.goals_label = plain("No new goals added.")
        self.add_field("goals", "New &goal", self.goal_what)
        self.add_field(
            "goal_measure",
            "&Measure",
            self.goal_measure,
            hint="Without a measure and a date a goal is not yet SMART.",
        )
        self.add_field("goal_by", "B&y when", self.goal_by)
        self.form.addRow(QLabel(), button_row([self.add_goal_button, self.remove_goal_button]))
        self.form.addRow(QLabel(), self.goals_label)
        self.add_goal_button.clicked.connect(self._add_goal)
        self.remove_goal_button.clicked.connect(self._remove_goal)

    def chosen_form(self) -> ReviewForm:
        form: ReviewForm = self.kind.currentData()
        return form

    # --- lists typed here ---------------------------------------------------------------------

    def _add_need(self) -> None:
        if self.topic.currentIndex() < 0:
            self.problems["training_needs"].set_problems(
                [Problem("training_needs", "Add a training topic in Settings first.")]
            )
            return
        self.needs.append(TrainingNeedDraft(self.topic.currentData(), self.need_note.text()))
        self.need_note.clear()
        self._show_needs()

    def _remove_need(self) -> None:
        if self.needs:
            self.needs.pop()
        self._show_needs()

    def _show_needs(self) -> None:
        lines = [
            self._topics.get(n.topic_id, "?") + (f": {n.note.strip()}" if n.note.strip() else "")
            for n in self.needs
        ]
        self.needs_label.setText(
            "Training needs: " + "; ".join(lines) if lines else "No training needs added."
        )

    def _add_goal(self) -> None:
        problems = self.goal_by.problems()
        if not self.goal_what.text().strip():
            problems.append(Problem("goals", "Type the goal, then Add goal."))
        if problems:
            self.problems["goals"].set_problems([p for p in problems if p.field == "goals"])
            self.problems["goal_by"].set_problems([p for p in problems if p.field == "goal_by"])
            return
        self.goals.append(
            GoalDraft(self.goal_what.text(), self.goal_measure.text(), self.goal_by.value())
        )
        for edit in (self.goal_what, self.goal_measure, self.goal_by):
            edit.clear()
        self.problems["goals"].set_problems([])
        self._show_goals()

    def _remove_goal(self) -> None:
        if self.goals:
            self.goals.pop()
        self._show_goals()

    def _show_goals(self) -> None:
        text = "\n".join(f"Goal: {goal_line(g)}" for g in self.goals)
        self.goals_label.setText(text or "No new goals added.")

    # --- checking and saving ------------------------------------------------------------------

    def draft(self, held_on: dt.date | None = None) -> ReviewDraft:
        content = ReviewContent(
            ratings=self.entries.rating_values(),
            evidence=self.entries.evidence_values(),
            comments=self.entries.comment_values(),
            goals_progress=self.progress.toPlainText(),
            feedback=self.feedback.toPlainText(),
            ethics=self.ethics.toPlainText(),
            self_reflection=self.reflection.toPlainText(),
            training_needs=tuple(self.needs),
            career=tuple(c for c, box in self.career.items() if box.isChecked()),
            career_note=self.career_note.toPlainText(),
        )
        return ReviewDraft(
            psw_id=self.psw_id,
            form=self.chosen_form(),
            held_on=held_on or self.held_on.value() or self.services.clock.today(),
            reviewer=self.reviewer.text(),
            content=content,
            new_goals=tuple(self.goals),
            confidentiality=self.level.currentData(),
            agreed_by_psw_on=self.psw_on.value(),
            agreed_by_reviewer_on=self.reviewer_on.value(),
        )

    def local_problems(self) -> list[Problem]:
        return self.held_on.problems() + self.psw_on.problems() + self.reviewer_on.problems()

    def service_problems(self) -> list[Problem]:
        return self.services.reviews.check(self.draft())

    def submit(self) -> Changes:
        _review_id, changes = self.services.reviews.record(self.draft())
        return changes
