"""Commands unlocked by $PEERDESK_PASSPHRASE act as that passphrase's user."""

from __future__ import annotations

import pytest

from peerdesk.cli_vault import ENV_PASSPHRASE, with_vault
from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import PASSPHRASE

SUPERVISOR = "purple elephant kettle drum"


def _viewer(workspace: Workspace) -> Viewer:
    return build(workspace).viewer


def test_a_supervisors_passphrase_gives_commands_the_supervisor_viewer(
    services: Services, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.users.turn_on("Priya Shah")
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SUPERVISOR)
    services.close()
    monkeypatch.setenv(ENV_PASSPHRASE, SUPERVISOR)
    viewer = with_vault(str(vault_paths.folder), False, "list", _viewer)
    assert isinstance(viewer, Viewer)
    assert (viewer.id, viewer.role, viewer.user_id) == ("Sam Okafor", Role.SUPERVISOR, sam.id)
    monkeypatch.setenv(ENV_PASSPHRASE, PASSPHRASE)
    viewer = with_vault(str(vault_paths.folder), False, "list", _viewer)
    assert isinstance(viewer, Viewer) and viewer.role is Role.COORDINATOR


def test_a_removed_users_passphrase_is_refused_with_exit_1(
    services: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    services.users.turn_on("Priya Shah")
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SUPERVISOR)
    services.users.remove(sam.id)
    services.close()
    monkeypatch.setenv(ENV_PASSPHRASE, SUPERVISOR)
    assert with_vault(str(vault_paths.folder), False, "list", _viewer) == 1
    assert "did not open this vault" in capsys.readouterr().err
