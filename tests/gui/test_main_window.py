"""The main window: title, demo banner, navigation, menus and shortcuts, closing, large text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import PswDetails
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.ui import message_boxes
from peerdesk.ui.main_window import DEMO_TEXT, MainWindow
from peerdesk.ui.message_boxes import UnsavedChoice
from tests.conftest import NOW
from tests.gui.typing_helpers import type_text, unnamed


def open_window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services)
    # pytest-qt closes windows before fixtures finish: drop unsaved edits first, so closing
    # at teardown never waits on the "Save your changes?" question
    qtbot.addWidget(window, before_close_func=lambda w: w.psw_page.form.load(None))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    services.psws.create(PswDetails(full_name="Amir Haddad"))
    services.psws.create(PswDetails(full_name="Zoë Nguyễn"))
    made = open_window(qtbot, services)
    yield made
    made.undo_stack.clear()


@pytest.fixture
def demo_services(tmp_path: Path) -> Iterator[Services]:
    paths = VaultPaths(tmp_path / "demo")
    paths.folder.mkdir()
    made = vault_service.create(
        paths,
        organisation="Demo Peers",
        passphrase="correct horse battery staple",
        kdf=TEST_KDF,
        demo=True,
    )
    bundle = build(made.workspace, FixedClock(NOW))
    yield bundle
    bundle.close()


def test_title_names_the_organisation_and_no_banner_for_real_vaults(window: MainWindow) -> None:
    assert window.windowTitle().replace("[*]", "") == "PeerDesk — Mersey Peer Support"
    assert not window.banner.isVisible()
    assert window.attention_page.isVisible()  # the home page


def test_demo_vault_shows_a_banner_in_words(qtbot: QtBot, demo_services: Services) -> None:
    window = open_window(qtbot, demo_services)
    assert window.banner.isVisible()
    assert window.banner.text() == DEMO_TEXT == "DEMO VAULT — made-up records for trying PeerDesk"
    assert window.windowTitle().replace("[*]", "") == "PeerDesk — Demo Peers"


def test_navigation_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[:2] == ["Needs attention", "Peer workers"]
    assert window.pages.currentWidget() is window.attention_page  # home, after unlocking
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.pages.currentWidget() is window.psw_page
    assert titles[2] == "People"
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.pages.currentWidget() is window.people_page
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.pages.currentWidget() is window.teams_page
    if "Lists" in titles:
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        assert window.pages.currentIndex() == titles.index("Lists")
        qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.pages.currentWidget() is window.people_page
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.pages.currentWidget() is window.psw_page


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return "" if at < 0 else text.replace("&&", "")[at + 1].lower()


def test_menus_and_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Help"]
    file_items = [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]
    assert file_items == [
        "New peer worker",
        "Save peer worker",
        "Type up a contact sheet…",
        "Import volunteers…",
        "Export table…",
        "Trustees' report…",
        "Print blank forms…",
        "Back up now…",
        "Back up to another drive…",
        "Restore from a backup…",
        "Review retention…",
        "Change passphrase…",
        "Lock",
        "Quit",
    ]
    for menu in menus.values():
        keys = [_mnemonic(a.text()) for a in menu.actions() if a.text()]
        assert len([k for k in keys if k]) == len(set(k for k in keys if k)), keys
    assert window.psw_page.new_action.shortcut().toString() == "Ctrl+N"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    redo_keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert redo_keys == ["Ctrl+Shift+Z", "Ctrl+Y"]
    with qtbot.waitSignal(window.change_passphrase_requested):
        window.change_passphrase_action.trigger()

    window.psw_page.table.setFocus()
    qtbot.keyClick(window.psw_page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.psw_page.form.contact.full_name


def test_ctrl_z_and_ctrl_y_undo_and_redo_a_save(qtbot: QtBot, window: MainWindow) -> None:
    page = window.psw_page
    page.table.selectRow(0)
    name = page.form.contact.full_name
    assert name.text() == "Amir Haddad"
    type_text(qtbot, page.form.contact.known_as, "Ami")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_action.text() == "&Undo Edit Amir Haddad"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.form.contact.known_as.text() == ""
    qtbot.keyClick(page.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert page.form.contact.known_as.text() == "Ami"
    assert page.model.index(0, 1).data() == "Ami"


def test_closing_with_unsaved_edits_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [UnsavedChoice.CANCEL, UnsavedChoice.DISCARD]
    monkeypatch.setattr(message_boxes, "ask_unsaved", lambda _p, _n: answers.pop(0))
    window.psw_page.table.selectRow(1)
    type_text(qtbot, window.psw_page.form.contact.pronouns, "she/her")
    assert window.isWindowModified()
    window.close()
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert answers == []


def test_every_control_on_the_peer_workers_page_is_named(window: MainWindow) -> None:
    assert unnamed(window.psw_page) == []
    assert window.navigation.accessibleName() == "Pages"


TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def clipped(root: QWidget) -> list[str]:
    """Visible one-line labels, buttons and fields narrower or shorter than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, TEXT_WIDGETS):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):  # their insides
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if isinstance(widget.parent(), QTabBar):  # its scroll arrows are meant to be small
            continue
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            label = widget.accessibleName() or getattr(widget, "currentText", widget.text)()
            found.append(f"{type(widget).__name__} {label!r}")
    return found


def test_double_size_text_fits(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(big)
    try:
        services.psws.create(PswDetails(full_name="Siobhán Murphy-Ó Briain", email="not an email"))
        window = open_window(qtbot, services)
        window.psw_page.table.selectRow(0)
        qtbot.wait(10)
        for index in range(window.psw_page.form.tabs.count()):
            window.psw_page.form.tabs.setCurrentIndex(index)
            qtbot.wait(0)
            assert clipped(window) == [], window.psw_page.form.tabs.tabText(index)
        window.grab().save(str(tmp_path / "main-200.png"))
    finally:
        app.setFont(normal)


def mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_alt_keys_are_not_shared_on_any_tab(qtbot: QtBot, window: MainWindow) -> None:
    """Two visible controls on one Alt+letter would make that key hop instead of act."""
    form = window.psw_page.form
    window.psw_page.table.selectRow(0)
    form.lived_experience.add.click()
    menus = [mnemonic(a.text()) for a in window.menuBar().actions()]
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        qtbot.wait(0)
        keys = list(menus)
        for widget in window.psw_page.findChildren(QWidget):
            if not widget.isVisible():
                continue
            labelled = isinstance(widget, QLabel) and widget.buddy() is not None
            if labelled or isinstance(widget, QAbstractButton):
                keys.append(mnemonic(widget.text()))  # type: ignore[attr-defined]
        used = [k for k in keys if k]
        assert sorted(used) == sorted(set(used)), form.tabs.tabText(index)
