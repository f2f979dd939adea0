"""``peerdesk import psws``: dry run by default, --commit all or nothing, exit codes 0, 1, 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import cli
from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main(["import", "psws", *args, "--data-dir", str(paths.folder)])
    out, err = capsys.readouterr()
    return code, out, err


def count(paths: VaultPaths) -> int:
    workspace = vault_service.unlock(paths, PASSPHRASE)
    try:
        from peerdesk.services.clock import SystemClock
        from peerdesk.services.psw_service import PswService

        return PswService(workspace, SystemClock()).count(PswQuery())
    finally:
        workspace.close()


def write(tmp_path: Path, text: str, name: str = "old.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dry_run_then_commit(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(tmp_path, "First name,Surname,DOB\nZoë,Nguyễn,31/12/1980\nAl,Bo,01/02/1970\n")
    before = count(vault_paths)
    code, out, err = run(monkeypatch, capsys, vault_paths, str(path))
    assert code == 0 and "New: 2" in out and "--commit" in err
    assert count(vault_paths) == before
    code, out, _ = run(monkeypatch, capsys, vault_paths, str(path), "--commit")
    assert code == 0 and "Imported 2 peer support workers." in out
    assert count(vault_paths) == before + 2
    code, out, _ = run(monkeypatch, capsys, vault_paths, str(path), "--commit")
    assert code == 0 and "Duplicates: 2 (skipped)" in out and "Imported 0" in out


def test_errors_exit_1_and_write_nothing(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(tmp_path, "Name,DOB\nAnn Lee,31/02/1990\nBo Ray,01/01/1990\n")
    before = count(vault_paths)
    code, out, err = run(monkeypatch, capsys, vault_paths, str(path), "--commit")
    assert code == 1 and "Row 2, DOB:" in out and "February 1990 has 28 days" in out
    assert "Nothing was imported" in err and count(vault_paths) == before
    code, out, _ = run(monkeypatch, capsys, vault_paths, str(path), "--commit", "--leave-out", "2")
    assert code == 0 and "Left out: 1" in out and count(vault_paths) == before + 1


def test_month_first_dates_ask_for_the_order(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(tmp_path, "Name,DOB\nAnn Lee,04/13/1990\n")
    code, _, err = run(monkeypatch, capsys, vault_paths, str(path))
    assert code == 1 and "--dates" in err and "month first" in err
    code, out, _ = run(monkeypatch, capsys, vault_paths, str(path), "--dates", "month-first")
    assert code == 0 and "New: 1" in out


def test_refused_files_and_bad_arguments(
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    code, _, err = run(monkeypatch, capsys, vault_paths, str(pdf))
    assert code == 1 and "This is a PDF" in err
    code, _, err = run(monkeypatch, capsys, vault_paths, str(tmp_path / "missing.csv"))
    assert code == 2 and "no file" in err
    path = write(tmp_path, "Name\nAnn\n")
    code, _, err = run(monkeypatch, capsys, vault_paths, str(path), "--mapping", "Nope")
    assert code == 2 and "no mapping called 'Nope'" in err
    with pytest.raises(SystemExit) as exited:
        run(monkeypatch, capsys, vault_paths, str(path), "--leave-out", "x")
    assert exited.value.code == 2
    headers_only = write(tmp_path, "Name,Email\n", "empty.csv")
    code, out, _ = run(monkeypatch, capsys, vault_paths, str(headers_only), "--commit")
    assert code == 1 and "headers but no rows" in out


def test_help_documents_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["import", "psws", "--help"])
    out = capsys.readouterr().out
    assert "--commit" in out and "--mapping NAME" in out and "exit codes" in out
