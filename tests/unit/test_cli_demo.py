"""``peerdesk demo``: makes an openable demo vault, says how to open it, never overwrites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import peerdesk
from peerdesk.cli import ENV_INSECURE_FAST_KDF, ENV_PASSPHRASE, main
from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths

PASSPHRASE = "otter lantern meadow 12"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_INSECURE_FAST_KDF, "1")
    monkeypatch.setenv(ENV_PASSPHRASE, PASSPHRASE)
    monkeypatch.delenv("PEERDESK_DATA_DIR", raising=False)


def _count(folder: Path, passphrase: str) -> int:
    services = build(vault_service.unlock(VaultPaths(folder), passphrase))
    try:
        return services.psws.count(PswQuery()) + services.psws.count(PswQuery(archived=True))
    finally:
        services.close()


def test_demo_makes_a_vault_and_says_how_to_open_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my demo"
    assert main(["demo", "--psws", "20", "--data-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert _count(folder, PASSPHRASE) == 20
    assert str(folder) in out and "20 made-up peer support workers" in out
    assert f"peerdesk --data-dir '{folder}'" in out
    assert PASSPHRASE not in out  # it came from the environment: no need to echo it
    assert "weakly protected" in err


def test_a_second_demo_is_refused_and_leaves_the_vault_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--psws", "20", "--data-dir", str(tmp_path)]) == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    capsys.readouterr()
    assert main(["demo", "--psws", "5", "--data-dir", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "already a file" in err and "Demo vault made" not in out
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before
    assert _count(tmp_path, PASSPHRASE) == 20


def test_without_a_passphrase_in_the_environment_one_is_made_up_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_PASSPHRASE)
    assert main(["demo", "--psws", "3", "--data-dir", str(tmp_path)]) == 0
    match = re.search(r"Passphrase:\s+(\S+)", capsys.readouterr().out)
    assert match is not None
    assert _count(tmp_path, match.group(1)) == 3


def test_the_default_demo_folder_is_opened_with_peerdesk_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "peerdesk.storage.locations.default_demo_dir", lambda: tmp_path / "PeerDesk Demo"
    )
    assert main(["demo", "--psws", "2"]) == 0
    assert "Open it with:   peerdesk --demo" in capsys.readouterr().out
    assert _count(tmp_path / "PeerDesk Demo", PASSPHRASE) == 2


def test_a_weak_passphrase_is_a_plain_message_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, "short")
    assert main(["demo", "--psws", "2", "--data-dir", str(tmp_path / "d")]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_help_lists_the_demo_command_and_the_fast_kdf_variable() -> None:
    # Works whether or not peerdesk is installed into the interpreter running the tests.
    src = str(Path(peerdesk.__file__).parent.parent)
    paths = [src, *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    done = subprocess.run(
        [sys.executable, "-m", "peerdesk", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert re.search(r"^\s+demo\s", done.stdout, re.MULTILINE)
    assert ENV_INSECURE_FAST_KDF in done.stdout
