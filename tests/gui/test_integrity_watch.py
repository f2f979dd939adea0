"""Integrity checks from the window: after it is up, on demand, and the damage screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.integrity import SOUND
from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui import integrity_watch, needs_attention_page
from peerdesk.ui.damage_screen import TITLE, DamageScreen
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.restore_dialog import DAMAGED_ERASURES, RestoreDialog
from tests.conftest import PASSPHRASE
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed
from tests.unit.services.integrity_helpers import damage_a_data_page, fill, read_everything


def _window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)  # nothing is typed, so closing never asks about unsaved edits
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def damaged(vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """Services on a vault with a damaged page. Needs attention, the first page shown, may meet
    the damage itself and say so in its own box first: recorded here instead."""
    monkeypatch.setattr(needs_attention_page, "show_error", lambda _parent, _error: None)
    fill(vault_paths, backup=True)
    services = damage_a_data_page(vault_paths)
    yield services
    services.close()


def test_the_quick_check_runs_only_after_the_window_is_up_then_the_weekly_full_check(
    qtbot: QtBot, services: Services
) -> None:
    window = _window(qtbot, services)
    window.integrity_watch.start(0)
    assert services.integrity.last_full_check() is None  # queued, not run while starting
    qtbot.waitUntil(lambda: services.integrity.last_full_check() is not None)
    assert window.integrity_watch.screen is None
    assert window.centralWidget().isVisible()


def test_check_the_vault_from_the_help_menu_says_it_is_sound(
    qtbot: QtBot, services: Services
) -> None:
    window = _window(qtbot, services)
    action = window.integrity_watch.action
    assert action.text() == "&Check the vault…"
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    assert action in help_menu.actions()
    action.trigger()
    box = window.integrity_watch.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == SOUND
    assert action.isEnabled()
    box.close()


def test_damage_found_after_start_sets_the_vault_aside_and_blocks_the_window(
    qtbot: QtBot, damaged: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[str] = []
    monkeypatch.setattr(integrity_watch, "quit_app", lambda: quits.append("quit"))
    paths = damaged.paths
    window = _window(qtbot, damaged)
    window.integrity_watch.start(0)
    qtbot.waitUntil(lambda: window.integrity_watch.screen is not None)
    screen = window.integrity_watch.screen
    assert isinstance(screen, DamageScreen) and screen.isVisible() and screen.isModal()
    assert screen.windowTitle() == TITLE
    assert screen.message.text() == (
        "PeerDesk found damage and set the vault aside unchanged. "
        "Newest good backup: Fri 14 Mar, 17:30."
    )
    quarantined = next((paths.folder / "quarantine").iterdir())
    assert str(quarantined) in screen.steps.text()
    assert {p.name for p in quarantined.iterdir()} >= {"peerdesk.vault", "peerdesk.keys"}
    assert not paths.db.exists()
    assert not window.centralWidget().isVisible()  # nothing from the vault left on screen
    assert not window.menuBar().isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # cannot be waved away
    assert screen.isVisible()
    assert unnamed(screen) == []
    screen.grab().save("/tmp/shots/damage_screen.png")
    qtbot.keyClick(screen.quit_button, Qt.Key.Key_Space)
    assert quits == ["quit"]


def test_damage_met_by_an_ordinary_read_shows_the_same_screen(
    qtbot: QtBot, damaged: Services
) -> None:
    window = _window(qtbot, damaged)
    with pytest.raises(VaultDamaged):
        read_everything(damaged.workspace)
    qtbot.waitUntil(lambda: window.integrity_watch.screen is not None)
    assert window.integrity_watch.screen.message.text().startswith(  # type: ignore[union-attr]
        "PeerDesk found damage and set the vault aside unchanged."
    )


def test_the_damage_screen_restores_the_newest_backup(
    qtbot: QtBot, damaged: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    left: list[str] = []
    monkeypatch.setattr(integrity_watch, "leave_after_restore", lambda: left.append("left"))
    paths = damaged.paths
    backup = next((paths.folder / "backups").iterdir())
    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str) -> str:
        asked.append(start)
        return str(backup)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    window = _window(qtbot, damaged)
    window.integrity_watch.start(0)
    qtbot.waitUntil(lambda: window.integrity_watch.screen is not None)
    screen = window.integrity_watch.screen
    assert screen is not None and screen.restore.isDefault()
    shown: list[str] = []

    def restore_when_open(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            if tries:
                QTimer.singleShot(10, lambda: restore_when_open(tries - 1))
            return
        type_text(qtbot, dialog.secret, PASSPHRASE)
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        shown.append(dialog.message.text())
        answer_next_modal(click_button("OK"))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, restore_when_open)
    qtbot.keyClick(screen.restore, Qt.Key.Key_Space)
    assert asked == [str(paths.folder / "backups")]
    assert shown and "Peer workers: 120 in the backup" in shown[0]
    assert " now" not in shown[0]  # the damaged vault is neither read nor counted
    assert DAMAGED_ERASURES in shown[0]
    assert left == ["left"]
    restored = build(vault_service.unlock(paths, PASSPHRASE))
    try:
        assert restored.psws.count(PswQuery()) == 120
    finally:
        restored.close()
    assert len(list((paths.folder / "quarantine").iterdir())) == 1  # still set aside
