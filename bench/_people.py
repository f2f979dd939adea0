"""Shared by the matching benchmarks: a cached demo vault with people, unlocked as services."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import _common
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

NOW = dt.datetime(2026, 11, 23, 14, 5)


def people_vault(work: Path, psws: int, people: int) -> Path:
    """A demo vault of ``psws`` PSWs and ``people`` people (a third waiting), made once."""
    folder = work / f"match-{psws}-{people}-{_common.SEED}"
    if (folder / "peerdesk.vault").is_file() and (folder / "peerdesk.keys").is_file():
        return folder
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    create_demo_vault(
        VaultPaths(folder),
        passphrase=_common.PASSPHRASE,
        psws=psws,
        people=people,
        seed=_common.SEED,
        kdf=TEST_KDF,
        clock=FixedClock(NOW),
    )
    print(f"(built {folder.name} in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return folder


def open_services(folder: Path) -> Services:
    return build(vault_service.unlock(VaultPaths(folder), _common.PASSPHRASE), FixedClock(NOW))
