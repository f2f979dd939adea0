"""Record tables sized to their rows, so a Checks tab of six sections is not mostly blank space.

A QTableView asks for about ten rows whatever it holds; five sections of that made the tab
scroll through empty tables. These tables take the height of their rows (at least ``least``,
at most ``most``, after which they scroll) plus room for a sideways scroll bar at large text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QTableView


def fit_to_rows(view: QTableView, *, least: int = 2, most: int = 8) -> None:
    """Call after the rows change: fixes the view's height to show them all, up to ``most``."""
    rows = max(least, min(most, view.model().rowCount()))
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
        + view.horizontalScrollBar().sizeHint().height()
        + 2 * view.frameWidth()
    )
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view.setMinimumHeight(height)
    view.setMaximumHeight(height)
