"""The main window: demo banner, navigation between pages, menus and the window's undo stack."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk import __version__ as _package_version
from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.attention_targets import attention_target, person_to_open
from peerdesk.ui.audit_log_dialog import install_audit_log
from peerdesk.ui.backup_menu import install_backups
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.contact_batch_dialog import ContactBatchDialog
from peerdesk.ui.document_print import install_blank_forms
from peerdesk.ui.import_menu import install_import
from peerdesk.ui.integrity_watch import IntegrityWatch
from peerdesk.ui.needs_attention_page import NeedsAttentionPage
from peerdesk.ui.people_page import PeoplePage
from peerdesk.ui.psw_page import PswPage
from peerdesk.ui.retention_dialog import install_retention
from peerdesk.ui.role_view import apply_role
from peerdesk.ui.search_page import SearchDialog, show_tab
from peerdesk.ui.settings_page import SettingsPage
from peerdesk.ui.table_sources import install_table_export
from peerdesk.ui.teams_page import TeamsPage
from peerdesk.ui.trustees_report_dialog import install_trustees_report
from peerdesk.ui.viewer_state import ViewerState

DEMO_TEXT = "DEMO VAULT — made-up records for trying PeerDesk"
ABOUT_TEXT = (
    "<h3>PeerDesk {version}</h3>"
    "<p>Offline records for coordinators of peer support schemes, kept in an encrypted vault "
    "on this computer.</p>"
)


class NavigationList(QListWidget):
    """The page list on the left: as wide as its longest entry, at any text size."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        widest = max(self.sizeHintForColumn(0), 0)
        hint.setWidth(widest + 2 * self.frameWidth() + self.fontMetrics().averageCharWidth() * 4)
        return hint

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class MainWindow(QMainWindow):
    """One per unlocked vault. Pages share its change bus and undo stack."""

    change_passphrase_requested = Signal()
    lock_requested = Signal()
    """File › Lock (Ctrl+L): the lock session (ui/lock_session.py) hides and closes everything."""

    def __init__(self, services: Services, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self.search_dialog: SearchDialog | None = None
        organisation = services.settings.organisation()

        self.banner = QLabel(DEMO_TEXT)
        self.banner.setObjectName("demoBanner")
        self.banner.setAccessibleName(DEMO_TEXT)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#demoBanner { background: #ffd400; color: #000000; font-weight: bold;"
            " border-top: 3px solid #000000; border-bottom: 3px solid #000000; padding: 6px; }"
        )
        self.banner.setVisible(organisation.demo)

        self.navigation = NavigationList()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setSpacing(3)
        self.pages = QStackedWidget()
        self.viewer_state = ViewerState(services, self)  # "Show protected records" starts off
        self.attention_page = NeedsAttentionPage(services, self.bus, viewer_state=self.viewer_state)
        self.attention_page.item_opened.connect(self.open_item)
        self._add_page("Needs attention", self.attention_page)  # home: shown after unlocking
        self.psw_page = PswPage(services, self.bus, self.undo_stack, viewer_state=self.viewer_state)
        self._add_page("Peer workers", self.psw_page)
        self.people_page = PeoplePage(services, self.bus, viewer_state=self.viewer_state)
        self._add_page("People", self.people_page)
        self.teams_page = TeamsPage(services, self.bus, viewer_state=self.viewer_state)
        self._add_page("Teams", self.teams_page)
        lists_page = self._lists_page()
        if lists_page is not None:
            self._add_page("Lists", lists_page)
        self.settings_page = SettingsPage(services, self.bus)
        self._add_page("Settings", self.settings_page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.viewer_state.banner)
        inner = QWidget()
        inner.setLayout(body)
        layout.addWidget(inner, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._update_title()
        self.bus.changed.connect(self._on_changed)
        self.psw_page.form.dirty_changed.connect(self.setWindowModified)
        self.resize(self._initial_size())
        self.attention_page.table.setFocus()
        self.trustees_page = apply_role(self)  # a supervisor's or trustee's pages and menus

    def _add_page(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(title)
        self.pages.addWidget(page)

    def _lists_page(self) -> QWidget | None:
        try:
            from peerdesk.ui.lists_page import ListsPage
        except ImportError:
            return None
        page: QWidget = ListsPage(self.services, self.bus)
        return page

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(self.psw_page.new_action)
        file_menu.addAction(self.psw_page.form.save_action)
        # the shortcuts work from any page: show the one they act on
        self.psw_page.new_action.triggered.connect(self._show_psw_page)
        self.psw_page.form.save_action.triggered.connect(self._show_psw_page)
        file_menu.addSeparator()
        self.contact_sheet_action = QAction("Type up a &contact sheet…", self)
        self.contact_sheet_action.triggered.connect(self.type_up_contact_sheet)
        file_menu.addAction(self.contact_sheet_action)
        self.import_action = install_import(self, self.services, self.bus, file_menu)
        file_menu.addSeparator()
        self.export_table_action = install_table_export(self, self.services, self.pages, file_menu)
        self.trustees_report_action = install_trustees_report(self, self.services, file_menu)
        self.blank_forms_action = install_blank_forms(self, self.services, file_menu)
        file_menu.addSeparator()
        self.backup_actions = install_backups(self, self.services, file_menu)
        self.retention_action = install_retention(self, self.services, file_menu, self.bus)
        file_menu.addSeparator()
        self.change_passphrase_action = QAction("Change &passphrase…", self)
        self.change_passphrase_action.triggered.connect(self.change_passphrase_requested)
        file_menu.addAction(self.change_passphrase_action)
        self.lock_action = QAction("&Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = menus.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        find = QAction("&Find peer worker", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        edit_menu.addSeparator()
        edit_menu.addAction(find)
        self.find_notes_action = QAction("Find in &notes…", self)
        self.find_notes_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_notes_action.triggered.connect(self.find_in_notes)
        edit_menu.addAction(self.find_notes_action)

        view_menu = menus.addMenu("&View")
        view_menu.addAction(self.viewer_state.action)
        self.audit_log_action = install_audit_log(self, self.services, view_menu)

        help_menu = menus.addMenu("&Help")
        about = QAction("&About PeerDesk", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.integrity_watch = IntegrityWatch(self, self.services, help_menu)
        help_menu.addAction(about)

    def type_up_contact_sheet(self) -> None:
        """Pick a peer worker, then type up their paper contact sheet (saved all at once)."""
        dialog = ContactBatchDialog(self.services, None, self)
        self.contact_sheet_dialog = dialog
        dialog.accepted.connect(lambda: self.bus.publish(dialog.changes, dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _show_psw_page(self) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(self.psw_page))

    def open_psw(self, psw_id: PswId, section: str = "") -> bool:
        """Show the Peer workers page with ``psw_id`` selected and in the form.

        With ``section`` (see ``attention_targets``) the form opens at that section, its first
        control focused. Filters that would hide them are cleared (by the page). False if they
        could not be shown (gone, or the coordinator kept unsaved edits to someone else).
        """
        self._show_psw_page()
        page = self.psw_page
        opened = page.open_psw(psw_id)
        if opened and not (section and page.form.show_section(section)):
            page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return opened

    def open_item(self, item: AttentionItem) -> bool:
        """Open a Needs attention line's subject at the section the line is about."""
        if item.subject_kind == "retention":  # "N records are past retention": the review
            from peerdesk.ui.retention_dialog import open_retention_review

            self.retention_review = open_retention_review(self, self.services, self.bus)
            return True
        person = person_to_open(item)
        if person is not None:
            self.navigation.setCurrentRow(self.pages.indexOf(self.people_page))
            return self.people_page.open_person(person)
        if item.subject_kind != "psw":
            return False
        section = attention_target(item, self.services.policies.policies())
        return self.open_psw(PswId(item.subject_id), section)

    def find_in_notes(self) -> SearchDialog:
        """Open (or bring back, query kept) the Find in notes window."""
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(
                self.services, lambda: self.viewer_state.viewer, self._open_found, self
            )
        self.search_dialog.start()
        return self.search_dialog

    def _open_found(self, psw_id: PswId, tab: str) -> bool:
        opened = self.open_psw(psw_id)
        if opened:
            show_tab(self.psw_page.form.tabs, tab)
        return opened

    def _focus_search(self) -> None:
        self._show_psw_page()
        self.psw_page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.psw_page.search.selectAll()

    def _initial_size(self) -> QSize:
        """Big enough for the table and form side by side at the current text size."""
        em = self.fontMetrics().averageCharWidth()
        line = self.fontMetrics().lineSpacing()
        return QSize(em * 190, line * 52)

    def _update_title(self) -> None:
        name = self.services.settings.organisation().name
        self.setWindowTitle(f"PeerDesk — {name}[*]")

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        if changes.settings:
            self._update_title()
            self.banner.setVisible(self.services.settings.organisation().demo)

    def show_about(self) -> None:
        message_boxes.show_about(self, ABOUT_TEXT.format(version=_package_version))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved edits: Save, Don't save, or Keep editing (cancels closing)."""
        if self.psw_page.confirm_leave() and self.people_page.confirm_leave():
            event.accept()
        else:
            event.ignore()
