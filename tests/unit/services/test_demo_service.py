"""Demo vaults: made whole or not at all, never over existing files, openable afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.domain.errors import ValidationFailed, VaultAlreadyExists
from peerdesk.domain.passphrase import assess, problems
from peerdesk.domain.psw import PswQuery
from peerdesk.services import demo_service, vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_data import generate
from peerdesk.services.demo_service import DEMO_ORGANISATION, create_demo_vault
from peerdesk.storage import psw_bulk
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW

PASSPHRASE = "lantern meadow copper 47"


def _make(paths: VaultPaths, psws: int = 45, **extra: object) -> demo_service.DemoResult:
    return create_demo_vault(
        paths,
        passphrase=PASSPHRASE,
        psws=psws,
        seed=5,
        kdf=TEST_KDF,
        clock=FixedClock(NOW),
        **extra,  # type: ignore[arg-type]
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_demo_vault_opens_with_its_passphrase_and_holds_the_seeded_psws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_service, "BATCH_SIZE", 20)
    progress: list[tuple[int, int]] = []
    paths = VaultPaths(tmp_path / "new" / "demo")
    result = _make(paths, progress=lambda done, total: progress.append((done, total)))
    assert (result.paths, result.psws) == (paths, 45)
    assert progress == [(20, 45), (40, 45), (45, 45)]
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    try:
        organisation = services.settings.organisation()
        assert (organisation.name, organisation.demo) == (DEMO_ORGANISATION, True)
        expected = generate(services.lists.items(), count=45, seed=5, now=NOW)
        ids = services.psws.find_ids(PswQuery(archived=False)) + services.psws.find_ids(
            PswQuery(archived=True)
        )
        stored = sorted((services.psws.get(i) for i in ids), key=lambda p: p.id)
        assert [p.details for p in stored] == [e.details for e in expected]
        assert [p.history for p in stored] == [e.history for e in expected]
    finally:
        services.close()
    assert len(result.recovery_key.split("-")) == 8


def test_no_psws_makes_an_empty_demo_vault(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "demo")
    _make(paths, psws=0)
    workspace = vault_service.unlock(paths, PASSPHRASE)
    try:
        assert build(workspace).psws.count(PswQuery()) == 0
    finally:
        workspace.close()


@pytest.mark.parametrize(
    "name", ["peerdesk.vault", "peerdesk.keys", "peerdesk.lock", "peerdesk.vault-wal"]
)
def test_refuses_when_any_vault_file_is_there_and_touches_nothing(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_bytes(b"someone's data")
    before = _files(tmp_path)
    with pytest.raises(VaultAlreadyExists, match=name):
        _make(VaultPaths(tmp_path))
    assert _files(tmp_path) == before


def test_a_second_demo_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "demo")
    _make(paths)
    before = _files(paths.folder)
    with pytest.raises(VaultAlreadyExists):
        _make(paths)
    assert _files(paths.folder) == before


@pytest.mark.parametrize("failure", [RuntimeError("bug"), KeyboardInterrupt()])
def test_a_failure_part_way_leaves_nothing_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    monkeypatch.setattr(demo_service, "BATCH_SIZE", 10)
    real = psw_bulk.insert_many
    calls: list[int] = []

    def fail_on_every_third(s: object, records: list[object]) -> object:
        calls.append(len(records))
        if len(calls) % 3 == 0:
            raise failure
        return real(s, records)  # type: ignore[arg-type]

    monkeypatch.setattr(psw_bulk, "insert_many", fail_on_every_third)
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(type(failure)):
        _make(VaultPaths(tmp_path / "made" / "demo"))
    with pytest.raises(type(failure)):
        _make(VaultPaths(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_a_weak_passphrase_is_refused_before_any_folder_is_made(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed):
        create_demo_vault(
            VaultPaths(tmp_path / "demo"), passphrase="short", psws=5, seed=1, kdf=TEST_KDF
        )
    assert list(tmp_path.iterdir()) == []


def test_made_up_passphrases_are_accepted_strong_and_different() -> None:
    made = {demo_service.memorable_passphrase() for _ in range(50)}
    assert len(made) == 50
    for passphrase in made:
        assert problems(passphrase, passphrase) == []
        assert assess(passphrase).score == 4
