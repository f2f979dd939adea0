"""Forgotten passphrase leads to the recovery key; both it and set-up say who can open a vault."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.ui.setup_dialog import SetupDialog
from peerdesk.ui.unlock_dialog import UnlockDialog
from tests.conftest import ORGANISATION

NOBODY_ELSE = (
    "Nobody can open this vault without your passphrase or recovery key, not even PeerDesk's "
    "makers."
)
SHOTS = Path(os.environ.get("PEERDESK_SHOTS", "/tmp/shots"))


def _shoot(widget: object, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_forgotten_passphrase_by_mouse_shows_the_recovery_page(
    qtbot: QtBot, vault_paths: VaultPaths
) -> None:
    dialog = UnlockDialog(vault_paths, ORGANISATION)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.forgotten_button.text() == "&Forgotten passphrase?"
    assert not dialog.nobody_else.isVisible()  # said on the recovery page, not before

    qtbot.mouseClick(dialog.forgotten_button, Qt.MouseButton.LeftButton)

    assert dialog.recovery_key.isVisible() and not dialog.passphrase.isVisible()
    assert dialog.nobody_else.isVisible() and dialog.nobody_else.text() == NOBODY_ELSE
    assert dialog.focusWidget() is dialog.recovery_key
    _shoot(dialog, "unlock_recovery_page")


def test_forgotten_passphrase_by_its_mnemonic(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = UnlockDialog(vault_paths, ORGANISATION)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(dialog.recovery_key.isVisible)  # a mnemonic "animates" the click first
    assert dialog.nobody_else.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(dialog.passphrase.isVisible)
    assert not dialog.nobody_else.isVisible()


def test_set_up_says_nobody_else_can_open_the_vault(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SetupDialog(VaultPaths(tmp_path / "vault"), kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.nobody_else.isVisible() and dialog.nobody_else.text() == NOBODY_ELSE
    _shoot(dialog, "setup_dialog")
