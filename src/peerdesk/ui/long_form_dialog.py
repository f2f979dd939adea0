"""A check dialog whose long form scrolls, and the confidentiality choice such forms end with."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QScrollArea, QWidget

from peerdesk.domain.confidentiality import DEFAULT_CONFIDENTIALITY, Confidentiality
from peerdesk.ui.check_fields import CheckDialog

LINES_HIGH = 40


def confidentiality_box() -> QComboBox:
    """The confidentiality levels, the default chosen."""
    combo = QComboBox()
    combo.setAccessibleName("Confidentiality")
    for level in Confidentiality:
        combo.addItem(level.label, level)
    combo.setCurrentIndex(list(Confidentiality).index(DEFAULT_CONFIDENTIALITY))
    return combo


class LongFormDialog(CheckDialog):
    """A record held or recorded in one long form (``extra_width`` pixels wider than the least)."""

    extra_width = 0

    def finish_layout(self) -> None:
        """The form scrolls (it is long at large text sizes); problems and buttons stay put."""
        holder = QWidget()
        holder.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self._layout.addWidget(scroll, 1)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.buttons)
        self.resize(
            self.minimumWidth() + self.extra_width, self.fontMetrics().lineSpacing() * LINES_HIGH
        )
