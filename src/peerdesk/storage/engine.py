"""The SQLCipher engine: keying, per-connection PRAGMAs, transactions and error translation.

Everything specific to SQLite and SQLCipher lives here, so a PostgreSQL port replaces only this
module. Python cannot wipe the ``str`` the key PRAGMA is built from; the key is kept in a
``bytearray`` everywhere else and that string lives only for one ``execute`` call.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from peerdesk.domain.errors import (
    StorageUnavailable,
    VaultAlreadyExists,
    VaultDamaged,
    VaultMissing,
)
from peerdesk.domain.storage_faults import StorageFault, StorageFaultError, fault_for_errno

KEY_BYTES = 32

# Set on every connection: foreign keys and secure_delete are per connection in SQLite, and
# journal_mode is checked each time in case the file was copied from a rollback-journal vault.
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
    # 64 MiB page cache: decrypted pages stay in memory, so re-sorting and re-filtering a
    # large table does not decrypt it again each time (measured: 100,000 PSWs, 494 -> 113 ms).
    "PRAGMA cache_size = -65536",
)

DAMAGED = (
    "The vault file opened with your key but its contents are damaged: it may have been cut "
    "short while copying or changed by another program. PeerDesk has not changed it. Restore "
    "your latest backup."
)

# (SQLite result-code prefix, words in the message, what to tell the coordinator)
_ENVIRONMENT = (
    (
        "SQLITE_FULL",
        "database or disk is full",
        "The disk holding the vault is full. Free some space on it, then try again.",
    ),
    (
        "SQLITE_READONLY",
        "readonly database",
        "PeerDesk cannot write to the vault because the file or its folder is read-only. Choose a "
        "folder you can write to, or change its permissions, then try again.",
    ),
    (
        "SQLITE_BUSY",
        "database is locked",
        "The vault is busy: another program (perhaps another copy of PeerDesk) is using it. Close "
        "that program, then try again.",
    ),
    (
        "SQLITE_LOCKED",
        "table is locked",
        "The vault is busy: another program (perhaps another copy of PeerDesk) is using it. Close "
        "that program, then try again.",
    ),
    (
        "SQLITE_CANTOPEN",
        "unable to open database file",
        "PeerDesk could not open the vault file. Check the drive is plugged in, the folder still "
        "exists and you may read and write it.",
    ),
    (
        "SQLITE_PERM",
        "access permission denied",
        "PeerDesk may not write to the vault: permission denied. Change the folder's "
        "permissions, or choose a folder you can write to, then try again.",
    ),
    (
        "SQLITE_IOERR",
        "disk i/o error",
        "The drive holding the vault reported an error while reading or writing. Check it is still "
        "plugged in; if this keeps happening, copy your latest backup to another drive.",
    ),
)
# Which of those are a fault a failed save names (the rest, such as a busy vault, are not).
_FAULTS = {
    "SQLITE_FULL": StorageFault.DISK_FULL,
    "SQLITE_READONLY": StorageFault.READ_ONLY,
    "SQLITE_PERM": StorageFault.NO_PERMISSION,
    "SQLITE_CANTOPEN": StorageFault.DRIVE_GONE,
    "SQLITE_IOERR": StorageFault.DRIVE_GONE,
}
_DAMAGE = (
    ("SQLITE_NOTADB", "file is not a database"),
    ("SQLITE_CORRUPT", "disk image is malformed"),
)


_KEYS: weakref.WeakKeyDictionary[Engine, bytearray] = weakref.WeakKeyDictionary()
"""Each open engine's copy of the data key, so closing the engine can wipe it."""


def open_engine(db_path: Path, key: bytes | bytearray) -> Engine:
    """Open the existing vault at ``db_path`` with the raw 256-bit data key.

    The caller has already proved the key against a key slot, so a file that will not decrypt
    is reported as ``VaultDamaged``, never as a wrong passphrase.
    """
    raw = _copy_key(key)
    if not db_path.is_file():
        raise VaultMissing(f"The vault {db_path} is not there. Restore your latest backup.")

    def creator() -> DBAPIConnection:
        return cast(DBAPIConnection, _connect(db_path, raw))

    # module=sqlcipher3 lets SQLAlchemy recognise (and wrap) the driver's exceptions; the
    # explicit pool stops "sqlite://" from being treated as an in-memory database.
    # LIFO: the UI thread keeps reusing the same warm connection, whose page cache already holds
    # the decrypted pages, instead of cycling through cold ones.
    # hide_parameters: an error's text never quotes the values a statement was saving.
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_use_lifo=True,
        hide_parameters=True,
    )
    event.listen(engine, "begin", _emit_begin)
    _KEYS[engine] = raw
    try:
        verify(engine)
    except StorageUnavailable as error:
        close_engine(engine)
        raise (_why_unopenable(db_path.parent) or error) from error
    except BaseException:
        close_engine(engine)
        raise
    return engine


READ_ONLY_FOLDER = (
    "PeerDesk cannot open the vault because its drive is read-only ({folder}). Copy the folder "
    "to a drive you can write to, or open the drive for writing, then try again."
)
NO_WRITE_PERMISSION = (
    "PeerDesk cannot open the vault because you may not write to its folder ({folder}): "
    "permission denied. Change the folder's permissions, or move it, then try again."
)


