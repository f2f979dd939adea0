"""Backups of the open vault with the same key, by ``VACUUM INTO`` (never a file copy), verified.

``VACUUM INTO`` on the keyed SQLCipher connection reads one consistent snapshot, WAL commits
included, and writes it encrypted with the same key. Each backup is a folder
``<YYYY-MM-DD_HHMMSS>[-label]/`` holding the database, a copy of the key header and
``manifest.json``; it is written as ``<name>.partial``, fsynced, renamed, then opened with the key
and checked (``integrity_check``, ``cipher_integrity_check``, counts). A failure removes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine

from peerdesk.domain.errors import StorageUnavailable, VaultDamaged
from peerdesk.storage.backup_manifest import MANIFEST_NAME, BackupInfo, dump, load, marked_verified
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import DB_NAME, HEADER_NAME, VaultPaths, fsync_folder
from peerdesk.storage.workspace import Workspace

__all__ = [
    "DRIVE_REMOVED",
    "BackupFailed",
    "BackupInfo",
    "current_counts",
    "engine_of",
    "list_backups",
    "make_backup",
    "newest_verified",
    "open_read_only",
    "quick_check",
    "remove",
    "vault_id_of",
    "verify",
]

PARTIAL = ".partial"
MAIN_TABLES = (
    "psw",
    "person",
    "match",
    "contact",
    "supervision_session",
    "annual_review",
    "safeguarding_concern",
    "rights_request",
    "erasure",
    "audit_log",
    "setting",
)
"""Counted into every manifest (those the vault has at its revision) and checked on verify."""
STAMP = "%Y-%m-%d_%H%M%S"
DRIVE_REMOVED = "Backup stopped: the drive was removed. Nothing else changed."


class BackupFailed(StorageUnavailable):
    """A backup could not be made or did not verify; the vault itself is unchanged."""


def engine_of(workspace: Workspace) -> Engine:
    bind = workspace.sessions.kw.get("bind")
    assert isinstance(bind, Engine)
    return bind


def make_backup(
    engine: Engine,
    paths: VaultPaths,
    folder: Path,
    *,
    now: dt.datetime,
    reason: str,
    label: str = "",
) -> BackupInfo:
    """Back up the vault open on ``engine`` into a new verified folder under ``folder``."""
    key = engine_key(engine)
    if key is None:
        raise StorageUnavailable("PeerDesk is locked. Unlock it, then try again.")
    vault_id = vault_id_of(paths.header)
    target = _free_name(folder, now.strftime(STAMP) + _label(label))
    partial = target.with_name(target.name + PARTIAL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _check_space(paths.db, folder)
        partial.mkdir()
        counts, head, revision = _copy(engine, partial / DB_NAME)
        _fsync_file(partial / DB_NAME)
        _write_synced(partial / HEADER_NAME, paths.header.read_bytes())
        info = BackupInfo(target, now, False, vault_id, revision, counts, reason, head)
        _write_synced(partial / MANIFEST_NAME, dump(info))
        fsync_folder(partial)
        os.rename(partial, target)
        fsync_folder(folder)
    except (OSError, sqlcipher3.Error, StorageUnavailable) as error:
        _remove(partial)
        _remove(target)
        raise _stopped(folder, error) from error
    try:
        verified = verify(target, key)
        _write_synced(target / MANIFEST_NAME, dump(marked_verified(verified)))
    except (OSError, sqlcipher3.Error, VaultDamaged) as error:
        _remove(target)
        if isinstance(error, VaultDamaged):
            raise BackupFailed(
                f"The backup in {folder} did not read back correctly, so PeerDesk removed it. "
                "Your vault is unchanged. Try another drive."
            ) from error
        raise _stopped(folder, error) from error
    return marked_verified(verified)


def verify(path: Path, key: bytes | bytearray) -> BackupInfo:
    """Open the backup at ``path`` with ``key`` and check it through: ``VaultDamaged`` if not."""
    info = load(path)
    db = path / DB_NAME
    if not db.is_file() or db.stat().st_size == 0:
        raise VaultDamaged(f"The backup {path} has no database in it (or it is empty).")
    if not (path / HEADER_NAME).is_file():
        raise VaultDamaged(f"The backup {path} has no key file ({HEADER_NAME}) in it.")
    try:
        connection = open_read_only(db, key)
    except sqlcipher3.Error as error:
        raise VaultDamaged(f"The backup {path} does not open with this vault's key.") from error
    try:
        problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        result = connection.execute("PRAGMA integrity_check").fetchall()
        if problems or [tuple(r) for r in result] != [("ok",)]:
            raise VaultDamaged(f"The backup {path} is damaged: some of its pages do not check.")
        counts = _counts(connection)
        revision = _revision(connection)
    except sqlcipher3.Error as error:
        raise VaultDamaged(f"The backup {path} is damaged and cannot be read.") from error
    finally:
        connection.close()
    if counts != info.counts or revision != info.revision:
        raise VaultDamaged(f"The backup {path} does not hold what its manifest says.")
    return info


def open_read_only(db: Path, key: bytes | bytearray) -> Any:
    """A keyed read-only connection to a backup's database (proved by reading its schema)."""
    uri = f"{db.absolute().as_uri()}?mode=ro"
    connection = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup folder directly under ``folder`` with a readable manifest, oldest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.endswith(PARTIAL) or not entry.is_dir():
            continue
        with contextlib.suppress(VaultDamaged):
            found.append(load(entry))
    return sorted(found, key=lambda b: (b.made_at, b.path.name))


