"""Putting a backup back: unlock it with its own key header, check it, swap it in, re-erase."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy.orm import Session

from peerdesk.domain.errors import PeerDeskError, StorageUnavailable, VaultDamaged
from peerdesk.domain.retention import Action, RecordKind
from peerdesk.storage import backups, record_erasure, retention_store
from peerdesk.storage.backup_manifest import BackupInfo
from peerdesk.storage.backup_manifest import load as load_manifest
from peerdesk.storage.migrate import HEAD_REVISION
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import DB_NAME, HEADER_NAME, VaultPaths, fsync_folder
from peerdesk.storage.workspace import Workspace

NEWER = (
    "This backup was made by a newer PeerDesk (schema {revision}; this PeerDesk knows up to "
    "{head}). Install the newer PeerDesk to restore it. Nothing was changed."
)
REPLACED_FOLDER = "replaced"


class BackupTooNew(PeerDeskError):
    """The backup's schema is newer than this PeerDesk's."""


@dataclass(frozen=True)
class Erased:
    """One ledger line: a record erased or anonymised, by kind and id only."""

    kind: str
    record_id: int
    action: str
    done_at: str
    reason: str


def unlock(folder: Path, *, passphrase: str = "", recovery_key: str = "") -> bytearray:
    """The backup's data key from ITS key header (the passphrase or recovery key of that time)."""
    load_manifest(folder)  # "not a PeerDesk backup" before anything else
    paths = VaultPaths(folder)
    if not paths.header.is_file():
        raise VaultDamaged(
            f"The backup {folder} has no key file ({HEADER_NAME}), so it cannot be opened."
        )
    if recovery_key:
        return keyslots.unlock_with_recovery(paths, recovery_key)
    return keyslots.unlock(paths, passphrase)


def check(folder: Path, key: bytearray) -> BackupInfo:
    """Verify the backup through and refuse a newer schema; ``VaultDamaged``/``BackupTooNew``."""
    info = backups.verify(folder, key)
    if info.revision is None or not info.revision.isdigit():
        raise VaultDamaged(f"The backup {folder} has no schema PeerDesk knows.")
    if int(info.revision) > int(HEAD_REVISION):
        raise BackupTooNew(NEWER.format(revision=info.revision, head=HEAD_REVISION))
    return info


def ledger_of_backup(folder: Path, key: bytearray) -> list[Erased]:
    connection = backups.open_read_only(folder / DB_NAME, key)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "erasure" not in tables:
            return []
        rows = connection.execute(
            "SELECT subject_kind, subject_id, action, done_at, reason FROM erasure ORDER BY id"
        ).fetchall()
    except sqlcipher3.Error as error:
        raise VaultDamaged(f"The backup {folder} is damaged and cannot be read.") from error
    finally:
        connection.close()
    return [Erased(str(k), int(i), str(a), str(d), str(r)) for k, i, a, d, r in rows]


def ledger_of_vault(workspace: Workspace) -> list[Erased]:
    with workspace.reading() as s:
        rows = retention_store.erasures(s)
    return [Erased(k, i, a, d.isoformat(sep=" "), r) for k, i, a, d, r in rows]


def to_reapply(now: list[Erased], then: list[Erased]) -> list[Erased]:
    """Erasures in today's ledger that the backup's ledger lacks, in the order they were done."""
    known = {(e.kind, e.record_id, e.action) for e in then}
    return [e for e in now if (e.kind, e.record_id, e.action) not in known]


def put_in_place(folder: Path, paths: VaultPaths, now: dt.datetime) -> Path | None:
    """Swap the backup's database and key header in for the (closed) vault's files.

    Both are first copied beside the vault under temporary names and fsynced; the current
    ``.db``, ``-wal``, ``-shm`` and header are then moved together into ``replaced/<time>/``
    (returned; None when the folder held no vault) and the copies renamed into place.
    """
    paths.folder.mkdir(parents=True, exist_ok=True)
    db_temp = paths.folder / f".{DB_NAME}.restoring"
    header_temp = paths.folder / f".{HEADER_NAME}.restoring"
    try:
        _copy_synced(folder / DB_NAME, db_temp)
        _copy_synced(folder / HEADER_NAME, header_temp)
        aside = _move_aside(paths, now)
        os.replace(db_temp, paths.db)
        os.replace(header_temp, paths.header)
        fsync_folder(paths.folder)
    except OSError as error:
        for temp in (db_temp, header_temp):
            with contextlib.suppress(OSError):
                temp.unlink()
        raise StorageUnavailable(
            f"PeerDesk could not put the backup in place in {paths.folder} "
            f"({error.strerror or 'the operating system refused'}). Your vault is unchanged "
            f"or set aside in {paths.folder / REPLACED_FOLDER}."
        ) from error
    return aside


def reapply(workspace: Workspace, erased: list[Erased]) -> int:
    """Erase or anonymise again, in one transaction, what was erased after the backup was made,
    writing each back into the ledger; returns how many records were still there."""
    done = 0
    with workspace.transaction() as s:
        for e in erased:
            kind, action = RecordKind(e.kind), Action(e.action)
            if retention_store.record_exists(s, kind, e.record_id):
                _apply(s, kind, action, e.record_id, dt.date.fromisoformat(e.done_at[:10]))
                done += 1
            at = dt.datetime.fromisoformat(e.done_at)
            retention_store.record_erasure(s, kind, e.record_id, action, e.reason, at)
    if erased:
        record_erasure.compact(backups.engine_of(workspace))
    return done


def _apply(s: Session, kind: RecordKind, action: Action, rid: int, day: dt.date) -> None:
    if kind is RecordKind.PSW:
        if action is Action.ERASE:
            record_erasure.erase_psw(s, rid)
        else:
            record_erasure.anonymise_psw(s, rid, day)
    elif action is Action.ERASE:
        record_erasure.erase_person(s, rid)
    else:
        record_erasure.anonymise_person(s, rid, day)


def _move_aside(paths: VaultPaths, now: dt.datetime) -> Path | None:
    present = [
        p
        for p in (paths.db, Path(f"{paths.db}-wal"), Path(f"{paths.db}-shm"), paths.header)
        if os.path.lexists(p)
    ]
    if not present:
        return None
    aside = paths.folder / REPLACED_FOLDER / now.strftime(backups.STAMP)
    n = 2
    while aside.exists():
        aside, n = aside.with_name(f"{now.strftime(backups.STAMP)}-{n}"), n + 1
    aside.mkdir(parents=True)
    for path in present:
        os.replace(path, aside / path.name)
    fsync_folder(aside)
    return aside


def _copy_synced(source: Path, target: Path) -> None:
    with open(source, "rb") as reading, open(target, "wb") as writing:
        shutil.copyfileobj(reading, writing, 1 << 20)
        writing.flush()
        os.fsync(writing.fileno())
