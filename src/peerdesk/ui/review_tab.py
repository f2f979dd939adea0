"""The Review tab of a peer worker's record: annual reviews, holding one, agreeing, and goals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import Problem
from peerdesk.domain.framework import FrameworkKind
from peerdesk.domain.ids import PswId
from peerdesk.domain.reviews import AnnualReview, ReviewForm, ReviewId, ReviewRow
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
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
from peerdesk.ui.goals_editor import GoalsPanel
from peerdesk.ui.review_dialog import ReviewDialog
from peerdesk.ui.review_entries import plain

UNSAVED = "Save the peer worker's record first; then annual reviews can be held here."
NONE_YET = "No annual reviews yet."
TITLES = ("Date", "Form", "Reviewer", "Next review", "Agreed")


def history_cells(row: ReviewRow) -> list[str]:
    form = "Paid" if row.form is ReviewForm.PAID else "Volunteer"
    return [
        short_date(row.held_on),
        form,
        row.reviewer,
        short_date(row.next_on),
        "Locked: agreed by both" if row.locked else "Not yet by both",
    ]


def review_text(review: AnnualReview) -> str:
    """The review in words, as plain text (user text is never read as markup)."""
    lines = [
        f"{review.form.label} annual review on {say_date(review.held_on)} with {review.reviewer}.",
        f"{review.confidentiality.label}. Next review {say_date(review.next_on, 'not set')}.",
    ]
    agreed = [
        f"by the {who} on {say_date(day)}"
        for who, day in (
            ("PSW", review.agreed_by_psw_on),
            ("reviewer", review.agreed_by_reviewer_on),
        )
        if day is not None
    ]
    lines.append(
        ("Locked: agreed " if review.locked else "Agreed ") + " and ".join(agreed) + "."
        if agreed
        else "Not agreed yet."
    )
    if review.text_hidden:
        return "\n".join([*lines, "This review is private: tick Show private text to read it."])
    c = review.content
    for item in review.framework:
        rating = c.ratings.get(item.id)
        said = c.evidence.get(item.id) or c.comments.get(item.id)
        if rating is None and not said:
            continue
        name = f"Competence {item.name}" if item.kind is FrameworkKind.COMPETENCE else item.name
        head = f"{name}: {rating.label}" if rating else f"{name}:"
        lines += ["", head] + ([said] if said else [])
    for title, text in (
        ("Progress on last year's goals", c.goals_progress),
        ("Feedback from people supported", c.feedback),
        ("Ethics and confidentiality", c.ethics),
        ("Self-reflection", c.self_reflection),
        ("Career next steps", c.career_note),
    ):
        if text:
            lines += ["", f"{title}:", text]
    if c.career:
        lines += ["", "Career interests: " + ", ".join(p.label for p in c.career) + "."]
    if c.training_needs:
        lines += ["", f"Training needs sent to their profile: {len(c.training_needs)}."]
    return "\n".join(lines)


class ReviewAgreeDialog(CheckDialog):
    """When the PSW and the reviewer agreed the review; with both dates it is locked."""

    def __init__(
        self, services: Services, review: AnnualReview, parent: QWidget | None = None
    ) -> None:
        super().__init__("Agree and lock", "&Agree", parent)
        self.services = services
        self.review_id = review.id
        today = services.clock.today()
        self.psw_on = DateField("agreed", "PSW agreed")
        self.reviewer_on = DateField("agreed_reviewer", "reviewer agreed")
        for field, known in (
            (self.psw_on, review.agreed_by_psw_on),
            (self.reviewer_on, review.agreed_by_reviewer_on),
        ):
            field.set_value(known or today)
            field.setEnabled(known is None)
            field.textEdited.connect(self.edited)
        self.add_note(
            f"Review of {say_date(review.held_on)}. Once both have agreed it is locked: "
            "it cannot be changed later."
        )
        self.add_field("agreed", "Agreed by the &PSW on", self.psw_on)
        self.add_field("agreed_reviewer", "Agreed by the &reviewer on", self.reviewer_on)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.psw_on.problems() + self.reviewer_on.problems()

    def submit(self) -> Changes:
        return self.services.reviews.agree(
            ReviewId(self.review_id),
            psw_on=self.psw_on.value() if self.psw_on.isEnabled() else None,
            reviewer_on=self.reviewer_on.value() if self.reviewer_on.isEnabled() else None,
        )


class ReviewTab(QWidget):
    """Re-reads when told which PSW it shows, and when reviews or goals change anywhere."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_id: PswId | None = None
        self.rows: list[ReviewRow] = []
        self.shown: AnnualReview | None = None
        self.dialog: CheckDialog | None = None
        self.message = plain("")
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Annual reviews", on_open=self._focus_detail)
        self.caption = QLabel("Reviews hel&d:")
        self.caption.setBuddy(self.table)
        self.detail = plain("")
        self.detail.setAccessibleName("Chosen review")
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reveal = QCheckBox("Show private te&xt")
        self.reveal.setAccessibleName("Show private text")
        self.hold_button = button("Hold an annual rev&iew…", "Hold an annual review")
        self.agree_button = button("Agree and &lock…", "Agree and lock")
        self.goals = GoalsPanel(services, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.hold_button, self.agree_button]))
        layout.addWidget(self.reveal)
        layout.addWidget(self.detail)
        layout.addWidget(self.goals)
        layout.addStretch(1)
        self.hold_button.clicked.connect(self.hold)
        self.agree_button.clicked.connect(self.agree)
        self.reveal.toggled.connect(self._show_chosen)
        self.goals.saved.connect(lambda changes: self.bus.publish(changes, origin=self))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_chosen())
        bus.changed.connect(self._bus_changed)
        self.refresh()

    def show_psw(self, psw_id: PswId | None) -> None:
        self.psw_id = psw_id
        self.reveal.setChecked(False)
        self.shown = None
        self.goals.show_psw(psw_id)
        self.refresh()

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and changes.reviews:
            self.refresh()
            self.goals.refresh()

    def refresh(self) -> None:
        chosen = self.shown.id if self.shown else None
        self.rows = self.services.reviews.history(self.psw_id) if self.psw_id else []
        self.model.set_rows([history_cells(r) for r in self.rows])
        fit_to_rows(self.table)
        saved = self.psw_id is not None
        text = UNSAVED if not saved else "" if self.rows else NONE_YET
        self.message.setText(text)
        self.message.setVisible(bool(text))
        for part in (self.caption, self.table):
            part.setVisible(bool(self.rows))
        self.hold_button.setVisible(saved)
        self.goals.setVisible(saved)
        ids = [r.id for r in self.rows]
        self.table.select_row(ids.index(chosen) if chosen in ids else 0 if ids else None)
        self._show_chosen()

    def _show_chosen(self) -> None:
        row = self.table.selected_row()
        if self.psw_id is None or row is None or row >= len(self.rows):
            self.shown = None
        else:
            self.shown = self.services.reviews.review(
                self.rows[row].id, private_revealed=self.reveal.isChecked()
            )
        self.detail.setText(review_text(self.shown) if self.shown else "")
        self.detail.setVisible(self.shown is not None)
        self.reveal.setVisible(
            self.shown is not None and self.shown.confidentiality is Confidentiality.PRIVATE
        )
        self.agree_button.setVisible(self.shown is not None)
        self.agree_button.setEnabled(self.shown is not None and not self.shown.locked)

    def _focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def hold(self) -> None:
        if self.psw_id is not None:
            self._open(ReviewDialog(self.services, self.psw_id, self))

    def agree(self) -> None:
        if self.shown is not None:
            self._open(ReviewAgreeDialog(self.services, self.shown, self))

    def _open(self, dialog: CheckDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _saved(self, dialog: CheckDialog) -> None:
        if isinstance(dialog, ReviewDialog):
            self.shown = None  # show the review just held (newest first)
        self.refresh()
        self.goals.refresh()
        self.bus.publish(dialog.changes, origin=self)

    def _closed(self, dialog: CheckDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
