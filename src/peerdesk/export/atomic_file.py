"""Saving a file all or nothing: a temporary file beside the target, flushed, then renamed."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")

PARTIAL_MARK = ".partial-"
"""Temporary files are named ``.NAME.partial-XXXXXXXX`` beside the target (hidden on Unix)."""


def write_atomically(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``target`` so that it is either all there or not there at all.

    Raises FileExistsError if ``target`` exists and not ``force``. On any failure (disk full,
    read-only folder, Cancelled raised by the caller's writer) the temporary file is removed
    and ``target`` is left as it was.
    """
    stream_atomically(target, lambda stream: stream.write(data), force=force)


def stream_atomically(target: Path, write: Callable[[IO[bytes]], T], *, force: bool = False) -> T:
    """Like ``write_atomically``, but ``write`` streams into the temporary file itself.

    Returns what ``write`` returned. Anything ``write`` raises (Cancelled included) removes the
    temporary file and is raised again.
    """
    if not force and target.exists():
        raise FileExistsError(errno.EEXIST, "The file already exists", str(target))
    temp = _open_temp(target)
    try:
        with temp.open("wb") as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if not force and target.exists():  # it appeared while we were writing
            raise FileExistsError(errno.EEXIST, "The file already exists", str(target))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(target.parent)
    return result


def _open_temp(target: Path) -> Path:
    """Create (exclusively) an empty temporary file beside ``target``; retries a taken name."""
    for _ in range(20):
        temp = target.with_name(f".{target.name}{PARTIAL_MARK}{secrets.token_hex(4)}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(errno.EEXIST, "No free temporary name", str(target.parent))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (your quota is used up)",
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EISDIR: "a folder has that name",
    errno.EEXIST: "a file with that name already exists",
}


def failure_cause(error: OSError) -> str:
    """Why a save failed, in a few plain words ("the disk is full")."""
    found = _CAUSES.get(error.errno or 0)
    if found:
        return found
    return (error.strerror or "the system refused").rstrip(".").lower()


def not_saved_text(target: Path, error: OSError) -> str:
    """A refused save in plain words, naming the folder and the cause."""
    return (
        f"{target.name} could not be saved in {target.parent}: {failure_cause(error)}. "
        "Nothing was saved."
    )