def _why_unopenable(folder: Path) -> StorageFaultError | None:
    """A vault that will not open may sit on a read-only drive or in a folder the user may not
    write to (SQLite only says "unable to open"): name that case, or None when it is neither."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only = False
    if read_only:
        return StorageFaultError(READ_ONLY_FOLDER.format(folder=folder), StorageFault.READ_ONLY)
    if not os.access(folder, os.W_OK):
        return StorageFaultError(
            NO_WRITE_PERMISSION.format(folder=folder), StorageFault.NO_PERMISSION
        )
    return None


def close_engine(engine: Engine) -> None:
    """Close every pooled connection, then zero the engine's copy of the data key.

    After this the engine cannot open another connection with the real key.
    """
    engine.dispose()
    raw = _KEYS.pop(engine, None)
    if raw is not None:
        _wipe(raw)


def engine_key(engine: Engine) -> bytearray | None:
    """The engine's own copy of the data key (tests check it is all zeros after locking)."""
    return _KEYS.get(engine)


def verify(engine: Engine) -> None:
    """Read the schema once, so a damaged or wrongly keyed file fails now, not mid-edit."""
    with storage_errors(), engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()


def create_empty_database(db_path: Path, key: bytes | bytearray) -> None:
    """Create a new, empty vault file encrypted with ``key``; refuse if anything is there.

    The file is created exclusively first, so an existing file is never opened or replaced.
    If SQLCipher then fails, only what this call created is removed.
    """
    raw = _copy_key(key)
    try:
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise VaultAlreadyExists(
            f"There is already a file at {db_path}. PeerDesk will not replace it."
        ) from error
    except OSError as error:
        raise StorageUnavailable(_os_message(error)) from error
    os.close(fd)
    try:
        with storage_errors():
            connection = _connect(db_path, raw)
            try:
                # A table written and dropped forces page 1, with SQLCipher's salt, to disk.
                connection.execute("CREATE TABLE _peerdesk_init(x)")
                connection.execute("DROP TABLE _peerdesk_init")
                connection.execute("PRAGMA user_version = 0")
            finally:
                connection.close()
        if db_path.stat().st_size == 0:
            raise StorageUnavailable(f"PeerDesk could not write the new vault {db_path}.")
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{db_path}{suffix}")
        raise
    finally:
        _wipe(raw)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Return the session factory services use: ``with sessions.begin() as s:`` per action.

    Its sessions append create, change and delete of records to the audit log as they commit.
    """
    from peerdesk.storage.audit_log import capture

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    capture(factory)
    return factory


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn environment failures into ``StorageUnavailable`` / ``VaultDamaged``.

    Anything else (a constraint violation, bad SQL) is a bug and propagates unchanged.
    """
    try:
        yield
    except DBAPIError as error:
        translated = _translate(error.orig)
        if translated is None:
            raise
        raise translated from error
    except sqlcipher3.Error as error:
        translated = _translate(error)
        if translated is None:
            raise
        raise translated from error
    except OSError as error:
        raise _os_error(error) from error


def _translate(error: BaseException | None) -> StorageUnavailable | None:
    if isinstance(error, OSError):
        return _os_error(error)
    name = str(getattr(error, "sqlite_errorname", "") or "")
    message = str(error).lower()
    for code, words in _DAMAGE:
        if name.startswith(code) or words in message:
            return VaultDamaged(DAMAGED)
    for code, words, text in _ENVIRONMENT:
        if name.startswith(code) or words in message:
            fault = _FAULTS.get(code)
            return StorageUnavailable(text) if fault is None else StorageFaultError(text, fault)
    return None


def _os_error(error: OSError) -> StorageUnavailable:
    fault = fault_for_errno(error.errno)
    text = _os_message(error)
    return StorageUnavailable(text) if fault is None else StorageFaultError(text, fault)


def _os_message(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    reason = error.strerror or "the operating system refused"
    return (
        f"PeerDesk could not read or write its vault{where}: {reason}. Check the drive is "
        "plugged in, has free space and is not read-only, then try again."
    )


def _connect(db_path: Path, key: bytearray) -> Any:
    # mode=rw: never let SQLite create an empty file where a vault should be.
    uri = f"{db_path.absolute().as_uri()}?mode=rw"
    connection = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    try:
        # First, so SQLCipher prints nothing of its own (it logs failed decryption to stderr).
        connection.execute("PRAGMA cipher_log_level = NONE")
        # x'..' is a raw key: SQLCipher skips its own KDF, since Argon2 already did that work.
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in PRAGMAS:
            connection.execute(pragma)
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StorageUnavailable(
                f"The vault {db_path} cannot use write-ahead logging on this drive. Move the data "
                "folder to a local disk or USB drive, then try again."
            )
    except BaseException:
        connection.close()
        raise
    return connection


def _emit_begin(connection: Connection) -> None:
    # SQLAlchemy's pysqlite recipe: the driver's own BEGIN handling is off (isolation_level=None),
    # so transactions and SAVEPOINTs start exactly where SQLAlchemy says.
    connection.exec_driver_sql("BEGIN")


def _copy_key(key: bytes | bytearray) -> bytearray:
    if len(key) != KEY_BYTES:
        raise ValueError(f"the data key must be {KEY_BYTES} bytes, not {len(key)}")
    return bytearray(key)


def _wipe(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))
