"""``peerdesk report trustees``: the PDF saved, the note, bad periods, empty periods, --force."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk import cli
from peerdesk.cli_report import NOTE
from peerdesk.domain.person import PersonDetails
from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE

NAME = "Siobhán Łukasz-Nguyễn"


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main(["report", "trustees", *args, "--data-dir", str(paths.folder)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def referred(services: Services) -> Services:
    for day in (1, 2, 3, 4, 5, 6):
        services.people.create(PersonDetails(full_name=NAME, referred_on=dt.date(2026, 10, day)))
    return services


def test_saves_the_report_in_the_current_folder_with_a_note(
    referred: Services,
    vault_paths: VaultPaths,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(out_dir)
    code, out, err = run(
        monkeypatch, capsys, vault_paths, "--from", "2026-04-01", "--to", "2026-10-31"
    )
    assert code == 0, err
    target = out_dir / "trustees-report-2026-04-01-to-2026-10-31.pdf"
    assert out == ""
    assert NOTE in err and f"Saved {target}." in err
    assert os.listdir(out_dir) == [target.name]
    reader = PdfReader(target)
    body = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Referrals received 6 0" in body
    assert NAME not in body and "Siobh" not in body


def test_from_after_to_is_a_mistyped_command_and_writes_nothing(
    referred: Services,
    vault_paths: VaultPaths,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out_dir / "r.pdf"
    code, _, err = run(
        monkeypatch, capsys, vault_paths, "--from", "2026-11-01", "--to", "2026-10-01",
        "--out", str(target),
    )  # fmt: skip
    assert code == 2
    assert "starts on 1 November 2026, after it ends on 1 October 2026" in err
    assert not target.exists()


def test_a_date_not_written_yyyy_mm_dd_is_refused(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(monkeypatch, capsys, vault_paths, "--from", "31/03/2026")
    assert exited.value.code == 2
    assert "'31/03/2026' is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_an_empty_period_says_so_and_writes_nothing(
    referred: Services,
    vault_paths: VaultPaths,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out_dir / "r.pdf"
    code, _, err = run(
        monkeypatch, capsys, vault_paths, "--from", "2020-04-01", "--to", "2021-03-31",
        "--out", str(target),
    )  # fmt: skip
    assert code == 1
    assert "There is nothing to report from 1 April 2020 to 31 March 2021" in err
    assert os.listdir(out_dir) == []


def test_an_existing_file_is_kept_unless_forced(
    referred: Services,
    vault_paths: VaultPaths,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out_dir / "r.pdf"
    target.write_bytes(b"mine")
    period = ("--from", "2026-04-01", "--to", "2026-10-31", "--out", str(target))
    code, _, err = run(monkeypatch, capsys, vault_paths, *period)
    assert code == 1 and "already exists; add --force" in err
    assert target.read_bytes() == b"mine"
    code, _, _ = run(monkeypatch, capsys, vault_paths, *period, "--force")
    assert code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert os.listdir(out_dir) == ["r.pdf"]
