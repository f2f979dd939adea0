"""Setting up, unlocking and re-keying a vault through the service the window uses."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from peerdesk.domain.errors import (
    StorageUnavailable,
    ValidationFailed,
    VaultAlreadyExists,
    VaultDamaged,
    VaultMissing,
    WrongPassphrase,
)
from peerdesk.domain.psw import PswDetails, PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths, VaultState
from peerdesk.storage.vault.keyslots import TEST_KDF

PASS = "tea and biscuits at ten"


def make(folder: Path) -> VaultPaths:
    paths = VaultPaths(folder)
    made = vault_service.create(paths, organisation="Org", passphrase=PASS, kdf=TEST_KDF)
    made.workspace.close()
    return paths


def test_everything_is_there_after_closing_and_unlocking_again(tmp_path: Path) -> None:
    paths = make(tmp_path / "v")
    services = build(vault_service.unlock(paths, PASS))
    services.psws.create(PswDetails(full_name="Zoë Nguyễn"))
    services.close()
    again = build(vault_service.unlock(paths, PASS))
    assert [r.full_name for r in again.psws.rows(again.psws.find_ids(PswQuery()))] == ["Zoë Nguyễn"]
    assert again.settings.organisation().name == "Org"
    again.close()


def test_wrong_passphrase_leaves_files_untouched(tmp_path: Path) -> None:
    paths = make(tmp_path / "v")
    before = (paths.db.read_bytes(), paths.header.read_bytes())
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(paths, "not the passphrase")
    assert (paths.db.read_bytes(), paths.header.read_bytes()) == before


def test_damaged_database_is_not_called_a_wrong_passphrase(tmp_path: Path) -> None:
    paths = make(tmp_path / "v")
    paths.db.write_bytes(os.urandom(8192))
    with pytest.raises(VaultDamaged):
        vault_service.unlock(paths, PASS)


def test_zero_byte_vault_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    paths = VaultPaths(folder)
    paths.db.write_bytes(b"")
    with pytest.raises(VaultDamaged):
        vault_service.state(paths, may_create_folder=False)
    with pytest.raises((VaultAlreadyExists, VaultDamaged)):
        vault_service.create(paths, organisation="Org", passphrase=PASS, kdf=TEST_KDF)
    assert paths.db.read_bytes() == b"" and not paths.header.exists()


def test_a_chosen_folder_that_is_missing_gets_a_specific_message(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing, match="does not exist"):
        vault_service.state(VaultPaths(tmp_path / "usb"), may_create_folder=False)
    assert vault_service.state(VaultPaths(tmp_path / "new"), may_create_folder=True) is (
        VaultState.NEEDS_SETUP
    )


def test_read_only_folder_gets_a_specific_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StorageUnavailable, match="read-only"):
        vault_service.state(VaultPaths(tmp_path), may_create_folder=False)


def test_passphrase_change_keeps_the_data_and_the_database_bytes(tmp_path: Path) -> None:
    paths = make(tmp_path / "v")
    db_before = paths.db.read_bytes()
    with pytest.raises(ValidationFailed):
        vault_service.change_passphrase(paths, PASS, "short", "short")
    vault_service.change_passphrase(paths, PASS, "a brand new passphrase", "a brand new passphrase")
    assert paths.db.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(paths, PASS)
    vault_service.unlock(paths, "a brand new passphrase").close()


def test_setup_problems_explain_themselves() -> None:
    found = {p.message for p in vault_service.setup_problems("  ", "short", "shorter")}
    assert "Enter your organisation's name." in found
    assert "The two passphrases do not match." in found


def test_create_refuses_over_an_existing_vault(tmp_path: Path) -> None:
    paths = make(tmp_path / "v")
    with pytest.raises(VaultAlreadyExists):
        vault_service.create(paths, organisation="Other", passphrase=PASS, kdf=TEST_KDF)
