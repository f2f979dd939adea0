"""The unlock dialog: wrong passphrase, damaged vault, and unlocking with the recovery key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import WrongPassphrase
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.storage.vault.recovery_key import ALPHABET
from peerdesk.ui.unlock_dialog import UnlockDialog
from tests.conftest import ORGANISATION, PASSPHRASE
from tests.gui.typing_helpers import tab_through, type_text, unnamed

WRONG = "That passphrase did not open this vault. Check Caps Lock and try again."
NEW_PASSPHRASE = "Zoë's orange bicycle 42 meadow"


def _dialog(qtbot: QtBot, paths: VaultPaths) -> UnlockDialog:
    dialog = UnlockDialog(paths, ORGANISATION)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _files(paths: VaultPaths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.folder.iterdir())}


def _close(dialog: UnlockDialog) -> None:
    assert dialog.workspace is not None
    dialog.workspace.close()


@pytest.fixture
def fresh_vault(tmp_path: Path) -> tuple[VaultPaths, str]:
    """A new vault whose recovery key the test knows."""
    paths = VaultPaths(tmp_path / "fresh")
    made = vault_service.create(
        paths, organisation=ORGANISATION, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    made.workspace.close()
    return paths, made.recovery_key


def test_wrong_passphrase_says_so_and_changes_no_file(
    qtbot: QtBot, vault_paths: VaultPaths
) -> None:
    before = _files(vault_paths)
    dialog = _dialog(qtbot, vault_paths)
    type_text(qtbot, dialog.passphrase, "not the passphrase at all")

    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    assert dialog.workspace is None and dialog.isVisible()
    assert WRONG in dialog.message.text()
    assert dialog.passphrase.selectedText() == "not the passphrase at all"  # ready to retype
    assert not dialog.storage_error.isVisible()
    assert _files(vault_paths) == before


def test_the_right_passphrase_gives_a_workspace(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = _dialog(qtbot, vault_paths)
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase.text() == ""
    _close(dialog)


def test_repeated_failures_add_a_short_wait(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = _dialog(qtbot, vault_paths)
    for attempt in range(3):
        dialog.passphrase.clear()
        type_text(qtbot, dialog.passphrase, f"wrong guess number {attempt}")
        dialog.unlock()
    assert not dialog.unlock_button.isEnabled()
    assert "try again in 1 second" in dialog.message.text()
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=3000)
    assert WRONG in dialog.message.text()


def test_a_damaged_vault_is_never_reported_as_a_wrong_passphrase(
    qtbot: QtBot, vault_paths: VaultPaths
) -> None:
    size = vault_paths.db.stat().st_size
    vault_paths.db.write_bytes(os.urandom(size))  # the key header is still valid
    dialog = _dialog(qtbot, vault_paths)
    type_text(qtbot, dialog.passphrase, PASSPHRASE)

    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    assert dialog.workspace is None
    shown = dialog.storage_error.text()
    assert dialog.storage_error.isVisible()
    assert "damaged" in shown
    assert "not a problem with the passphrase" in shown
    assert str(vault_paths.folder) in shown
    assert WRONG not in shown and dialog.message.text() == ""


def test_recovery_key_typo_names_the_group(
    qtbot: QtBot, fresh_vault: tuple[VaultPaths, str]
) -> None:
    paths, key = fresh_vault
    groups = key.split("-")
    first = groups[2][0]
    groups[2] = ALPHABET[(ALPHABET.index(first) + 1) % len(ALPHABET)] + groups[2][1:]
    typo = " ".join(groups)
    before = _files(paths)
    dialog = _dialog(qtbot, paths)
    qtbot.mouseClick(dialog.forgotten_button, Qt.MouseButton.LeftButton)
    assert dialog.recovery_key.isVisible() and not dialog.passphrase.isVisible()

    type_text(qtbot, dialog.recovery_key, typo)
    type_text(qtbot, dialog.new_passphrase.passphrase_edit, NEW_PASSPHRASE)
    type_text(qtbot, dialog.new_passphrase.repeat_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)

    assert dialog.workspace is None
    assert "Group 3" in dialog.key_problem.text()
    assert dialog.recovery_key.selectedText() == groups[2]  # selected, ready to retype
    assert _files(paths) == before


def test_recovery_key_and_new_passphrase_unlock(
    qtbot: QtBot, fresh_vault: tuple[VaultPaths, str]
) -> None:
    paths, key = fresh_vault
    dialog = _dialog(qtbot, paths)
    dialog.forgotten_button.click()
    type_text(qtbot, dialog.recovery_key, key.lower().replace("-", " "))
    type_text(qtbot, dialog.new_passphrase.passphrase_edit, NEW_PASSPHRASE)
    assert not dialog.recover_button.isEnabled()  # not repeated yet
    type_text(qtbot, dialog.new_passphrase.repeat_edit, NEW_PASSPHRASE)
    assert dialog.recover_button.isEnabled()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)

    _close(dialog)
    vault_service.unlock(paths, NEW_PASSPHRASE).close()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(paths, PASSPHRASE)


def test_back_returns_to_the_passphrase(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = _dialog(qtbot, vault_paths)
    dialog.forgotten_button.click()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase.isVisible() and not dialog.recovery_key.isVisible()


def test_both_pages_are_named_and_keyboard_operable(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = _dialog(qtbot, vault_paths)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert unnamed(dialog) == []
    visited = tab_through(qtbot, dialog.passphrase)
    assert dialog.forgotten_button in visited and dialog.unlock_button in visited

    dialog.forgotten_button.setFocus()
    qtbot.keyClick(dialog.forgotten_button, Qt.Key.Key_Space)
    assert dialog.recovery_key.isVisible()
    visited = tab_through(qtbot, dialog.recovery_key)
    assert dialog.new_passphrase.repeat_edit in visited and dialog.back_button in visited