def newest_verified(folder: Path, vault_id: str) -> BackupInfo | None:
    """The newest verified backup of vault ``vault_id`` under ``folder``, if any."""
    mine = [b for b in list_backups(folder) if b.verified and b.vault_id == vault_id]
    return mine[-1] if mine else None


def vault_id_of(header: Path) -> str:
    """The random id the key header was made with: the same for every copy of one vault."""
    try:
        document = json.loads(header.read_bytes()[: 1 << 20].decode("utf-8"))
        vault_id = document["vault_id"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise VaultDamaged(f"The key file {header} is missing or damaged.") from error
    if not isinstance(vault_id, str):
        raise VaultDamaged(f"The key file {header} is damaged.")
    return vault_id


def quick_check(engine: Engine) -> bool:
    """``PRAGMA quick_check`` on the open vault: True when it reports ok."""
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlcipher3.Error:
        return False
    finally:
        raw.close()
    return [tuple(r) for r in rows] == [("ok",)]


def current_counts(engine: Engine) -> dict[str, int]:
    """The open vault's counts of the main tables, as a manifest records them."""
    raw = engine.raw_connection()
    try:
        return _counts(raw.driver_connection)
    finally:
        raw.close()


def remove(info: BackupInfo) -> None:
    """Delete one backup folder (thinning); a folder that will not go is left for next time."""
    _remove(info.path)


def _copy(
    engine: Engine, target: Path
) -> tuple[dict[str, int], tuple[int, str] | None, str | None]:
    """``VACUUM INTO`` with the counts of the same snapshot: if another connection committed
    while counting or copying (``data_version`` moved), the copy is made again."""
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        for _attempt in range(5):
            before = connection.execute("PRAGMA data_version").fetchone()[0]
            counts, head, revision = _counts(connection), _head(connection), _revision(connection)
            connection.execute("VACUUM INTO ?", (str(target),))
            if connection.execute("PRAGMA data_version").fetchone()[0] == before:
                return counts, head, revision
            target.unlink()
        raise BackupFailed("The vault kept changing while PeerDesk backed it up. Try again.")
    finally:
        raw.close()


def _tables(connection: Any) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(r[0]) for r in rows}


def _counts(connection: Any) -> dict[str, int]:
    present = _tables(connection)
    return {
        t: int(connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
        for t in MAIN_TABLES
        if t in present
    }


def _head(connection: Any) -> tuple[int, str] | None:
    if "audit_log" not in _tables(connection):
        return None
    row = connection.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _revision(connection: Any) -> str | None:
    if "alembic_version" not in _tables(connection):
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _check_space(db: Path, folder: Path) -> None:
    wal = Path(f"{db}-wal")
    needed = db.stat().st_size + (wal.stat().st_size if wal.exists() else 0) + (1 << 20)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise BackupFailed(
            f"Backup stopped: there is not enough space in {folder} ({_mb(needed)} needed, "
            f"{_mb(free)} free). Free some space or choose another drive. Nothing else changed."
        )


def _stopped(folder: Path, error: BaseException) -> BackupFailed:
    if isinstance(error, BackupFailed):
        return error
    number = getattr(error, "errno", None)
    text = str(error).lower()
    if number in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO) or "disk i/o" in text:
        return BackupFailed(DRIVE_REMOVED)
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) or "is full" in text:
        return BackupFailed(
            f"Backup stopped: the disk holding {folder} is full; free some space. "
            "Nothing else changed."
        )
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text:
        return BackupFailed(
            f"Backup stopped: PeerDesk may not write to {folder} (it is read-only, or you do not "
            "have permission). Choose another folder. Nothing else changed."
        )
    return BackupFailed(f"Backup stopped: PeerDesk could not write to {folder}. Nothing changed.")


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _free_name(folder: Path, name: str) -> Path:
    target, n = folder / name, 2
    while target.exists() or target.with_name(target.name + PARTIAL).exists():
        target, n = folder / f"{name}-{n}", n + 1
    return target


def _label(label: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-")[:40]
    return f"-{slug}" if slug else ""


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(path)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB" if size >= 1_000_000 else f"{size / 1000:,.0f} KB"
