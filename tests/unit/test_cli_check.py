"""``peerdesk check``: exit 0 and one line when sound; 1 and one line on damage; 2 when mistyped."""

from __future__ import annotations

import pytest

from peerdesk import cli
from peerdesk.domain.integrity import SOUND
from peerdesk.storage.integrity import QUICK_SOUND
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE
from tests.unit.services.integrity_helpers import damage_a_data_page, fill


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_sound_vault_exits_0_with_one_line(
    vault_paths: VaultPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "check", "--data-dir", str(vault_paths.folder)) == (0, SOUND + "\n", "")
    quick = _run(capsys, "check", "--quick", "--data-dir", str(vault_paths.folder))
    assert quick == (0, QUICK_SOUND + "\n", "")


def test_a_damaged_vault_exits_1_with_the_finding_and_is_set_aside(
    vault_paths: VaultPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(vault_paths, backup=True)
    damage_a_data_page(vault_paths).close()
    code, out, err = _run(capsys, "check", "--data-dir", str(vault_paths.folder))
    assert code == 1 and err == ""
    assert out.count("\n") == 1 and out.startswith("Damaged: ")
    assert out.endswith(
        " PeerDesk found damage and set the vault aside unchanged. "
        "Newest good backup: Fri 14 Mar, 17:30.\n"
    )
    assert not vault_paths.db.exists()
    (aside,) = (vault_paths.folder / "quarantine").iterdir()
    assert (aside / vault_paths.db.name).exists() and (aside / vault_paths.header.name).exists()
    # checked again: the vault is not there, said in one line on stderr
    code, out, err = _run(capsys, "check", "--data-dir", str(vault_paths.folder))
    assert code == 1 and out == "" and err.count("\n") == 1


def test_without_a_passphrase_it_exits_1_saying_why_on_stderr(
    vault_paths: VaultPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PEERDESK_PASSPHRASE")
    code, out, err = _run(capsys, "check", "--data-dir", str(vault_paths.folder))
    assert (code, out) == (1, "")
    assert err == "PeerDesk: set PEERDESK_PASSPHRASE to the vault's passphrase to check it.\n"


def test_mistyped_arguments_exit_2(
    vault_paths: VaultPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "--slow", "--data-dir", str(vault_paths.folder)])
    assert exited.value.code == 2
