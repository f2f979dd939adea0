"""``peerdesk export``: tables as CSV/XLSX, documents by kind, the warning, --out and --force."""

from __future__ import annotations

import io
import os
from pathlib import Path

import openpyxl
import pytest

from peerdesk import cli, cli_documents
from peerdesk.cli_export import KINDS, TABLES, WARNING
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.psw import PswDetails, PswQuery
from peerdesk.export import atomic_file
from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
) -> tuple[int, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main(["export", *args, "--data-dir", str(paths.folder)])
    _out, err = capsys.readouterr()
    return code, err


@pytest.fixture
def filled(services: Services) -> Services:
    for name, capacity in (("Zoë Nguyễn", 5), ("=1+1", 3), ("Amir Haddad", 2)):
        services.psws.create(PswDetails(full_name=name, known_as="", capacity=capacity))
    return services


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_psws_to_xlsx_keeps_numbers_and_stores_formulas_as_text(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out / "psws.xlsx"
    code, err = run(monkeypatch, capsys, vault_paths, "psws", "--out", str(target))
    assert code == 0
    assert WARNING in err and f"Saved {target}. 3 rows." in err
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]][:2] == ["Name", "Known as"]
    assert [r[0].value for r in rows[1:]] == ["=1+1", "Amir Haddad", "Zoë Nguyễn"]  # by name
    assert all(c.data_type != "f" for row in rows for c in row)
    assert [r[6].value for r in rows[1:]] == [3, 2, 5]
    assert os.listdir(out) == ["psws.xlsx"]


def test_csv_starts_with_bom_and_default_name_is_in_the_current_folder(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(out)
    code, _err = run(monkeypatch, capsys, vault_paths, "people", "--format", "csv")
    assert code == 0
    [name] = os.listdir(out)
    assert name.startswith("people-") and name.endswith(".csv")
    data = (out / name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfName,Referred,Days waited (not on hold),Area,Status\r\n")


def test_never_overwrites_without_force(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = out / "due.csv"
    target.write_bytes(b"old")
    code, err = run(monkeypatch, capsys, vault_paths, "due", "--out", str(target))
    assert code == 1 and "already exists; add --force" in err
    assert target.read_bytes() == b"old"
    code, err = run(monkeypatch, capsys, vault_paths, "due", "--out", str(target), "--force")
    assert code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfName,Item,Due,When,Status")
    assert os.listdir(out) == ["due.csv"]


def test_a_failed_write_exits_1_and_leaves_nothing(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def full(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", full)
    code, err = run(monkeypatch, capsys, vault_paths, "psws", "--out", str(out / "p.xlsx"))
    assert code == 1
    assert f"p.xlsx could not be saved in {out}: the disk is full. Nothing was saved." in err
    assert "Traceback" not in err
    assert os.listdir(out) == []


def test_documents_are_looked_up_by_kind_and_saved_under_their_suggested_name(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    asked: list[int] = []

    def maker(_services: Services, record_id: int, progress: Progress) -> Exported:
        asked.append(record_id)
        progress.step(1, 1)
        return Exported(b"%PDF-1.4", "../psw-0042-review.pdf", "1 character could not be printed")

    monkeypatch.setitem(cli_documents.DOCUMENTS, "review", maker)
    code, err = run(monkeypatch, capsys, vault_paths, "review", "42", "--out", str(out))
    assert code == 0 and asked == [42]
    assert os.listdir(out) == ["psw-0042-review.pdf"]  # never outside the folder chosen
    assert "1 character could not be printed" in err


def test_a_kind_not_yet_registered_is_refused_plainly(
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delitem(cli_documents.DOCUMENTS, "sar", raising=False)
    code, err = run(monkeypatch, capsys, vault_paths, "sar", "3", "--out", str(out))
    assert code == 1 and "cannot print 'sar' documents yet" in err
    assert os.listdir(out) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("nonsense",), "no table or document called 'nonsense'"),
        (("psws", "4"), "a table takes no ID"),
        (("record",), "say which record"),
        (("record", "1", "--format", "csv"), "--format is for tables"),
        (("psws", "--out", "x.txt"), "give --format csv or xlsx"),
    ],
)
def test_bad_arguments_exit_2(
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    words: str,
) -> None:
    code, err = run(monkeypatch, capsys, vault_paths, *args)
    assert code == 2 and words in err


def test_an_unknown_id_exits_2(
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if "record" not in cli_documents.DOCUMENTS:
        pytest.skip("the record document is not registered in this build")
    code, err = run(monkeypatch, capsys, vault_paths, "record", "999", "--out", str(out))
    assert code == 2 and "no record with id 999" in err
    assert os.listdir(out) == []


def test_help_lists_every_table_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["export", "--help"])
    assert stopped.value.code == 0
    text = io.StringIO(capsys.readouterr().out).getvalue()
    for name in [*TABLES, *KINDS, "due", "--force", "--out", "--format", WARNING.split(".")[0]]:
        assert name in text


def test_a_registered_record_prints_to_a_pdf(
    filled: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if "record" not in cli_documents.DOCUMENTS:
        pytest.skip("the record document is not registered in this build")
    psw_id = filled.psws.find_ids(PswQuery())[0]
    code, err = run(monkeypatch, capsys, vault_paths, "record", str(psw_id), "--out", str(out))
    assert code == 0, err
    [name] = os.listdir(out)
    assert name.endswith(".pdf") and "Zo" not in name and "Amir" not in name
    assert (out / name).read_bytes().startswith(b"%PDF")
