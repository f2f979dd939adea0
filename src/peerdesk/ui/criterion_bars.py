"""A painted bar per matching criterion, each with its closeness written beside it as text."""

from __future__ import annotations

from collections.abc import Mapping, Set

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from peerdesk.domain.matching.criteria import CRITERIA, Criterion

NOTHING_WISHED = "No wishes recorded, so there are no criteria to compare."


def closeness_text(criterion: Criterion, value: float, *, not_recorded: bool) -> str:
    """ "Language 1.00", or "Travel 0.50 (not recorded)" when the PSW's side is missing."""
    text = f"{criterion.label} {value:.2f}"
    return f"{text} (not recorded)" if not_recorded else text


class ClosenessBar(QWidget):
    """A bar filled in proportion to a closeness of 0–1, with an outline so an empty bar shows.

    The number is always written beside it too (nothing is said by the bar alone).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self._hatched = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, value: float, *, hatched: bool = False) -> None:
        self._value = min(1.0, max(0.0, value))
        self._hatched = hatched
        self.update()

    def value(self) -> float:
        return self._value

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 10, height)

    def minimumSizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 4, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        frame = QRectF(self.rect()).adjusted(0.5, 2.5, -0.5, -2.5)
        painter.fillRect(frame, palette.color(QPalette.ColorRole.Base))
        filled = QRectF(frame)
        filled.setWidth(frame.width() * self._value)
        # not recorded: a hatched fill, so "0.5 because unknown" looks unlike a measured 0.5
        brush = palette.brush(QPalette.ColorRole.Highlight)
        brush.setStyle(Qt.BrushStyle.BDiagPattern if self._hatched else Qt.BrushStyle.SolidPattern)
        painter.fillRect(filled, brush)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        painter.end()


class CriterionBars(QWidget):
    """One row per criterion the person has a wish on: "Language 1.00" and its bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("How close on each criterion")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.empty = QLabel(NOTHING_WISHED)
        self.empty.setWordWrap(True)
        self._grid.addWidget(self.empty, 0, 0, 1, 2)
        self.labels: dict[Criterion, QLabel] = {}
        self.bars: dict[Criterion, ClosenessBar] = {}
        for row, criterion in enumerate(CRITERIA, 1):
            label = QLabel()
            bar = ClosenessBar()
            bar.setAccessibleName(criterion.label)
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(bar, row, 1)
            self.labels[criterion] = label
            self.bars[criterion] = bar
        self.set_closeness({}, frozenset())

    def set_closeness(
        self, closeness: Mapping[Criterion, float], not_recorded: Set[Criterion]
    ) -> None:
        """Show ``closeness`` (criteria left out are hidden: the person has no wish on them)."""
        for criterion in CRITERIA:
            shown = criterion in closeness
            value = closeness.get(criterion, 0.0)
            missing = criterion in not_recorded
            text = closeness_text(criterion, value, not_recorded=missing) if shown else ""
            self.labels[criterion].setText(text)
            self.bars[criterion].set_value(value, hatched=missing)
            self.bars[criterion].setAccessibleDescription(text)
            self.labels[criterion].setVisible(shown)
            self.bars[criterion].setVisible(shown)
        self.empty.setVisible(not closeness)

    def texts(self) -> list[str]:
        """What the rows say, top to bottom (for reading out and for tests)."""
        return [self.labels[c].text() for c in CRITERIA if self.labels[c].text()]
