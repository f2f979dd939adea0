"""The composition root, as a coordinator starts it: whole processes, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerdesk.domain.psw import PswDetails
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

PASS = "a passphrase for the app test"


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


def make_vault(folder: Path, names: list[str]) -> VaultPaths:
    paths = VaultPaths(folder)
    made = vault_service.create(paths, organisation="Org", passphrase=PASS, kdf=TEST_KDF)
    services = build(made.workspace)
    for name in names:
        services.psws.create(PswDetails(full_name=name))
    services.close()
    return paths


def test_unlocks_from_the_environment_and_fills_the_table(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v", ["Zoë Nguyễn", "Łukasz Nowak"])
    done = run(
        "--data-dir",
        str(paths.folder),
        env={"PEERDESK_PASSPHRASE": PASS, "PEERDESK_BENCH_EXIT_WHEN_READY": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "rows=2 alembic=0" in done.stdout


def test_wrong_passphrase_from_the_environment_is_explained(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v", [])
    before = paths.db.read_bytes()
    done = run("--data-dir", str(paths.folder), env={"PEERDESK_PASSPHRASE": "not it at all"})
    assert done.returncode == 1
    assert "did not open this vault" in done.stderr
    assert "Traceback" not in done.stderr
    assert paths.db.read_bytes() == before


def test_a_missing_chosen_folder_is_named_not_created(tmp_path: Path) -> None:
    done = run("--data-dir", str(tmp_path / "usb-stick"))
    assert done.returncode == 1
    assert "does not exist" in done.stderr and not (tmp_path / "usb-stick").exists()


def test_opening_the_demo_before_making_one_says_how(tmp_path: Path) -> None:
    done = run("--demo", env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)})
    assert done.returncode == 1
    assert "peerdesk demo" in done.stderr


def test_a_second_launch_brings_the_first_forward_and_exits(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v", ["Aoife Byrne"])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PEERDESK_PASSPHRASE": PASS}
    first = subprocess.Popen(
        [sys.executable, "-m", "peerdesk", "--data-dir", str(paths.folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not paths.lock.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # let it reach its event loop and listen
        second = run("--data-dir", str(paths.folder), env={"PEERDESK_PASSPHRASE": PASS})
        assert second.returncode == 0
        assert "already open" in second.stdout
        assert first.poll() is None
    finally:
        first.kill()
        first.wait()
    # The killed process left a stale lock: the next start recovers it.
    again = run(
        "--data-dir",
        str(paths.folder),
        env={"PEERDESK_PASSPHRASE": PASS, "PEERDESK_BENCH_EXIT_WHEN_READY": "1"},
    )
    assert "rows=1" in again.stdout, again.stderr


def test_a_missing_chosen_folder_is_created_only_when_asked(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from peerdesk import app
    from peerdesk.storage.vault.files import VaultState

    chosen: list[str] = []

    def answer(box: QMessageBox) -> int:
        wanted = chosen.pop(0)
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    paths = VaultPaths(tmp_path / "usb" / "vault")
    chosen.append("Cancel")
    assert app._vault_state(paths, chosen=True, interactive=True) is None
    assert not paths.folder.exists()
    chosen.extend(["Try again", "Create new vault"])
    assert app._vault_state(paths, chosen=True, interactive=True) is VaultState.NEEDS_SETUP
    assert paths.folder.is_dir() and not chosen


def test_opening_the_vault_clears_disclosure_notes_past_six_months(tmp_path: Path) -> None:
    import datetime as dt

    from peerdesk.domain.evidence import DbsDecision
    from peerdesk.domain.psw import PswQuery
    from tests.unit.services.checks_helpers import dbs_details

    paths = make_vault(tmp_path / "v", ["Zoë Nguyễn"])
    services = build(vault_service.unlock(paths, PASS))
    (psw_id,) = services.psws.find_ids(PswQuery())
    long_ago = dt.date.today() - dt.timedelta(days=250)
    services.dbs.add(
        psw_id,
        dbs_details(
            issued_on=long_ago,
            seen_on=long_ago,
            disclosure=True,
            disclosure_note="a caution in 2009",
            decision=DbsDecision.NOT_CLEARED,
            decided_on=long_ago,
        ),
    )
    services.close()
    done = run(
        "--data-dir",
        str(paths.folder),
        env={"PEERDESK_PASSPHRASE": PASS, "PEERDESK_BENCH_EXIT_WHEN_READY": "1"},
    )
    assert done.returncode == 0, done.stderr
    services = build(vault_service.unlock(paths, PASS))
    assert [c.details.disclosure_note for c in services.dbs.checks(psw_id)] == [""]
    services.close()
