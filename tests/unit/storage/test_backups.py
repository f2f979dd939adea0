"""Backups by VACUUM INTO: WAL commits included, verified, damage caught, faults leave nothing."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.domain.errors import VaultDamaged
from peerdesk.services import vault_service
from peerdesk.storage import backups, settings_store
from peerdesk.storage.backup_manifest import AUTOMATIC, ON_DEMAND
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import DB_NAME, HEADER_NAME, VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import PASSPHRASE

NOW = dt.datetime(2026, 11, 23, 14, 5, 9)


@pytest.fixture
def workspace(vault_paths: VaultPaths) -> Iterator[Workspace]:
    ws = vault_service.unlock(vault_paths, PASSPHRASE)
    yield ws
    ws.close()


def _backup(ws: Workspace, folder: Path, **kw: object) -> backups.BackupInfo:
    return backups.make_backup(
        backups.engine_of(ws),
        ws.paths,
        folder,
        now=NOW,
        reason=kw.pop("reason", ON_DEMAND),
        **kw,  # type: ignore[arg-type]
    )


def _key(ws: Workspace) -> bytearray:
    key = engine_key(backups.engine_of(ws))
    assert key is not None
    return key


def test_commits_only_in_the_wal_are_in_the_backup(workspace: Workspace, tmp_path: Path) -> None:
    for n in range(500):
        with workspace.transaction() as s:
            settings_store.write(s, f"marker-{n}", "x")
    assert os.path.getsize(f"{workspace.paths.db}-wal") > 0
    info = _backup(workspace, tmp_path / "b")
    assert info.verified
    assert info.path.name == "2026-11-23_140509"
    assert sorted(p.name for p in info.path.iterdir()) == sorted(
        [DB_NAME, "manifest.json", HEADER_NAME]
    )
    connection = backups.open_read_only(info.path / DB_NAME, _key(workspace))
    try:
        count = connection.execute("SELECT count(*) FROM setting WHERE key LIKE 'marker-%'")
        assert count.fetchone()[0] == 500
    finally:
        connection.close()
    assert info.counts["setting"] >= 500
    assert info.revision == "0011"
    listed = backups.list_backups(tmp_path / "b")
    assert [b.path for b in listed] == [info.path] and listed[0].verified
    vault_id = backups.vault_id_of(workspace.paths.header)
    assert backups.newest_verified(tmp_path / "b", vault_id) == listed[0]
    assert backups.newest_verified(tmp_path / "b", "another vault") is None


def test_a_label_and_a_second_backup_in_the_same_second_get_their_own_folders(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = _backup(workspace, tmp_path, label="USB stick / Friday")
    second = _backup(workspace, tmp_path, label="USB stick / Friday", reason=AUTOMATIC)
    assert first.path.name == "2026-11-23_140509-USB-stick-Friday"
    assert second.path.name == "2026-11-23_140509-USB-stick-Friday-2"
    assert second.automatic and not first.automatic


@pytest.mark.parametrize("offset", ["middle", "header-of-db"])
def test_verification_catches_a_damaged_copy(
    workspace: Workspace, tmp_path: Path, offset: str
) -> None:
    info = _backup(workspace, tmp_path)
    db = info.path / DB_NAME
    data = bytearray(db.read_bytes())
    where = len(data) // 2 if offset == "middle" else 40
    data[where] ^= 0xFF
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        backups.verify(info.path, _key(workspace))


@pytest.mark.parametrize("damage", ["empty", "truncated", "no header", "manifest"])
def test_broken_backups_are_refused_plainly(
    workspace: Workspace, tmp_path: Path, damage: str
) -> None:
    info = _backup(workspace, tmp_path)
    if damage == "empty":
        (info.path / DB_NAME).write_bytes(b"")
    elif damage == "truncated":
        db = info.path / DB_NAME
        db.write_bytes(db.read_bytes()[:8192])
    elif damage == "no header":
        (info.path / HEADER_NAME).unlink()
    else:
        (info.path / "manifest.json").write_text("{not json")
    with pytest.raises(VaultDamaged) as caught:
        backups.verify(info.path, _key(workspace))
    assert str(info.path) in str(caught.value)


def test_a_failed_verification_removes_the_folder(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(path: Path, key: bytearray) -> None:
        raise VaultDamaged("bad")

    monkeypatch.setattr(backups, "verify", damaged)
    with pytest.raises(backups.BackupFailed, match="did not read back correctly"):
        _backup(workspace, tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []


def test_drive_pulled_mid_backup_leaves_no_partial_folder(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = _backup(workspace, tmp_path / "b", label="earlier")

    def pulled(path: Path, data: bytes) -> None:
        raise OSError(5, "Input/output error", str(path))

    monkeypatch.setattr(backups, "_write_synced", pulled)
    with pytest.raises(backups.BackupFailed) as caught:
        _backup(workspace, tmp_path / "b")
    assert str(caught.value) == "Backup stopped: the drive was removed. Nothing else changed."
    assert [p.name for p in (tmp_path / "b").iterdir()] == [earlier.path.name]
    with workspace.reading() as s:
        assert settings_store.read_all(s)


def test_a_full_drive_is_named(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Usage:
        free = 10

    monkeypatch.setattr(backups.shutil, "disk_usage", lambda folder: Usage())
    with pytest.raises(backups.BackupFailed, match="not enough space"):
        _backup(workspace, tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []
