"""The first-run dialog: passphrase rules, creating the vault, confirming the recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.ui.setup_dialog import SetupDialog
from tests.gui.typing_helpers import tab_through, type_text, unnamed

ORGANISATION = "Zoë's Peer Support — Łódź 李"
STRONG = "violet tractor mango 7 harbour"


def _dialog(qtbot: QtBot, folder: Path) -> SetupDialog:
    dialog = SetupDialog(VaultPaths(folder), kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_short_passphrase_keeps_create_disabled_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path / "vault")
    assert not dialog.create_button.isEnabled()
    assert not dialog.problems.isVisible()  # nothing typed yet: nothing to complain about

    type_text(qtbot, dialog.organisation, ORGANISATION)
    type_text(qtbot, dialog.fields.passphrase_edit, "short")

    assert not dialog.create_button.isEnabled()
    assert dialog.problems.isVisible()
    assert "at least 10 characters" in dialog.problems.text()
    assert "Too short" in dialog.fields.meter.bar.text()  # in words, not colour alone
    assert not (tmp_path / "vault").exists()


def test_mismatch_is_shown_only_once_the_repeat_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "vault")
    type_text(qtbot, dialog.organisation, ORGANISATION)
    type_text(qtbot, dialog.fields.passphrase_edit, STRONG)
    assert "do not match" not in dialog.problems.text()
    type_text(qtbot, dialog.fields.repeat_edit, STRONG[:-1])
    assert "do not match" in dialog.problems.text()
    assert not dialog.create_button.isEnabled()


def test_show_toggle_reveals_both_passphrase_fields(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "vault")
    dialog.fields.show_toggle.click()
    edits = (dialog.fields.passphrase_edit, dialog.fields.repeat_edit)
    assert all(e.echoMode() == e.EchoMode.Normal for e in edits)
    dialog.fields.show_toggle.click()
    assert all(e.echoMode() == e.EchoMode.Password for e in edits)


def test_creating_shows_the_recovery_key_which_must_be_confirmed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = VaultPaths(tmp_path / "vault")
    dialog = _dialog(qtbot, paths.folder)
    type_text(qtbot, dialog.organisation, ORGANISATION)
    type_text(qtbot, dialog.fields.passphrase_edit, STRONG)
    type_text(qtbot, dialog.fields.repeat_edit, STRONG)
    assert dialog.fields.meter.label in ("Good", "Strong")
    assert dialog.create_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert paths.db.exists() and paths.header.exists()
    recovery = dialog.recovery_key_dialog
    assert recovery is not None and recovery.isVisible()
    assert dialog.fields.passphrase() == ""  # not kept in the widgets
    last = recovery.groups[-1]
    assert len(recovery.groups) == 8
    assert not recovery.continue_button.isEnabled()
    assert not recovery.last_group.isEnabled()  # tick first

    qtbot.keyClick(recovery, Qt.Key.Key_Escape)  # cannot be dismissed unconfirmed
    assert recovery.isVisible()

    recovery.written.click()
    type_text(qtbot, recovery.last_group, "ZZZZZ")
    assert not recovery.continue_button.isEnabled()
    assert "does not match group 8" in recovery.mismatch.text()

    recovery.last_group.clear()
    type_text(qtbot, recovery.last_group, last.lower())  # case does not matter
    assert recovery.continue_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace is not None
    services = build(dialog.workspace)
    try:
        assert services.settings.organisation().name == ORGANISATION
    finally:
        services.close()


def test_a_refused_create_keeps_everything_typed(qtbot: QtBot, vault_paths: VaultPaths) -> None:
    before = vault_paths.header.read_bytes()
    dialog = _dialog(qtbot, vault_paths.folder)  # a vault is already there
    type_text(qtbot, dialog.organisation, ORGANISATION)
    type_text(qtbot, dialog.fields.passphrase_edit, STRONG)
    type_text(qtbot, dialog.fields.repeat_edit, STRONG)

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.workspace is None and dialog.recovery_key_dialog is None
    assert "already" in dialog.error.text()
    assert dialog.organisation.text() == ORGANISATION
    assert dialog.fields.passphrase() == STRONG and dialog.fields.repeat() == STRONG
    assert dialog.create_button.isEnabled()
    assert vault_paths.header.read_bytes() == before


def test_every_control_is_named_and_reached_with_tab(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "vault")
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert unnamed(dialog) == []
    visited = tab_through(qtbot, dialog.organisation)
    fields = dialog.fields
    for widget in (fields.passphrase_edit, fields.repeat_edit, fields.show_toggle):
        assert widget in visited
    assert dialog.cancel_button in visited
