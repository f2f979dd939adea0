"""One mapping from storage faults (disk full, read-only, no permission, drive gone) to words."""

from __future__ import annotations

import errno
from enum import Enum
from pathlib import Path

from peerdesk.domain.errors import StorageUnavailable


class StorageFault(Enum):
    """Why the drive refused a write: each has its own advice for the coordinator."""

    DISK_FULL = "disk full"
    READ_ONLY = "read-only"
    NO_PERMISSION = "permission denied"
    DRIVE_GONE = "drive removed"


_BY_ERRNO = {
    errno.ENOSPC: StorageFault.DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): StorageFault.DISK_FULL,
    errno.EROFS: StorageFault.READ_ONLY,
    errno.EACCES: StorageFault.NO_PERMISSION,
    errno.EPERM: StorageFault.NO_PERMISSION,
    errno.EIO: StorageFault.DRIVE_GONE,
    errno.ENODEV: StorageFault.DRIVE_GONE,
    errno.ENXIO: StorageFault.DRIVE_GONE,
    errno.ENOENT: StorageFault.DRIVE_GONE,
}

_SAFE = "Earlier work is safe."


def fault_for_errno(number: int | None) -> StorageFault | None:
    """The fault an operating-system error number stands for, or None for any other error."""
    return None if number is None else _BY_ERRNO.get(number)


def not_saved(fault: StorageFault, folder: Path) -> str:
    """What a coordinator reads when a save was rolled back because of ``fault``."""
    if fault is StorageFault.DISK_FULL:
        return f"Not saved: the disk is full; free some space. {_SAFE} The vault is in {folder}."
    if fault is StorageFault.READ_ONLY:
        return f"Not saved: the drive is read-only; PeerDesk cannot write to {folder}. {_SAFE}"
    if fault is StorageFault.NO_PERMISSION:
        return (
            f"Not saved: permission denied; you may not write to {folder}. Ask whoever manages "
            f"this computer to give you access. {_SAFE}"
        )
    return (
        f"Not saved: the drive holding {folder} was removed or stopped answering; plug it back "
        f"in, then try again. {_SAFE}"
    )


class StorageFaultError(StorageUnavailable):
    """A ``StorageUnavailable`` whose cause is known, so a failed save can say exactly why."""

    def __init__(self, message: str, fault: StorageFault) -> None:
        super().__init__(message)
        self.fault = fault
