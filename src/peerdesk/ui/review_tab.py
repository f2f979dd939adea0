"""The Review tab of a peer worker's record: annual reviews, holding one, agreeing, and goals."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.domain.framework import FrameworkKind
from peerdesk.domain.ids import PswId
from peerdesk.domain.reviews import AnnualReview, ReviewDraft, ReviewForm, ReviewId, ReviewRow
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.agree_lock_dialog import AgreeLockDialog
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, say_date, short_date
from peerdesk.ui.document_print import print_review
from peerdesk.ui.goals_editor import GoalsPanel
from peerdesk.ui.record_history_tab import HistoryWords, RecordHistoryTab
from peerdesk.ui.review_dialog import ReviewDialog

WORDS = HistoryWords(
    unsaved="Save the peer worker's record first; then annual reviews can be held here.",
    none_yet="No annual reviews yet.",
    titles=("Date", "Form", "Reviewer", "Next review", "Agreed"),
    table_name="Annual reviews",
    caption="Reviews hel&d:",
    detail_name="Chosen review",
)


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


class ReviewAgreeDialog(AgreeLockDialog):
    """When the PSW and the reviewer agreed the review; with both dates it is locked."""

    def __init__(
        self, services: Services, review: AnnualReview, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            other="reviewer",
            known=(review.agreed_by_psw_on, review.agreed_by_reviewer_on),
            note=f"Review of {say_date(review.held_on)}. Once both have agreed it is locked: "
            "it cannot be changed later.",
            parent=parent,
        )
        self.review_id = review.id

    def submit(self) -> Changes:
        psw_on, reviewer_on = self.new_dates()
        return self.services.reviews.agree(
            ReviewId(self.review_id), psw_on=psw_on, reviewer_on=reviewer_on
        )


class ReviewTab(RecordHistoryTab[ReviewRow, AnnualReview]):
    """Re-reads when told which PSW it shows, and when reviews or goals change anywhere."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        hold = button("Hold an annual rev&iew…", "Hold an annual review")
        agree = button("Agree and &lock…", "Agree and lock")
        printing = button("Print revie&w…", "Print review")
        printing.setToolTip("Print the chosen review (private text only while it is shown)")
        super().__init__(services, bus, WORDS, [hold, agree, printing], parent)
        self.print_button = printing
        self.print_button.clicked.connect(self.print_review)
        self.hold_button = hold
        self.goals = GoalsPanel(services, self)
        self.column.addWidget(self.goals)
        self.hold_button.clicked.connect(self.hold)
        self.agree_button.clicked.connect(self.agree)
        self.goals.saved.connect(lambda changes: self.bus.publish(changes, origin=self))
        self.finish()

    def read_rows(self, psw_id: PswId) -> list[ReviewRow]:
        return self.services.reviews.history(psw_id)

    def read_record(self, row: ReviewRow, psw_id: PswId, revealed: bool) -> AnnualReview:
        return self.services.reviews.review(row.id, private_revealed=revealed)

    def row_cells(self, row: ReviewRow) -> list[str]:
        return history_cells(row)

    def record_text(self, record: AnnualReview) -> str:
        return review_text(record)

    def wants(self, changes: Changes) -> bool:
        return bool(changes.reviews)

    def show_psw(self, psw_id: PswId | None) -> None:
        self.shown = None
        self.goals.show_psw(psw_id)
        super().show_psw(psw_id)

    def reread(self) -> None:
        self.refresh()
        self.goals.refresh()

    def refresh(self) -> None:
        self.goals.setVisible(self.psw_id is not None)
        super().refresh()

    def hold(self) -> None:
        if self.psw_id is not None:
            self._open(ReviewDialog(self.services, self.psw_id, self), new=True)

    def reopen(self, draft: ReviewDraft) -> ReviewDialog:
        """Open the review form again filled as PeerDesk kept it on locking (unsaved)."""
        dialog = ReviewDialog(self.services, draft.psw_id, self)
        dialog.restore(draft)
        self._open(dialog, new=True)
        return dialog

    def _show_chosen(self) -> None:
        super()._show_chosen()
        self.print_button.setEnabled(self.shown is not None)

    def print_review(self) -> None:
        if self.shown is not None:
            print_review(self, self.services, self.shown.id, self.reveal.isChecked())

    def agree(self) -> None:
        if self.shown is not None:
            self._open(ReviewAgreeDialog(self.services, self.shown, self))
