"""Restore: onto another laptop, over today's vault with erasures re-applied, refusing the newer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.domain.errors import NotFound, VaultDamaged, WrongPassphrase
from peerdesk.domain.retention import Action, RecordKind
from peerdesk.services import backup_service, restore_service
from peerdesk.services.backup_service import BackupService
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage import backup_restore, backups, record_erasure, retention_store
from peerdesk.storage.backup_manifest import MANIFEST_NAME
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import NOW, PASSPHRASE
from tests.unit.services.checks_helpers import new_psw


def _erase(services: Services, psw_id: int) -> None:
    """As the retention review does it: erase, and write the ledger line."""
    ws = services.psws._ws
    with ws.transaction() as s:
        record_erasure.erase_psw(s, psw_id)
        retention_store.record_erasure(s, RecordKind.PSW, psw_id, Action.ERASE, "request", NOW)


def test_lose_the_laptop_restore_last_weeks_usb_backup_onto_another(
    services: Services, tmp_path: Path
) -> None:
    kept = new_psw(services, "Priya Shah")
    usb = tmp_path / "usb"
    made = BackupService(services.psws._ws, services.clock).back_up(usb)
    assert made.counts["psw"] == 1
    services.close()  # the laptop is gone

    other = VaultPaths(tmp_path / "new laptop" / "PeerDesk")
    with pytest.raises(WrongPassphrase):
        restore_service.open_backup(made.path, passphrase="not the passphrase of that time")
    backup = restore_service.open_backup(made.path, passphrase=PASSPHRASE)
    plan = restore_service.preview(backup, None)
    assert plan.counts_then["psw"] == 1 and plan.counts_now == {} and plan.erasures == ()
    done = restore_service.restore(backup, other, None, FixedClock(NOW))
    backup.close()
    assert done.safety_backup is None and done.set_aside is None
    restored = build(done.workspace, FixedClock(NOW))
    try:
        assert restored.psws.get(kept).details.full_name == "Priya Shah"
    finally:
        restored.close()


def test_over_todays_vault_erasures_since_are_applied_again(
    services: Services, vault_paths: VaultPaths, tmp_path: Path
) -> None:
    erased_later = new_psw(services, "Erin Later")
    stays = new_psw(services, "Sam Stays")
    ws = services.psws._ws
    made = BackupService(ws, services.clock).back_up(tmp_path / "usb")
    _erase(services, erased_later)
    added_later = new_psw(services, "Added Later")

    backup = restore_service.open_backup(made.path, passphrase=PASSPHRASE)
    plan = restore_service.preview(backup, ws)
    assert plan.counts_then["psw"] == 2 and plan.counts_now["psw"] == 2
    assert [(e.kind, e.record_id, e.action) for e in plan.erasures] == [
        ("psw", int(erased_later), "erase")
    ]
    done = restore_service.restore(backup, vault_paths, ws, services.clock)
    backup.close()
    assert done.reapplied == 1
    assert done.safety_backup is not None
    safety = backups.list_backups(done.safety_backup.parent)
    assert [b.counts["psw"] for b in safety if b.path == done.safety_backup] == [2]
    assert done.set_aside is not None and (done.set_aside / "peerdesk.vault").exists()
    restored = build(done.workspace, FixedClock(NOW))
    try:
        assert restored.psws.get(stays).details.full_name == "Sam Stays"
        for gone in (erased_later, added_later):
            with pytest.raises(NotFound):
                restored.psws.get(gone)
        with done.workspace.reading() as s:  # the ledger keeps it, for the next restore
            assert [(k, i) for k, i, *_ in retention_store.erasures(s)] == [
                ("psw", int(erased_later))
            ]
    finally:
        restored.close()


def test_a_newer_backup_is_refused_and_nothing_changes(
    services: Services, vault_paths: VaultPaths, tmp_path: Path
) -> None:
    ws = services.psws._ws
    made = BackupService(ws, services.clock).back_up(tmp_path / "usb")
    db_key = bytes(engine_key(backups.engine_of(ws)) or b"")  # as a newer PeerDesk would write
    connection = sqlcipher3.connect(str(made.path / "peerdesk.vault"), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    manifest = made.path / MANIFEST_NAME
    manifest.write_text(manifest.read_text().replace('"0011"', '"0099"'))
    before = vault_paths.db.read_bytes()
    with pytest.raises(backup_restore.BackupTooNew, match="made by a newer PeerDesk"):
        restore_service.open_backup(made.path, passphrase=PASSPHRASE)
    assert vault_paths.db.read_bytes() == before


@pytest.mark.parametrize("damage", ["empty", "bit flip", "no header", "other vault"])
def test_a_broken_backup_is_refused_plainly(
    services: Services, vault_paths: VaultPaths, tmp_path: Path, damage: str
) -> None:
    ws = services.psws._ws
    made = BackupService(ws, services.clock).back_up(tmp_path / "usb")
    db = made.path / "peerdesk.vault"
    if damage == "empty":
        db.write_bytes(b"")
    elif damage == "bit flip":
        data = bytearray(db.read_bytes())
        data[len(data) // 2] ^= 1
        db.write_bytes(bytes(data))
    elif damage == "no header":
        (made.path / "peerdesk.keys").unlink()
    else:
        new = VaultPaths(tmp_path / "another")
        from peerdesk.services import vault_service
        from peerdesk.storage.vault.keyslots import TEST_KDF

        vault_service.create(new, organisation="Other", passphrase=PASSPHRASE, kdf=TEST_KDF)
        (made.path / "peerdesk.keys").write_bytes(new.header.read_bytes())
    before = vault_paths.db.read_bytes()
    with pytest.raises((VaultDamaged, WrongPassphrase)) as caught:
        restore_service.open_backup(made.path, passphrase=PASSPHRASE)
    assert str(made.path) in str(caught.value) or "did not open" in str(caught.value)
    assert vault_paths.db.read_bytes() == before


def test_needs_attention_after_30_days_without_a_backup_on_another_drive(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = services.psws._ws
    assert not [i for i in services.attention.items() if i.subject_kind == "vault"]
    BackupService(ws, FixedClock(NOW - dt.timedelta(days=31))).back_up(tmp_path / "same drive")
    lines = [i for i in services.attention.items() if i.subject_kind == "vault"]
    assert [(i.item, i.status) for i in lines] == [("No backup on another drive yet", "Overdue")]
    monkeypatch.setattr(backup_service, "on_another_drive", lambda folder, paths: True)
    BackupService(ws, FixedClock(NOW - dt.timedelta(days=2))).back_up(tmp_path / "usb")
    assert not [i for i in services.attention.items() if i.subject_kind == "vault"]
