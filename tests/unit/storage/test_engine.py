"""The SQLCipher engine: keyed, encrypted on disk, PRAGMAs in force, failures in plain English."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from peerdesk.domain.errors import StorageUnavailable, VaultAlreadyExists, VaultDamaged
from peerdesk.storage.engine import (
    create_empty_database,
    make_sessions,
    open_engine,
    storage_errors,
)

KEY = bytes(range(32))
MARKER = "Zoë-PLAINTEXT-MARKER-7f3a"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "peerdesk.vault"
    create_empty_database(path, KEY)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    opened = open_engine(db_path, bytearray(KEY))
    yield opened
    opened.dispose()


def test_new_database_is_written_and_encrypted(db_path: Path) -> None:
    data = db_path.read_bytes()
    assert len(data) >= 4096
    assert not data.startswith(b"SQLite format 3")


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "peerdesk.vault"
    path.write_bytes(b"")
    with pytest.raises(VaultAlreadyExists):
        create_empty_database(path, KEY)
    assert path.read_bytes() == b""


def test_a_table_round_trips_in_a_transaction(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        s.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)"))
        s.execute(text("INSERT INTO note (body) VALUES (:b)"), {"b": MARKER})
    with sessions() as s:
        assert s.execute(text("SELECT body FROM note")).scalar_one() == MARKER


def test_savepoint_rolls_back_only_its_own_work(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        s.execute(text("CREATE TABLE note (body TEXT)"))
        s.execute(text("INSERT INTO note VALUES ('kept')"))
        nested = s.begin_nested()
        s.execute(text("INSERT INTO note VALUES ('undone')"))
        nested.rollback()
    with sessions() as s:
        assert s.execute(text("SELECT body FROM note")).scalars().all() == ["kept"]


def test_a_failed_transaction_rolls_back_entirely(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        s.execute(text("CREATE TABLE note (body TEXT UNIQUE)"))
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.execute(text("INSERT INTO note VALUES ('a')"))
        s.execute(text("INSERT INTO note VALUES ('a')"))
    with sessions() as s:
        assert s.execute(text("SELECT count(*) FROM note")).scalar_one() == 0


def test_pragmas_are_in_force_on_every_new_connection(engine: Engine) -> None:
    with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            values = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "journal_mode", "synchronous", "secure_delete")
            }
            assert values == {
                "foreign_keys": 1,
                "journal_mode": "wal",
                "synchronous": 2,
                "secure_delete": 1,
            }
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as s:
        s.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
        s.execute(text("CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))"))
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.execute(text("INSERT INTO child VALUES (42)"))


def test_nothing_readable_reaches_the_disk(db_path: Path, engine: Engine) -> None:
    with make_sessions(engine).begin() as s:
        s.execute(text("CREATE TABLE secret_table_name (body TEXT)"))
        s.execute(text("INSERT INTO secret_table_name VALUES (:b)"), {"b": MARKER})
    wal = Path(f"{db_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the data is in the WAL right now
    for path in (db_path, wal):
        data = path.read_bytes()
        for needle in (MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), b"secret_table_name"):
            assert needle not in data
    engine.dispose()  # checkpoint into the main file and check that too
    data = db_path.read_bytes()
    assert MARKER.encode("utf-8") not in data
    assert b"secret_table_name" not in data


def test_a_different_key_is_damage_not_a_wrong_passphrase(db_path: Path) -> None:
    with pytest.raises(VaultDamaged, match="opened with your key but its contents are damaged"):
        open_engine(db_path, bytes(32))


def test_random_bytes_are_damage(tmp_path: Path) -> None:
    path = tmp_path / "peerdesk.vault"
    content = os.urandom(16 * 1024)
    path.write_bytes(content)
    with pytest.raises(VaultDamaged):
        open_engine(path, KEY)
    assert path.read_bytes() == content


def test_a_damaged_open_prints_nothing(db_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # Send SQLCipher's log (process-wide) to stderr at its usual level, which reports failed
    # decryption as errors: open_engine must silence it before keying.
    noisy = sqlcipher3.connect(":memory:")
    noisy.execute("PRAGMA cipher_log = stderr")
    noisy.execute("PRAGMA cipher_log_level = WARN")
    noisy.close()
    capfd.readouterr()
    with pytest.raises(VaultDamaged):
        open_engine(db_path, bytes(32))
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_a_missing_file_is_never_created(tmp_path: Path) -> None:
    path = tmp_path / "peerdesk.vault"
    with pytest.raises(StorageUnavailable):
        open_engine(path, KEY)
    assert list(tmp_path.iterdir()) == []


def test_a_key_of_the_wrong_size_is_a_bug(db_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        open_engine(db_path, b"short")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", "disk holding the vault is full"),
        ("attempt to write a readonly database", "read-only"),
        ("database is locked", "another program"),
        ("unable to open database file", "could not open the vault file"),
        ("disk I/O error", "reported an error"),
    ],
)
def test_environment_failures_become_storage_unavailable(message: str, expected: str) -> None:
    with pytest.raises(StorageUnavailable, match=expected) as caught, storage_errors():
        raise sqlcipher3.OperationalError(message)
    assert not isinstance(caught.value, VaultDamaged)


@pytest.mark.parametrize("message", ["file is not a database", "database disk image is malformed"])
def test_damage_becomes_vault_damaged(message: str) -> None:
    with pytest.raises(VaultDamaged), storage_errors():
        raise sqlcipher3.DatabaseError(message)


def test_wrapped_driver_errors_are_translated_too(engine: Engine) -> None:
    wrapped = OperationalError("INSERT", {}, sqlcipher3.OperationalError("database is locked"))
    with pytest.raises(StorageUnavailable, match="another program"), storage_errors():
        raise wrapped


def test_os_errors_become_storage_unavailable() -> None:
    with pytest.raises(StorageUnavailable, match="No space left"), storage_errors():
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/usb/peerdesk.vault")


def test_other_errors_are_bugs_and_propagate(engine: Engine) -> None:
    with (
        pytest.raises(OperationalError, match="no such table"),
        storage_errors(),
        engine.connect() as connection,
    ):
        connection.exec_driver_sql("SELECT * FROM no_such_table")
    with pytest.raises(KeyError), storage_errors():
        raise KeyError("bug")
