"""The command line runs as whoever the passphrase unlocks: bulk exports, import and restore are
refused to a supervisor or trustee (exit 1, the plain reason on stderr); allowed commands run."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import cli
from peerdesk.domain.psw import PswDetails, PswQuery
from peerdesk.domain.roles import Role
from peerdesk.services.bundle import Services
from peerdesk.storage import backups
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE

SUPERVISOR_PASSPHRASE = "correct horse battery staple supervisor"
TRUSTEE_PASSPHRASE = "correct horse battery staple trustee"


@pytest.fixture
def with_users(services: Services) -> Services:
    services.psws.create(PswDetails(full_name="Amir Haddad"))
    services.users.turn_on("Cleo Coordinator")
    services.users.add_user("Sam Patel", Role.SUPERVISOR, SUPERVISOR_PASSPHRASE)
    services.users.add_user("Tess Trustee", Role.TRUSTEE, TRUSTEE_PASSPHRASE)
    return services


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    passphrase: str,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, passphrase)
    code = cli.main([*args, "--data-dir", str(paths.folder)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("passphrase", "role"),
    [(SUPERVISOR_PASSPHRASE, "supervisor"), (TRUSTEE_PASSPHRASE, "trustee")],
)
@pytest.mark.parametrize("table", ["psws", "people", "attention", "audit"])
def test_bulk_exports_are_refused_to_other_roles(
    with_users: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    passphrase: str,
    role: str,
    table: str,
) -> None:
    target = tmp_path / f"{table}.csv"
    code, out, err = run(
        monkeypatch, capsys, vault_paths, passphrase, "export", table, "--out", str(target)
    )
    assert code == 1, err
    assert f"As a {role} you cannot" in err and "Ask a coordinator" in err
    assert not target.exists() and out == ""


def test_import_is_refused_to_a_supervisor(
    with_users: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sheet = tmp_path / "volunteers.csv"
    sheet.write_text("Full name,Email\nZoë Nguyễn,zoe@example.org\n", encoding="utf-8")
    before = with_users.psws.count(PswQuery())
    code, _out, err = run(
        monkeypatch,
        capsys,
        vault_paths,
        SUPERVISOR_PASSPHRASE,
        "import",
        "psws",
        str(sheet),
        "--commit",
    )
    assert code == 1 and "As a supervisor you cannot import volunteers" in err
    assert with_users.psws.count(PswQuery()) == before


def test_a_coordinator_still_exports(
    with_users: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "psws.csv"
    code, _out, err = run(
        monkeypatch, capsys, vault_paths, PASSPHRASE, "export", "psws", "--out", str(target)
    )
    assert code == 0, err
    assert "Amir Haddad" in target.read_text(encoding="utf-8-sig")


def test_restore_is_refused_to_a_supervisor_and_the_vault_stays(
    with_users: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    usb = tmp_path / "usb"
    code, _out, err = run(monkeypatch, capsys, vault_paths, PASSPHRASE, "backup", "--to", str(usb))
    assert code == 0, err
    [made] = backups.list_backups(usb)
    monkeypatch.setenv("PEERDESK_BACKUP_PASSPHRASE", PASSPHRASE)
    before = vault_paths.header.read_bytes()
    code, out, err = run(
        monkeypatch, capsys, vault_paths, SUPERVISOR_PASSPHRASE, "restore", str(made.path), "--yes"
    )
    assert code == 1 and "As a supervisor you cannot restore a backup" in err
    assert "Restored" not in out
    assert vault_paths.header.read_bytes() == before
    assert with_users.psws.count(PswQuery()) == 1
