"""The data folder's state: what PeerDesk says about it, and that it never changes a file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import NoReturn

import pytest

from peerdesk.domain.errors import StorageUnavailable, VaultDamaged, VaultMissing
from peerdesk.storage.vault.files import VaultPaths, VaultState, inspect, write_atomic


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _refuse_with(number: int) -> object:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise OSError(number, os.strerror(number))

    return refuse


def test_paths_name_the_three_files(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    assert paths.db == tmp_path / "peerdesk.vault"
    assert paths.header == tmp_path / "peerdesk.keys"
    assert paths.lock == tmp_path / "peerdesk.lock"


def test_missing_folder_is_created_when_allowed(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "a" / "b")
    assert inspect(paths, may_create_folder=True) is VaultState.NEEDS_SETUP
    assert paths.folder.is_dir()
    assert list(paths.folder.iterdir()) == []


def test_missing_folder_is_reported_when_not_allowed(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "usb")
    with pytest.raises(VaultMissing) as caught:
        inspect(paths, may_create_folder=False)
    assert str(caught.value) == (
        f"The data folder {paths.folder} does not exist. Plug in the drive it is on, or choose "
        "another folder with --data-dir."
    )
    assert not paths.folder.exists()


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StorageUnavailable, match="is a file, not a folder"):
        inspect(VaultPaths(tmp_path / "data"), may_create_folder=True)


def test_empty_folder_needs_setup_and_is_left_empty(tmp_path: Path) -> None:
    assert inspect(VaultPaths(tmp_path), may_create_folder=False) is VaultState.NEEDS_SETUP
    assert list(tmp_path.iterdir()) == []


def test_both_files_present_is_ready(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    paths.db.write_bytes(b"x" * 4096)
    paths.header.write_bytes(b"{}")
    assert inspect(paths, may_create_folder=False) is VaultState.READY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["peerdesk.keys", "peerdesk.vault"]


def test_zero_byte_vault_is_damaged_and_left_alone(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    paths.db.write_bytes(b"")
    paths.header.write_bytes(b"{}")
    before = _snapshot(tmp_path)
    with pytest.raises(VaultDamaged, match=r"is empty \(0 bytes\).*will not replace it"):
        inspect(paths, may_create_folder=False)
    assert _snapshot(tmp_path) == before


def test_missing_key_file_is_damaged_and_not_replaced(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    paths.db.write_bytes(b"x" * 4096)
    with pytest.raises(VaultDamaged) as caught:
        inspect(paths, may_create_folder=False)
    message = str(caught.value)
    assert "peerdesk.keys is missing" in message
    assert "will not replace it" in message
    assert "backup" in message
    assert _snapshot(tmp_path) == {"peerdesk.vault": b"x" * 4096}


def test_key_file_without_vault_is_missing(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    paths.header.write_bytes(b"{}")
    with pytest.raises(VaultMissing, match="not the vault"):
        inspect(paths, may_create_folder=False)
    assert _snapshot(tmp_path) == {"peerdesk.keys": b"{}"}


@pytest.mark.parametrize("has_vault", [False, True])
def test_read_only_folder_is_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_vault: bool
) -> None:
    # Tests run as root, where chmod does not stop writes: make the probe fail instead.
    paths = VaultPaths(tmp_path)
    if has_vault:
        paths.db.write_bytes(b"x" * 4096)
        paths.header.write_bytes(b"{}")
    monkeypatch.setattr(tempfile, "mkstemp", _refuse_with(errno.EROFS))
    with pytest.raises(StorageUnavailable) as caught:
        inspect(paths, may_create_folder=False)
    assert str(caught.value).startswith(
        f"PeerDesk cannot write to the data folder {tmp_path} (it is read-only)."
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere"
)
def test_really_read_only_folder_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH)
    try:
        with pytest.raises(StorageUnavailable, match="read-only"):
            inspect(VaultPaths(folder), may_create_folder=False)
    finally:
        folder.chmod(0o755)


def test_write_atomic_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "peerdesk.keys"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert _snapshot(tmp_path) == {"peerdesk.keys": b"new"}


def test_write_atomic_on_a_full_disk_keeps_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "peerdesk.keys"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", _refuse_with(errno.ENOSPC))
    with pytest.raises(StorageUnavailable, match="the disk is full"):
        write_atomic(target, b"new" * 1000)
    assert _snapshot(tmp_path) == {"peerdesk.keys": b"old"}


def test_write_atomic_when_no_temp_file_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", _refuse_with(errno.EACCES))
    with pytest.raises(StorageUnavailable, match="read-only"):
        write_atomic(tmp_path / "peerdesk.keys", b"new")
    assert list(tmp_path.iterdir()) == []


def test_a_write_clears_old_temporary_copies_left_by_a_killed_write(tmp_path: Path) -> None:
    target = tmp_path / "peerdesk.keys"
    stale = tmp_path / ".peerdesk.keys.killed.tmp"
    fresh = tmp_path / ".peerdesk.keys.inprogress.tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a header")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert not stale.exists()
    assert fresh.exists()  # may belong to a write still going on in another process
