"""Setting a damaged vault aside: its files moved together, unchanged, to ``quarantine/<time>/``."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from pathlib import Path

from peerdesk.domain.errors import StorageUnavailable
from peerdesk.storage.vault.files import VaultPaths, fsync_folder

QUARANTINE = "quarantine"
SUFFIXES = ("", "-wal", "-shm")
"""The database and the SQLite files that belong to it: they only make sense together."""


def quarantine_root(paths: VaultPaths) -> Path:
    """Where set-aside vaults go: a folder beside the vault, so moving is a rename."""
    return paths.folder / QUARANTINE


def set_aside(paths: VaultPaths, when: dt.datetime) -> Path:
    """Move the database with its ``-wal`` and ``-shm`` (renames: same drive, bytes unchanged)
    into a new ``quarantine/<time>/`` folder beside them, with a copy of the key header.

    Nothing is ever deleted. If a move fails part way, the ones already made are moved back,
    so the files stay together, and ``StorageUnavailable`` says why. Returns the new folder.
    """
    target = _new_folder(quarantine_root(paths), when)
    try:
        if paths.header.exists():
            shutil.copy2(paths.header, target / paths.header.name)
            _fsync_file(target / paths.header.name)
        moved: list[tuple[Path, Path]] = []
        try:
            for suffix in SUFFIXES:
                source = Path(f"{paths.db}{suffix}")
                if os.path.lexists(source):
                    destination = target / source.name
                    os.rename(source, destination)
                    moved.append((destination, source))
        except OSError:
            for destination, source in reversed(moved):
                with contextlib.suppress(OSError):
                    os.rename(destination, source)
            raise
    except OSError as error:
        raise StorageUnavailable(
            f"PeerDesk found damage but could not set the vault aside in {target} "
            f"({error.strerror or 'the operating system refused'}). Do not use the vault; copy "
            f"the folder {paths.folder} somewhere safe."
        ) from error
    fsync_folder(target)
    fsync_folder(paths.folder)
    return target


def _new_folder(root: Path, when: dt.datetime) -> Path:
    stamp = when.strftime("%Y-%m-%d_%H%M%S")
    try:
        root.mkdir(exist_ok=True)
        for attempt in range(1000):
            folder = root / (stamp if attempt == 0 else f"{stamp}_{attempt}")
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            return folder
    except OSError as error:
        raise StorageUnavailable(
            f"PeerDesk found damage but could not make the folder {root} to set the vault aside "
            f"({error.strerror or 'the operating system refused'}). Do not use the vault; copy "
            f"the folder {root.parent} somewhere safe."
        ) from error
    raise StorageUnavailable(f"PeerDesk could not make a new folder in {root}.")


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())
