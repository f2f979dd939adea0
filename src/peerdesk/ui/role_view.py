"""The main window as each role sees it: a supervisor's pages and menus, a trustee's one page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.roles import Action, Role

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

SUPERVISOR_PAGES = frozenset({"Needs attention", "Peer workers"})
"""Pages a supervisor sees (their own supervisees; supported people are coordinators' only)."""

TRUSTEE_TEXT = (
    "As a trustee you see the organisation's figures: counts and charts, never anyone's "
    "record. Print the trustees' report for the year below."
)


def _drop(action: QAction) -> None:
    """Hide an action from its menu and stop its shortcut."""
    action.setVisible(False)
    action.setEnabled(False)


class TrusteesPage(QWidget):
    """A trustee's only page: what they may see, and the report button."""

    def __init__(self, report: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Trustees' report")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName("Trustees' report")
        text = QLabel(TRUSTEE_TEXT)
        text.setWordWrap(True)
        text.setAccessibleName(TRUSTEE_TEXT)
        self.report_button = QPushButton("&Trustees' report…")
        self.report_button.setAccessibleName("Trustees' report")
        self.report_button.clicked.connect(report.trigger)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


def apply_role(window: MainWindow) -> TrusteesPage | None:
    """Leave out what the unlocking user's role may not use (a coordinator keeps everything);
    for a trustee, the page shown instead of all others."""
    role = window.services.viewer.role
    if role is Role.COORDINATOR:
        return None
    for action in (
        window.psw_page.new_action,
        window.contact_sheet_action,
        window.import_action,
        window.export_table_action,
        window.retention_action,
        window.backup_actions.restore,
        window.viewer_state.action,
        window.audit_log_action,
        window.integrity_watch.action,
    ):
        _drop(action)
    if not window.services.viewer.can(Action.BACKUP):  # a trustee makes no backups
        _drop(window.backup_actions.back_up_now)
        _drop(window.backup_actions.back_up_elsewhere)
        window.backup_actions.daily.stop()
    form = window.psw_page.form
    for button in (
        window.psw_page.new_button,
        form.rights_button,
        form.holds.place_button,
        form.holds.lift_button,
    ):
        button.setVisible(False)  # adding PSWs, rights requests and holds are coordinators'
    if role is Role.SUPERVISOR:
        for row in range(window.navigation.count()):
            item = window.navigation.item(row)
            item.setHidden(item.text() not in SUPERVISOR_PAGES)
        page = None
    else:
        page = _trustee(window)
    for menu_action in window.menuBar().actions():  # a menu left empty goes too
        menu = menu_action.menu()
        if isinstance(menu, QMenu) and not any(a.isVisible() for a in menu.actions() if a.text()):
            _drop(menu_action)
    return page


def _trustee(window: MainWindow) -> TrusteesPage:
    """One page, the report; File keeps the report, passphrase, lock and quit; Help stays."""
    keep = {
        window.trustees_report_action,
        window.change_passphrase_action,
        window.lock_action,
        window.quit_action,
    }
    for menu_action in window.menuBar().actions():
        name = menu_action.text().replace("&", "")
        menu = menu_action.menu()
        if name == "Help" or not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if not action.isSeparator() and action not in keep:
                _drop(action)
    page = TrusteesPage(window.trustees_report_action, window)
    window.pages.addWidget(page)
    window.pages.setCurrentWidget(page)
    window.navigation.setVisible(False)
    page.report_button.setFocus()
    return page
