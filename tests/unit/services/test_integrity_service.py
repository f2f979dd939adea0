"""Integrity checks: sound vaults pass, a damaged page is caught and the vault set aside whole."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.integrity import SOUND
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.services.clock import FixedClock
from peerdesk.storage.integrity import QUICK_SOUND
from peerdesk.storage.vault.files import VaultPaths
from tests.unit.services.integrity_helpers import (
    damage_a_data_page,
    digest,
    fill,
    read_everything,
)


def test_a_sound_vault_passes_both_checks(services: Services) -> None:
    assert services.integrity.quick_check().ok
    assert services.integrity.quick_check().line == QUICK_SOUND
    full = services.integrity.full_check()
    assert full.ok and full.line == SOUND


def test_the_weekly_full_check_is_due_when_never_run_then_a_week_after_the_last(
    services: Services, clock: FixedClock
) -> None:
    assert services.integrity.full_check_due()
    services.integrity.full_check()
    assert services.integrity.last_full_check() == clock.now()
    assert not services.integrity.full_check_due()
    clock.at += dt.timedelta(days=6, hours=23)
    assert not services.integrity.full_check_due()
    clock.at += dt.timedelta(hours=1)
    assert services.integrity.full_check_due()
    clock.at -= dt.timedelta(days=30)  # clock set back before the last check
    assert services.integrity.full_check_due()


def test_a_damaged_page_is_caught_writing_stops_and_the_vault_is_set_aside_whole(
    vault_paths: VaultPaths,
) -> None:
    fill(vault_paths, backup=True)
    services = damage_a_data_page(vault_paths)
    wal = f"{vault_paths.db}-wal"
    try:
        finding = services.integrity.full_check()
        assert not finding.ok
        assert finding.line.startswith("Damaged: ")
        assert "\n" not in finding.line
        assert services.workspace.damaged
        with pytest.raises(VaultDamaged):  # nothing more is written
            services.psws.create(PswDetails(full_name="After the damage"))
        before = {name: digest(vault_paths.folder / name) for name in _vault_files(vault_paths)}
        assert os.path.exists(wal)
        aside = services.integrity.set_aside()
    finally:
        services.close()
    assert aside.message == (
        "PeerDesk found damage and set the vault aside unchanged. "
        "Newest good backup: Fri 14 Mar, 17:30."
    )
    assert aside.folder.parent == vault_paths.folder / "quarantine"
    moved = sorted(p.name for p in aside.folder.iterdir())
    assert moved == sorted(["peerdesk.keys", *before])
    assert {name: digest(aside.folder / name) for name in before} == before
    assert digest(aside.folder / "peerdesk.keys") == digest(vault_paths.header)
    assert not vault_paths.db.exists() and not os.path.exists(wal)


def test_with_no_backup_the_message_says_so(vault_paths: VaultPaths) -> None:
    fill(vault_paths, backup=False)
    services = damage_a_data_page(vault_paths)
    try:
        assert not services.integrity.quick_check().ok
        aside = services.integrity.set_aside()
    finally:
        services.close()
    assert aside.message == (
        "PeerDesk found damage and set the vault aside unchanged. No backup was found."
    )


def test_damage_met_during_ordinary_use_stops_writing_and_tells_listeners(
    vault_paths: VaultPaths,
) -> None:
    fill(vault_paths, backup=False)
    services = damage_a_data_page(vault_paths)
    told: list[str] = []
    services.workspace.damage_listeners.append(lambda: told.append("damaged"))
    try:
        with pytest.raises(VaultDamaged):
            read_everything(services.workspace)
        assert told == ["damaged"]
        with pytest.raises(VaultDamaged):
            services.settings.organisation()
        assert told == ["damaged"]  # once only
    finally:
        services.close()


def _vault_files(paths: VaultPaths) -> list[str]:
    names = [paths.db.name, f"{paths.db.name}-wal", f"{paths.db.name}-shm"]
    return [n for n in names if (paths.folder / n).exists()]
