"""Two versions of a plan side by side, section by section, changed words marked in words too."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.plan_diff import PlanComparison, Run, RunKind
from peerdesk.domain.plans import PlanKind, PlanVersion
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import short_date
from peerdesk.ui.form_fields import add_row, new_form_layout
from peerdesk.ui.psw_section_tab import scrolling

REMOVED_OPEN, REMOVED_CLOSE = "[\u2212", "\u2212]"
ADDED_OPEN, ADDED_CLOSE = "[+", "+]"
LEGEND = (
    "Removed words are struck through between [\u2212 and \u2212] on the left; "
    "added words are underlined between [+ and +] on the right."
)
_STYLE = {
    RunKind.REMOVED: ("<s style='color:#8b0000'>", "</s>", REMOVED_OPEN, REMOVED_CLOSE),
    RunKind.ADDED: ("<u style='color:#00551e'>", "</u>", ADDED_OPEN, ADDED_CLOSE),
}


def marked_html(runs: Sequence[Run], shown: RunKind) -> str:
    """One side's text as HTML: its own changes (``shown``) marked, the other side's left out."""
    parts = []
    for run in runs:
        if run.kind is RunKind.SAME:
            parts.append(html.escape(run.text))
        elif run.kind is shown:
            start, end, before, after = _STYLE[shown]
            parts.append(f"{start}{html.escape(before + run.text + after)}{end}")
    body = "".join(parts) or "<i>(empty)</i>"
    return f"<div style='white-space:pre-wrap'>{body}</div>"


def _version_name(v: PlanVersion) -> str:
    return f"Version {v.number} ({short_date(v.recorded_at.date())})"


class PlanCompareDialog(QDialog):
    """Pick any two versions; the lower number shows on the left as the older."""

    def __init__(
        self,
        services: Services,
        psw_id: PswId,
        kind: PlanKind,
        *,
        older: int,
        newer: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.psw_id, self.kind = services, psw_id, kind
        self.setWindowTitle(f"Compare versions: {kind.label}")
        self.setModal(True)
        self.resize(self.fontMetrics().averageCharWidth() * 130, self.fontMetrics().height() * 40)
        versions = services.plans.versions(psw_id, kind)
        self.first = QComboBox()
        self.second = QComboBox()
        for combo, chosen in ((self.first, older), (self.second, newer)):
            for v in versions:
                combo.addItem(_version_name(v), v.number)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(self.refresh)
        pick: QFormLayout = new_form_layout()
        add_row(pick, "&Older version:", self.first, name="Older version")
        add_row(pick, "&Newer version:", self.second, name="Newer version")
        self.legend = QLabel(LEGEND)
        self.legend.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.sides: list[tuple[QLabel, QLabel]] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.legend)
        layout.addWidget(self.details)
        layout.addWidget(scrolling(self.body), 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            gone = taken.widget() if taken is not None else None
            if gone is not None:
                gone.deleteLater()
        self.sides = []
        try:
            found = self.services.plans.compare(
                self.psw_id,
                self.kind,
                int(self.first.currentData()),
                int(self.second.currentData()),
            )
        except PeerDeskError as error:
            self.details.setText(str(error))
            return
        self._show(found)

    def _show(self, found: PlanComparison) -> None:
        same = found.older.number == found.newer.number
        said = ["Both sides show the same version."] if same else []
        said += list(found.details) or ["Dates and confidentiality are the same in both."]
        self.details.setText("\n".join(said))
        for column, v in enumerate((found.older, found.newer)):
            head = QLabel(f"<b>{html.escape(v.heading())}</b>")
            head.setWordWrap(True)
            self.grid.addWidget(head, 0, column)
        for n, section in enumerate(found.sections, start=1):
            state = "changed" if section.changed else "no change"
            title = QLabel(f"<b>{html.escape(section.title)}</b> ({state})")
            title.setWordWrap(True)
            self.grid.addWidget(title, 2 * n - 1, 0, 1, 2)
            pair = (
                self._side(marked_html(section.runs, RunKind.REMOVED), section.title, "older"),
                self._side(marked_html(section.runs, RunKind.ADDED), section.title, "newer"),
            )
            self.grid.addWidget(pair[0], 2 * n, 0)
            self.grid.addWidget(pair[1], 2 * n, 1)
            self.sides.append(pair)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)

    def _side(self, text: str, title: str, which: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setAccessibleName(f"{title}, {which} version")
        label.setFrameShape(QLabel.Shape.StyledPanel)
        return label

    def shown_text(self) -> str:
        """What a reader sees, both sides, section by section (tests and screen readers)."""
        lines = []
        for left, right in self.sides:
            lines.append(f"{_plain(left.text())} | {_plain(right.text())}")
        return "\n".join(lines)


def _plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()
