"""Shared fixtures: a template vault made once per run, copied for each test that needs one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

# Hypothesis profiles: "dev" (its defaults) locally, "ci" when $CI is set, and "fuzz" (5,000
# examples per fuzzing test, for a long local run: HYPOTHESIS_PROFILE=fuzz). Ordinary property
# tests keep Hypothesis's 100 examples everywhere; the fuzzing tests scale from FUZZ_EXAMPLES.
# Deadlines are off in CI and fuzzing: the machines there are shared.
settings.register_profile("dev")
settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)
FUZZ_EXAMPLES = {"ci": 200, "fuzz": 5_000}.get(PROFILE, 100)
"""Examples per fuzzing test (tests/unit/test_fuzzing.py): 200 in CI, 5,000 when fuzzing."""

PASSPHRASE = "correct horse battery staple"
ORGANISATION = "Mersey Peer Support"
NOW = dt.datetime(2026, 11, 23, 14, 5)


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> VaultPaths:
    """A migrated, seeded vault (cheap test KDF), built once per test run."""
    paths = VaultPaths(tmp_path_factory.mktemp("template") / "vault")
    made = vault_service.create(
        paths, organisation=ORGANISATION, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    with made.workspace.reading() as s:  # fold the WAL in so copying the main file is enough
        s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.workspace.close()
    return paths


@pytest.fixture
def vault_paths(template_vault: VaultPaths, tmp_path: Path) -> VaultPaths:
    """A fresh copy of the template vault for this test."""
    paths = VaultPaths(tmp_path / "vault")
    paths.folder.mkdir()
    for source in (template_vault.db, template_vault.header):
        shutil.copy2(source, paths.folder / source.name)
    return paths


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def services(vault_paths: VaultPaths, clock: FixedClock) -> Iterator[Services]:
    """All services on an unlocked copy of the template vault, with a fixed clock."""
    bundle = build(vault_service.unlock(vault_paths, PASSPHRASE), clock)
    yield bundle
    bundle.close()
