"""Restore from a backup: a wrong passphrase said plainly, the preview, then the restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.ui.backup_menu import made_text
from peerdesk.ui.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed
from tests.unit.services.checks_helpers import new_psw


def test_check_then_restore(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    new_psw(services, "Priya Shah")
    made = services.backups.back_up(tmp_path / "usb")
    assert "copy backups to a USB stick" in made_text(made)
    new_psw(services, "Added Later")
    dialog = RestoreDialog(services, made.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []
    type_text(qtbot, dialog.secret, "not the one")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Problem: That passphrase did not open")
    assert not dialog.restore_button.isEnabled()
    dialog.secret.clear()
    type_text(qtbot, dialog.secret, PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    shown = dialog.message.text()
    assert "Peer workers: 1 in the backup, 2 now" in shown
    assert "Nothing has been erased since then." in shown
    assert dialog.restore_button.isEnabled()
    dialog.grab().save("/tmp/shots/restore_dialog.png")
    seen = answer_next_modal(click_button("OK"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored
    assert seen and "PeerDesk will now close" in seen[0]
    assert services.workspace.closed


def test_back_up_now_from_the_file_menu_says_where_it_went(
    qtbot: QtBot, services: Services
) -> None:
    from peerdesk.ui.main_window import MainWindow

    new_psw(services, "Priya Shah")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    seen = answer_next_modal(click_button("OK"))
    window.backup_actions.back_up_now.trigger()
    assert seen and "backup" in seen[0].lower()
    made = services.backups.listed()
    assert len(made) == 1 and made[0].verified
