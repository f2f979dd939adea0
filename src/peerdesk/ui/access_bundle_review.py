"""Review passages naming other people before a subject access bundle is made: Keep or Redact."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.access_content import REDACTED, Passage
from peerdesk.domain.name_finder import marked
from peerdesk.services.access_bundle import BundleDraft

LEFT, RIGHT = "\u00bb", "\u00ab"  # » name « : the name stands out in words, not colour alone


def marked_html(passage: Passage) -> str:
    """The passage with each other person's name bold and between » « (escaped, plain text)."""
    pieces, at = [], 0
    for hit in passage.hits:
        pieces.append(html.escape(passage.text[at : hit.start]))
        pieces.append(f"<b>{LEFT}{html.escape(passage.text[hit.start : hit.end])}{RIGHT}</b>")
        at = hit.end
    pieces.append(html.escape(passage.text[at:]))
    return "".join(pieces).replace("\n", "<br>")


class PassageRow(QFrame):
    """One passage: where it is, its text with the name marked, and Keep / Redact."""

    def __init__(self, number: int, total: int, passage: Passage) -> None:
        super().__init__()
        self.passage = passage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        where = QLabel(
            f"Passage {number} of {total}: {passage.section} › {passage.item} › {passage.label}"
        )
        where.setWordWrap(True)
        names = ", ".join(passage.names)
        text = QLabel(marked_html(passage))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep = QRadioButton("&Keep")
        self.redact = QRadioButton("&Redact")
        plain = marked(passage.text, list(passage.hits), left=LEFT, right=RIGHT)
        for button, what in ((self.keep, "Keep"), (self.redact, "Redact")):
            button.setAccessibleName(f"{what} passage {number}")
            button.setAccessibleDescription(f"Names {names}. {plain}")
        self.redact.setChecked(True)  # the safer choice until someone decides otherwise
        group = QButtonGroup(self)
        group.addButton(self.keep)
        group.addButton(self.redact)
        choice = QHBoxLayout()
        choice.addWidget(self.keep)
        choice.addWidget(self.redact)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(QLabel(f"Names another person: {names}"))
        layout.addWidget(text)
        layout.addLayout(choice)


class BundleReviewDialog(QDialog):
    """Every passage naming someone else, each to keep or redact, then "Make bundle"."""

    def __init__(self, drafted: BundleDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafted = drafted
        self.setWindowTitle(f"Review passages for {drafted.request.reference}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        total = len(drafted.passages)
        counted = "1 passage in this bundle names" if total == 1 else f"{total} passages name"
        intro = QLabel(
            f"{counted} someone other than the data subject (the name is in bold between "
            f"{LEFT} and {RIGHT}). A redacted passage is replaced by “{REDACTED}” and listed in "
            "the manifest."
            if total
            else "No passage names anyone other than the data subject."
        )
        intro.setWordWrap(True)
        self.rows = [PassageRow(n, total, p) for n, p in enumerate(drafted.passages, start=1)]
        inner = QWidget()
        column = QVBoxLayout(inner)
        for row in self.rows:
            column.addWidget(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setAccessibleName("Passages naming other people")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Make bundle…")
        self.ok.setAccessibleName("Make bundle")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.rows:  # start on the first choice, so the keyboard can decide at once
            self.rows[0].redact.setFocus()

    def redacted_keys(self) -> frozenset[str]:
        return frozenset(row.passage.key for row in self.rows if row.redact.isChecked())
