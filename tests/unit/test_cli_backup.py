"""``peerdesk backup`` and ``peerdesk restore``: a round trip, and the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.storage import backups
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE


def test_backup_to_a_folder_then_restore_it_onto_another(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    usb = tmp_path / "usb"
    assert main(["backup", "--data-dir", str(vault_paths.folder), "--to", str(usb)]) == 0
    assert "Backed up and verified" in capsys.readouterr().out
    [made] = backups.list_backups(usb)
    other = tmp_path / "other laptop"
    assert main(["restore", str(made.path), "--data-dir", str(other)]) == 2  # no --yes, no tty
    assert not (other / "peerdesk.vault").exists()
    assert main(["restore", str(made.path), "--data-dir", str(other), "--yes"]) == 0
    assert "Restored the backup" in capsys.readouterr().out
    assert main(["due", "--data-dir", str(other)]) == 0


def test_backup_inside_the_vault_folder_is_refused(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    inside = vault_paths.folder / "mine"
    assert main(["backup", "--data-dir", str(vault_paths.folder), "--to", str(inside)]) == 1
    assert "outside PeerDesk's data folder" in capsys.readouterr().err
    assert not inside.exists()


def test_restore_of_something_that_is_not_a_backup(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["restore", str(tmp_path), "--data-dir", str(vault_paths.folder), "--yes"])
    assert code == 1
    assert "is not a PeerDesk backup" in capsys.readouterr().err
