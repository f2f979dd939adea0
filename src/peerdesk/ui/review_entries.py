"""The per-entry part of the annual review form: a rating and evidence, or a comment, per entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from peerdesk.domain.framework import FrameworkItem, FrameworkKind
from peerdesk.domain.reviews import Rating, ReviewForm

NOT_RATED = "Not rated"


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    """Plain text with paragraphs; Tab moves on (keyboard users are not trapped)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * (lines + 1))
    box.setMaximumHeight(line * (lines + 3))  # the form scrolls; boxes do not swallow it
    return box


def plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def entry_title(item: FrameworkItem) -> str:
    return f"Competence: {item.name}" if item.kind is FrameworkKind.COMPETENCE else item.name


class ReviewEntries:
    """Rows for both forms in one form layout; only the chosen form's rows are shown."""

    def __init__(
        self, form: QFormLayout, paid: list[FrameworkItem], volunteer: list[FrameworkItem]
    ):
        self.form = form
        self.ratings: dict[int, QComboBox] = {}
        self.evidence: dict[int, QPlainTextEdit] = {}
        self.comments: dict[int, QPlainTextEdit] = {}
        self.paid_rows: list[QWidget] = []
        self.volunteer_rows: list[QWidget] = []
        self.paid_heading = plain(
            "Per domain: a rating (not yet, developing, confident, could support others) "
            "and the evidence for it."
        )
        form.addRow(self.paid_heading)
        for item in paid:
            rating = QComboBox()
            rating.setAccessibleName(f"Rating: {item.name}")
            rating.addItem(NOT_RATED, None)
            for r in Rating:
                rating.addItem(r.label, r)
            evidence = text_box(f"Evidence: {item.name}", 2)
            title = plain(entry_title(item))
            title.setBuddy(rating)
            form.addRow(title, rating)
            form.addRow(plain("Evidence:"), evidence)
            self.ratings[item.id], self.evidence[item.id] = rating, evidence
            self.paid_rows += [rating, evidence]
        self.volunteer_heading = plain(
            "Abilities and qualities: a comment on each that matters (no ratings)."
        )
        form.addRow(self.volunteer_heading)
        for item in volunteer:
            comment = text_box(f"Comment: {item.name}", 2)
            title = plain(item.name)
            title.setBuddy(comment)
            form.addRow(title, comment)
            self.comments[item.id] = comment
            self.volunteer_rows.append(comment)

    def show_form(self, chosen: ReviewForm) -> None:
        paid = chosen is ReviewForm.PAID
        self.form.setRowVisible(self.paid_heading, paid)
        self.form.setRowVisible(self.volunteer_heading, not paid)
        for widget in self.paid_rows:
            self.form.setRowVisible(widget, paid)
        for widget in self.volunteer_rows:
            self.form.setRowVisible(widget, not paid)

    def rating_values(self) -> dict[int, Rating | None]:
        return {k: box.currentData() for k, box in self.ratings.items()}

    def evidence_values(self) -> dict[int, str]:
        return {k: box.toPlainText() for k, box in self.evidence.items()}

    def comment_values(self) -> dict[int, str]:
        return {k: box.toPlainText() for k, box in self.comments.items()}
