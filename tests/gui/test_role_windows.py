"""The main window as a supervisor and as a trustee see it: their pages and menus only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.trustees_report_dialog import TrusteesReportDialog
from tests.gui.test_main_window import open_window


def visible_items(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if a.text() and a.isVisible()]


def menus(window: MainWindow) -> dict[str, list[str]]:
    return {
        a.text().replace("&", ""): visible_items(a.menu())
        for a in window.menuBar().actions()
        if a.isVisible() and isinstance(a.menu(), QMenu)
    }


def pages(window: MainWindow) -> list[str]:
    nav = window.navigation
    if not nav.isVisible():
        return []
    return [nav.item(i).text() for i in range(nav.count()) if not nav.item(i).isHidden()]


def psw(services: Services, name: str) -> PswId:
    return services.psws.create(PswDetails(full_name=name))[0].id


@pytest.fixture
def supervisor_window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    mine = psw(services, "Amir Haddad")
    psw(services, "Zoë Nguyễn")
    viewer = Viewer("Sam Patel", role=Role.SUPERVISOR, user_id=2, supervisees=frozenset({mine}))
    window = open_window(qtbot, build(services.workspace, services.clock, viewer))
    yield window
    window.undo_stack.clear()


@pytest.fixture
def trustee_window(qtbot: QtBot, services: Services) -> MainWindow:
    psw(services, "Amir Haddad")
    viewer = Viewer("Tess Trustee", role=Role.TRUSTEE, user_id=3)
    return open_window(qtbot, build(services.workspace, services.clock, viewer))


def test_a_supervisor_sees_their_peer_workers_attention_and_notes_search(
    qtbot: QtBot, supervisor_window: MainWindow
) -> None:
    window = supervisor_window
    assert pages(window) == ["Needs attention", "Peer workers"]
    assert menus(window) == {
        "File": [
            "Save peer worker",
            "Trustees' report…",
            "Print blank forms…",
            "Back up now…",
            "Back up to another drive…",
            "Change passphrase…",
            "Lock",
            "Quit",
        ],
        "Edit": ["Undo", "Redo", "Find peer worker", "Find in notes…"],
        "Help": ["About PeerDesk"],
    }
    assert not window.viewer_state.shows_protected()
    assert window.viewer_state.viewer.role is Role.SUPERVISOR
    window.navigation.setCurrentRow(1)
    table = window.psw_page.table
    shown = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert shown == ["Amir Haddad"]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not window.psw_page.new_action.isEnabled()  # Ctrl+N adds no one
    form = window.psw_page.form
    assert not window.psw_page.new_button.isVisible()
    assert not form.rights_button.isVisible() and not form.holds.place_button.isVisible()


def test_a_trustee_sees_one_page_with_the_report(qtbot: QtBot, trustee_window: MainWindow) -> None:
    window = trustee_window
    assert pages(window) == []
    assert menus(window) == {
        "File": ["Trustees' report…", "Change passphrase…", "Lock", "Quit"],
        "Help": ["About PeerDesk"],
    }
    backups = window.backup_actions  # a trustee makes no backups, not even the daily one
    assert not backups.back_up_now.isEnabled() and not backups.back_up_elsewhere.isEnabled()
    assert not backups.daily.isActive()
    page = window.trustees_page
    assert page is not None and window.pages.currentWidget() is page
    assert page.report_button.hasFocus()
    qtbot.keyClick(page.report_button, Qt.Key.Key_Space)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, TrusteesReportDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
