"""Encrypted everywhere, typed by hand: a marker typed into the PSW form reaches no plain file."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.psw_form import PswForm
from tests.gui.typing_helpers import type_text
from tests.unit.test_encrypted_everywhere import MARKER, WIDE, every_file, leaks, vault_files


@pytest.fixture(autouse=True)
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR pointed at an empty folder before the vault is opened (autouse: first)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield folder


def test_a_marker_typed_into_the_psw_form_is_saved_only_encrypted(
    qtbot: QtBot, form: PswForm, services: Services, vault_paths: VaultPaths, temp_dir: Path
) -> None:
    c = form.contact
    for field in (
        c.full_name, c.known_as, c.pronouns, c.emergency_name, c.emergency_relationship,
        c.address, c.notes,
    ):  # fmt: skip
        type_text(qtbot, field, f"{MARKER} {WIDE}")
    type_text(qtbot, c.email, f"{MARKER.lower()}@example.org")
    qtbot.waitUntil(form.save_button.isEnabled)

    qtbot.keyClick(c.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    psw = form.current()
    assert psw is not None, form.problems()
    stored = services.psws.get(psw.id).details
    assert stored.notes == f"{MARKER} {WIDE}" and stored.full_name == f"{MARKER} {WIDE}"
    assert leaks(vault_files(vault_paths)) == []  # with the WAL in use
    services.close()
    assert leaks(vault_files(vault_paths) + every_file(temp_dir)) == []
