"""The readiness summary on the Checks tab: each requirement in words, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.requirements import RequirementResult


def requirement_line(result: RequirementResult) -> str:
    """ "Blocks activation: Missing — DBS (enhanced) not recorded", "Warning: Due soon — …"."""
    status = result.status
    prefix = "Blocks activation: " if status.blocks else "Warning: " if status.warns else ""
    return f"{prefix}{status.label} \u2014 {result.sentence}"


def heading_text(results: Sequence[RequirementResult]) -> str:
    blocking = sum(r.status.blocks for r in results)
    warnings = sum(r.status.warns for r in results)
    if blocking:
        things = "1 requirement blocks" if blocking == 1 else f"{blocking} requirements block"
        return f"Not ready to be active: {things} it."
    if warnings:
        return "Ready to be active, with warnings."
    return "Ready to be active: every requirement is met."


class ReadinessSummary(QWidget):
    """One line per requirement policy, blocking ones first, in the order the policies come."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Readiness")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.heading)
        self.lines: list[QLabel] = []

    def show_results(self, results: Sequence[RequirementResult]) -> None:
        for label in self.lines:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.lines = []
        self.heading.setText(heading_text(results))
        ordered = sorted(results, key=lambda r: (not r.status.blocks, not r.status.warns))
        for result in ordered:
            label = QLabel(requirement_line(result))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if result.status.blocks:
                bold = QFont(label.font())
                bold.setBold(True)
                label.setFont(bold)
            self._layout.addWidget(label)
            self.lines.append(label)

    def texts(self) -> list[str]:
        return [label.text() for label in self.lines]
