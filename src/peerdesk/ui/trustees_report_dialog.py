"""File > Trustees' report…: choose the period, then the PDF is made and saved like any export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.progress import Exported, Progress
from peerdesk.services.bundle import Services
from peerdesk.services.trustees_report import period_problems
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.save_export import save_export

TITLE = "Trustees' report"


class TrusteesReportDialog(QDialog):
    """From and To (default: the last April to March), the small-number threshold, Make report."""

    last_period: tuple[dt.date, dt.date] | None = None
    """The period chosen last in this session, offered again (an empty period is then easy to
    correct)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        report = services.trustees_report
        default = report.default_period()
        start, end = TrusteesReportDialog.last_period or (default.start, default.end)
        self.start = self._date_field("period_start", "From", "From", start)
        self.end = self._date_field("period_end", "To", "To", end)
        form = QFormLayout()
        start_label = QLabel("&From:")
        start_label.setBuddy(self.start)
        end_label = QLabel("&To:")
        end_label.setBuddy(self.end)
        form.addRow(start_label, self.start)
        form.addRow(end_label, self.end)
        threshold = report.threshold()
        self.threshold_note = QLabel(
            f"Counts, charts and tables only: no names. Counts under {threshold} print as "
            f"\u201c<{threshold}\u201d, and so does the next smallest in the same table. "
            "Each figure is shown beside the period before."
        )
        self.threshold_note.setWordWrap(True)
        self.threshold_note.setAccessibleName("About the report")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem with the period")
        self.problem.setStyleSheet("font-weight: bold")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.addButton(
            "&Make report…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.make_button.setAccessibleName("Make report")
        self.make_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Cancel")
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.threshold_note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.start.setFocus()

    def _date_field(self, field: str, what: str, name: str, day: dt.date) -> DateField:
        made = DateField(field, what, required=True)
        made.set_value(day)
        made.setAccessibleName(name)
        made.setAccessibleDescription("Day/month/year, for example 31/03/2026")
        return made

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The period typed, or None while either date is not a date."""
        start, end = self.start.value(), self.end.value()
        return None if start is None or end is None else (start, end)

    def _check(self) -> None:
        problems = self.start.problems() + self.end.problems()
        period = self.period()
        if not problems and period is not None:
            problems = period_problems(*period)
        if problems or period is None:
            self.problem.setText(" ".join(p.message for p in problems))
            self.problem.show()
            (self.end if self.start.problems() == [] and problems else self.start).setFocus()
            return
        TrusteesReportDialog.last_period = period
        self.accept()


def make_trustees_report(window: QWidget, services: Services) -> TrusteesReportDialog:
    """Open the dialog; on Make report the PDF is made in the background and saved."""
    dialog = TrusteesReportDialog(services, window)

    def chosen() -> None:
        period = dialog.period()
        assert period is not None  # accepted only with both dates
        start, end = period

        def make(progress: Progress) -> Exported:
            return services.trustees_report.pdf(start, end, progress)

        save_export(window, title=TITLE, make=make)

    dialog.accepted.connect(chosen)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog


def install_trustees_report(window: QMainWindow, services: Services, menu: QMenu) -> QAction:
    """File > Trustees' report…"""
    action = QAction("&Trustees' report…", window)
    action.setStatusTip("Print the year's figures for trustees: counts and charts, no names")
    action.triggered.connect(lambda: make_trustees_report(window, services))
    menu.addAction(action)
    return action
