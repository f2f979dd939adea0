"""``peerdesk search`` with users: the passphrase says who searches; a supervisor's
--include-confidential searches their own sessions' confidential notes; a trustee's is refused."""

from __future__ import annotations

import pytest

from peerdesk import cli
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.roles import Role
from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_own_sessions import record
from tests.unit.services.test_search_service import session

SAM = "purple elephant kettle drum"
TESS = "seven quiet lanterns glowing"


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    passphrase: str,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, passphrase)
    code = cli.main(["search", *args, "--data-dir", str(paths.folder)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def with_users(services: Services) -> Services:
    psw = new_psw(services, "Zoë Nguyễn", known_as="")
    session(services, psw, notes="Zoë confidential rota", level=Confidentiality.CONFIDENTIAL)
    session(services, psw, notes="Zoë shared rota")
    record(services, " sam  OKAFOR", Confidentiality.CONFIDENTIAL, psw, tag="rota")
    services.users.turn_on("Priya Shah")
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    services.users.set_supervisees(sam.id, [psw])
    services.users.add_user("Tess Trustee", Role.TRUSTEE, TESS)
    return services


def test_a_supervisor_searches_their_own_sessions_confidential_notes_only(
    with_users: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(monkeypatch, capsys, vault_paths, SAM, "rota", "--include-confidential")
    assert code == 0, err
    assert "rota confidential notes" in out  # Sam's own session
    assert "shared rota" in out
    assert "Zoë confidential rota" not in out  # Sam Lee's session
    code, out, _ = run(monkeypatch, capsys, vault_paths, SAM, "rota")
    assert code == 0
    assert "shared rota" in out and "confidential" not in out


def test_a_trustee_asking_for_confidential_notes_is_refused_plainly(
    with_users: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(monkeypatch, capsys, vault_paths, TESS, "rota", "--include-confidential")
    assert code == 1
    assert out == ""
    assert "As a trustee you cannot search notes" in err
    assert "Traceback" not in err


def test_a_coordinator_still_searches_confidential_notes(
    with_users: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        monkeypatch, capsys, vault_paths, PASSPHRASE, "rota", "--include-confidential"
    )
    assert code == 0
    assert "Zoë confidential rota" in out and "rota confidential notes" in out


def test_help_says_what_confidential_means_for_each_role(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["search", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "a supervisor's finds the confidential notes of their own sessions" in shown
    assert "a trustee's is refused (exit 1)" in shown
