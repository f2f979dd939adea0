"""The vault's files on disk: where they are, what state the folder is in, atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from peerdesk.domain.errors import StorageUnavailable, VaultDamaged, VaultMissing

DB_NAME = "peerdesk.vault"
HEADER_NAME = "peerdesk.keys"
LOCK_NAME = "peerdesk.lock"

_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


@dataclass(frozen=True)
class VaultPaths:
    """The data folder and the files PeerDesk keeps in it."""

    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME

    @property
    def header(self) -> Path:
        return self.folder / HEADER_NAME

    @property
    def lock(self) -> Path:
        return self.folder / LOCK_NAME


class VaultState(Enum):
    NEEDS_SETUP = "needs setup"
    READY = "ready"


def inspect(paths: VaultPaths, *, may_create_folder: bool) -> VaultState:
    """Say whether the folder holds a vault or is ready for a new one; never changes a file.

    Raises ``VaultMissing``, ``VaultDamaged`` or ``StorageUnavailable`` with a message for the
    coordinator when the folder is neither.
    """
    folder = paths.folder
    if not folder.exists():
        if not may_create_folder:
            raise VaultMissing(
                f"The data folder {folder} does not exist. Plug in the drive it is on, or choose "
                "another folder with --data-dir."
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageUnavailable(
                f"PeerDesk could not create the data folder {folder} ({_reason(error)})."
            ) from error
    if not folder.is_dir():
        raise StorageUnavailable(
            f"The data folder {folder} is a file, not a folder. Choose another folder with "
            "--data-dir."
        )
    has_db = os.path.lexists(paths.db)
    has_header = os.path.lexists(paths.header)
    if has_db and not has_header:
        raise VaultDamaged(
            f"The key file {paths.header.name} is missing from {folder}, so the vault "
            f"{paths.db.name} beside it cannot be opened. PeerDesk will not replace it: a new key "
            f"file could never open the existing vault. Restore {paths.header.name} from your "
            "latest backup into that folder."
        )
    if has_header and not has_db:
        raise VaultMissing(
            f"The data folder {folder} has the key file {paths.header.name} but not the vault "
            f"{paths.db.name} itself. PeerDesk will not create a new vault over it. Restore "
            f"{paths.db.name} from your latest backup, or choose another folder with --data-dir."
        )
    if has_db:
        _check_db_file(paths.db)
    _check_writable(folder)
    return VaultState.READY if has_db else VaultState.NEEDS_SETUP


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    The bytes reach the disk (fsync) before the rename, and the folder is synced after it so
    the rename itself survives a power cut. Raises ``StorageUnavailable`` and leaves no
    temporary file behind when the disk refuses.
    """
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _write_failed(folder, error) from error
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise _write_failed(folder, error) from error
        raise
    fsync_folder(folder)
    _remove_stale_temps(path)


STALE_TEMP_SECONDS = 60.0
"""A temporary copy this old was left by a write that was killed (a working one takes ms)."""


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary copies of ``path`` left behind by a killed write; never a fresh one,
    which may belong to a write still in progress in another PeerDesk process."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk where the OS allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and all of Windows) cannot fsync a directory
    finally:
        os.close(fd)


def _check_db_file(db: Path) -> None:
    try:
        info = db.stat()
    except OSError as error:
        raise StorageUnavailable(
            f"PeerDesk cannot read the vault {db} ({_reason(error)})."
        ) from error
    if not db.is_file():
        raise VaultDamaged(f"The vault {db} is not a file. PeerDesk will not replace it.")
    if info.st_size == 0:
        raise VaultDamaged(
            f"The vault {db} is empty (0 bytes): it was probably cut short while being copied or "
            "saved. PeerDesk will not replace it. Restore your latest backup into that folder."
        )


def _check_writable(folder: Path) -> None:
    # os.access() says yes to root even on a read-only mount, so really write something.
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".peerdesk-probe-", suffix=".tmp")
    except OSError as error:
        raise _write_failed(folder, error) from error
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def _write_failed(folder: Path, error: OSError) -> StorageUnavailable:
    return StorageUnavailable(
        f"PeerDesk cannot write to the data folder {folder} ({_reason(error)}). {_advice(error)}"
    )


def _reason(error: OSError) -> str:
    if error.errno == errno.EROFS:
        return "it is read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "it is read-only, or you do not have permission to change it"
    if error.errno in _DISK_FULL:
        return "the disk is full"
    if error.errno == errno.ENOENT:
        return "the folder has gone: perhaps the drive was unplugged"
    if error.errno == errno.EIO:
        return "the drive reported an error"
    return error.strerror or "the operating system refused"


def _advice(error: OSError) -> str:
    if error.errno in _DISK_FULL:
        return "Free some space on that drive, then try again."
    if error.errno in (errno.ENOENT, errno.EIO):
        return "Check the drive is plugged in, then try again."
    return "Choose a folder you can write to with --data-dir, or change the folder's permissions."
