"""Locking: Ctrl+L, idle time, sleep and clock jumps hide everything and close the vault;
unlocking by keyboard brings the page back and offers unsaved edits back as a draft."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import StorageUnavailable
from peerdesk.domain.ids import PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.clipboard_guard import ClipboardGuard
from peerdesk.ui.form_drafts import RESTORE_QUESTION
from peerdesk.ui.idle_watch import IdleWatch
from peerdesk.ui.lock_session import LockSession
from peerdesk.ui.main_window import MainWindow
from tests.conftest import NOW, PASSPHRASE

NAMES = ("Amir Haddad", "Zoe Nguyen", "Maya Cole")


class WallClock:
    """Seconds since the epoch, moved only by the test."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Running:
    session: LockSession
    wall: WallClock
    idle: IdleWatch
    guard: ClipboardGuard
    clear_timer: QTimer
    first: PswId

    @property
    def window(self) -> MainWindow:
        assert self.session.window is not None
        return self.session.window

    def pass_seconds(self, seconds: int) -> None:
        """Let time pass with the heartbeat beating once a second."""
        for _ in range(seconds):
            self.wall.now += 1
            self.idle.beat()


def make_window(services: Services) -> MainWindow:
    window = MainWindow(services)
    window.show()
    window.activateWindow()
    return window


@pytest.fixture
def running(qtbot: QtBot, services: Services, clock: FixedClock) -> Iterator[Running]:
    first, _ = services.psws.create(PswDetails(full_name=NAMES[0]))
    services.psws.create(PswDetails(full_name=NAMES[1]))
    services.people.create(PersonDetails(full_name=NAMES[2], referred_on=NOW.date()))
    wall = WallClock()
    idle = IdleWatch(10, clock=wall, heartbeat=QTimer())
    clear_timer = QTimer()
    guard = ClipboardGuard(timer=clear_timer)
    session = LockSession(
        services,
        make_window,
        idle=idle,
        clipboard=guard,
        rebuild=lambda workspace: build(workspace, clock),
    )
    assert session.window is not None
    qtbot.waitExposed(session.window)
    yield Running(session, wall, idle, guard, clear_timer, first.id)
    if session.window is not None:
        session.window.psw_page.form.load(None)
        session.window.people_page.form.load(None)
        session.window.hide()
        session.window.deleteLater()
    if session.lock_screen is not None:
        session.lock_screen.hide()
        session.lock_screen.deleteLater()
    session.close()
    guard.deleteLater()
    idle.deleteLater()
    QApplication.clipboard().clear()


def shown_text() -> str:
    """Every piece of text a person could see now: window titles, labels, fields, tables."""
    seen: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        seen.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                seen.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                seen.append(widget.toPlainText())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                root = QModelIndex()
                for row in range(model.rowCount(root)):
                    column = 0
                    while model.index(row, column, root).isValid():
                        seen.append(str(model.index(row, column, root).data() or ""))
                        column += 1
    return "\n".join(seen)


def show_psws(window: MainWindow) -> None:
    window.navigation.setCurrentRow(window.pages.indexOf(window.psw_page))


def unlock_by_keyboard(qtbot: QtBot, running: Running, passphrase: str = PASSPHRASE) -> None:
    screen = running.session.lock_screen
    assert screen is not None
    field = screen.unlock.passphrase
    assert field.hasFocus() or QApplication.focusWidget() is None
    field.setFocus()
    qtbot.keyClicks(field, passphrase)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_ctrl_l_hides_every_name_closes_the_vault_and_zeroes_the_key(
    qtbot: QtBot, running: Running, services: Services
) -> None:
    window = running.window
    show_psws(window)
    qtbot.waitUntil(lambda: NAMES[0] in shown_text())
    key = engine_key(services.workspace.sessions.kw["bind"])
    assert key is not None and any(key)

    qtbot.keyClick(window.psw_page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert running.session.is_locked
    screen = running.session.lock_screen
    assert screen is not None and screen.isVisible()
    text = shown_text()
    assert not any(name in text for name in NAMES)
    assert "PeerDesk is locked" in text
    assert all(byte == 0 for byte in key)
    assert services.workspace.closed
    with pytest.raises(StorageUnavailable, match="locked"):
        services.psws.get(running.first)


def test_lock_closes_open_dialogs(qtbot: QtBot, running: Running) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "About Amir", NAMES[0], parent=running.window)
    box.open()
    assert box.isVisible()
    running.session.lock()
    assert not any(name in shown_text() for name in NAMES)


def test_unlocking_by_keyboard_shows_the_same_page_again(qtbot: QtBot, running: Running) -> None:
    show_psws(running.window)
    page = running.window.navigation.currentRow()
    running.window.lock_action.trigger()

    unlock_by_keyboard(qtbot, running, "not the passphrase")
    assert running.session.is_locked
    screen = running.session.lock_screen
    assert screen is not None
    qtbot.waitUntil(lambda: "passphrase" in shown_text().lower())
    assert screen.unlock.message.problems  # the unlock dialog's own plain message

    screen.unlock.passphrase.clear()
    screen.unlock.failures = 0
    screen.unlock.unlock_button.setEnabled(True)
    unlock_by_keyboard(qtbot, running)

    assert not running.session.is_locked
    assert running.window.navigation.currentRow() == page
    assert running.window.pages.currentWidget() is running.window.psw_page
    qtbot.waitUntil(lambda: NAMES[0] in shown_text())
    assert running.idle.armed


