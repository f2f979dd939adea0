"""Changing the passphrase: the current one is checked, the recovery key keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from peerdesk.domain.errors import WrongPassphrase
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.ui.change_passphrase_dialog import CHANGED, ChangePassphraseDialog
from tests.conftest import ORGANISATION, PASSPHRASE
from tests.gui.typing_helpers import tab_through, type_text, unnamed

NEW = "Łukasz walks 9 grey whippets"


def _dialog(qtbot: QtBot, paths: VaultPaths) -> ChangePassphraseDialog:
    dialog = ChangePassphraseDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(
    qtbot: QtBot, dialog: ChangePassphraseDialog, current: str, new: str, repeat: str
) -> None:
    type_text(qtbot, dialog.current, current)
    type_text(qtbot, dialog.fields.passphrase_edit, new)
    type_text(qtbot, dialog.fields.repeat_edit, repeat)


def test_wrong_current_passphrase_changes_nothing(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    before = vault_paths.header.read_bytes()
    dialog = _dialog(qtbot, vault_paths)
    _fill(qtbot, dialog, "not my passphrase", NEW, NEW)

    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    assert "did not open this vault" in dialog.current_problem.text()
    assert dialog.current.selectedText() == "not my passphrase"
    assert dialog.fields.passphrase() == NEW  # nothing typed is lost
    assert not dialog.passphrase_changed
    assert vault_paths.header.read_bytes() == before


def test_new_passphrase_must_follow_the_rules_and_match(
    qtbot: QtBot, vault_paths: VaultPaths
) -> None:
    dialog = _dialog(qtbot, vault_paths)
    _fill(qtbot, dialog, PASSPHRASE, "short", "short")
    assert not dialog.change_button.isEnabled()
    assert "at least 10 characters" in dialog.problems.text()

    dialog.fields.clear()
    type_text(qtbot, dialog.fields.passphrase_edit, NEW)
    type_text(qtbot, dialog.fields.repeat_edit, NEW + "x")
    assert not dialog.change_button.isEnabled()
    assert "do not match" in dialog.problems.text()


def test_change_then_recovery_key_still_works(qtbot: QtBot, tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "vault")
    made = vault_service.create(
        paths, organisation=ORGANISATION, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    made.workspace.close()
    db_before = paths.db.read_bytes()
    dialog = _dialog(qtbot, paths)
    _fill(qtbot, dialog, PASSPHRASE, NEW, NEW)
    assert dialog.change_button.isEnabled()

    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    assert dialog.passphrase_changed
    assert dialog.done_message.isVisible()
    assert dialog.done_message.text() == CHANGED
    assert paths.db.read_bytes() == db_before  # only the key slot was rewritten
    vault_service.unlock(paths, NEW).close()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(paths, PASSPHRASE)
    vault_service.unlock_with_recovery_key(paths, made.recovery_key, PASSPHRASE).close()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_every_control_is_named_and_reached_with_tab(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    dialog = _dialog(qtbot, vault_paths)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert unnamed(dialog) == []
    visited = tab_through(qtbot, dialog.current)
    assert dialog.fields.passphrase_edit in visited and dialog.fields.repeat_edit in visited