def test_idle_for_the_configured_minutes_locks(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.navigation.setCurrentRow(window.pages.indexOf(window.settings_page))
    section = window.settings_page.lock
    assert section.minutes.value() == 10  # the default
    section.minutes.setFocus()
    section.minutes.selectAll()
    qtbot.keyClicks(section.minutes, "3")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)  # input: idle starts again
    assert running.session.services.lock_settings.idle_minutes() == 3

    running.pass_seconds(120)
    qtbot.keyClick(section.minutes, Qt.Key.Key_Up)  # a key press two minutes in
    running.pass_seconds(179)
    assert not running.session.is_locked
    running.pass_seconds(1)
    assert running.session.is_locked
    assert not any(name in shown_text() for name in NAMES)


def test_default_ten_minutes(running: Running) -> None:
    running.pass_seconds(599)
    assert not running.session.is_locked
    running.pass_seconds(1)
    assert running.session.is_locked


def test_a_clock_jump_of_more_than_30_seconds_locks(running: Running) -> None:
    running.wall.now += 29  # a slow beat: not a sleep
    running.idle.beat()
    assert not running.session.is_locked
    running.wall.now += 31
    running.idle.beat()
    assert running.session.is_locked


def test_a_clock_set_back_locks_too(running: Running) -> None:
    running.wall.now -= 3600
    running.idle.beat()
    assert running.session.is_locked


def test_the_platform_saying_it_sleeps_locks(running: Running) -> None:
    running.idle.system_suspending()
    assert running.session.is_locked


def test_the_desktop_sleeping_or_locking_its_screen_locks(running: Running) -> None:
    running.session.session_signals.going_away.emit("screen lock")
    assert running.session.is_locked


def test_no_idle_lock_counts_while_locked(qtbot: QtBot, running: Running) -> None:
    running.session.lock()
    assert not running.idle.armed
    running.pass_seconds(3600)  # hours on the lock screen
    unlock_by_keyboard(qtbot, running)
    assert not running.session.is_locked
    running.pass_seconds(599)
    assert not running.session.is_locked


def test_unsaved_psw_edit_is_offered_back_after_unlocking(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    window = running.window
    assert window.open_psw(running.first)
    name = window.psw_page.form.contact.full_name
    name.setFocus()
    qtbot.keyClicks(name, " Marker-QZX")
    assert window.psw_page.form.is_dirty()

    running.session.lock()
    for path in vault_paths.folder.rglob("*"):
        if path.is_file():
            assert b"Marker-QZX" not in path.read_bytes(), path
    unlock_by_keyboard(qtbot, running)

    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None
    assert offers.box.text() == RESTORE_QUESTION
    assert running.session.services.drafts.waiting() == set()  # taken out either way
    qtbot.keyClick(offers.box, Qt.Key.Key_Return)  # Restore is the default
    form = running.window.psw_page.form
    assert form.current_id() == running.first
    assert form.contact.full_name.text() == f"{NAMES[0]} Marker-QZX"
    assert form.is_dirty()


def test_discarding_the_draft_keeps_the_saved_record(qtbot: QtBot, running: Running) -> None:
    window = running.window
    assert window.open_psw(running.first)
    qtbot.keyClicks(window.psw_page.form.contact.full_name, " edited")
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None
    discard = next(b for b in offers.box.buttons() if b.text() == "&Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    form = running.window.psw_page.form
    assert form.contact.full_name.text() == NAMES[0]
    assert not form.is_dirty()
    assert running.session.services.drafts.waiting() == set()


def test_a_new_unsaved_person_is_offered_back(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.navigation.setCurrentRow(window.pages.indexOf(window.people_page))
    window.people_page.new_person()
    form = window.people_page.form
    qtbot.keyClicks(form.referral.full_name, "Priya Draft")
    assert form.is_dirty()
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None
    qtbot.keyClick(offers.box, Qt.Key.Key_Return)
    again = running.window.people_page.form
    assert running.window.pages.currentWidget() is running.window.people_page
    assert again.current_id() is None
    assert again.referral.full_name.text() == "Priya Draft"
    assert again.is_dirty()


def test_nothing_offered_when_nothing_was_unsaved(qtbot: QtBot, running: Running) -> None:
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is None


def test_locking_clears_a_copy_peerdesk_made(qtbot: QtBot, running: Running) -> None:
    window = running.window
    assert window.open_psw(running.first)
    name = window.psw_page.form.contact.full_name
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == NAMES[0]
    assert running.guard.holding
    running.session.lock()
    assert QApplication.clipboard().text() == ""
