"""Login: the key slot that opened the vault becomes the user, and the user the Viewer."""

from __future__ import annotations

import pytest

from peerdesk.domain.errors import WrongPassphrase
from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import COORDINATOR
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.login import NotSignedIn, viewer_for
from peerdesk.storage import user_store
from peerdesk.storage.vault import keyslots, user_slots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.user_slots import SlotRefused
from tests.conftest import PASSPHRASE
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_attention_visibility import protect

SUPERVISOR = "purple elephant kettle drum"
TRUSTEE = "seven quiet lanterns glowing"
NEW = "a brand new owner passphrase"


def _viewer(paths: VaultPaths, passphrase: str) -> tuple[str, object]:
    workspace = vault_service.unlock(paths, passphrase)
    try:
        bundle = build(workspace)
        return workspace.user, bundle.viewer
    finally:
        workspace.close()


@pytest.fixture
def team(services: Services) -> dict[str, int]:
    """Priya (coordinator, set-up slot), Sam (supervisor of Ann, named on Zoë), Jo (trustee)."""
    services.users.turn_on("Priya Shah")
    ann = new_psw(services, "Ann Smith", known_as="")
    zoe = new_psw(services, "Zoë Nguyễn", known_as="")
    protect(services, zoe)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SUPERVISOR)
    services.users.set_supervisees(sam.id, [ann])
    services.users.set_named(sam.id, [zoe])
    services.users.add_user("Jo Reid", Role.TRUSTEE, TRUSTEE)
    services.close()
    return {"ann": ann, "zoe": zoe, "sam": sam.id}


def test_without_users_the_passphrase_gives_the_coordinator(vault_paths: VaultPaths) -> None:
    assert _viewer(vault_paths, PASSPHRASE) == ("Coordinator", COORDINATOR)


def test_each_users_passphrase_gives_their_viewer(
    vault_paths: VaultPaths, team: dict[str, int]
) -> None:
    name, owner = _viewer(vault_paths, PASSPHRASE)
    assert name == "Priya Shah"
    assert owner.role is Role.COORDINATOR and owner.id == "Priya Shah"  # type: ignore[attr-defined]
    name, sam = _viewer(vault_paths, SUPERVISOR)
    assert name == "Sam Okafor"
    assert sam.role is Role.SUPERVISOR  # type: ignore[attr-defined]
    assert sam.user_id == team["sam"]  # type: ignore[attr-defined]
    assert sam.supervisees == {team["ann"]}  # type: ignore[attr-defined]
    assert sam.named == {team["zoe"]}  # type: ignore[attr-defined]
    name, jo = _viewer(vault_paths, TRUSTEE)
    assert (name, jo.role) == ("Jo Reid", Role.TRUSTEE)  # type: ignore[attr-defined]


def test_the_recovery_key_signs_in_the_vault_owner(tmp_path: object) -> None:
    from pathlib import Path

    paths = VaultPaths(Path(str(tmp_path)) / "vault")
    made = vault_service.create(
        paths, organisation="Org", passphrase=PASSPHRASE, kdf=keyslots.TEST_KDF
    )
    recovery = made.recovery_key
    bundle = build(made.workspace)
    bundle.users.turn_on("Priya Shah")
    bundle.users.add_user("Sam Okafor", Role.SUPERVISOR, SUPERVISOR)
    bundle.close()
    header = paths.header.read_bytes()
    with pytest.raises(SlotRefused):  # Sam's passphrase would open the owner's slot too
        vault_service.unlock_with_recovery_key(paths, recovery, SUPERVISOR)
    assert paths.header.read_bytes() == header
    workspace = vault_service.unlock_with_recovery_key(paths, recovery, NEW)
    try:
        viewer = viewer_for(workspace)
    finally:
        workspace.close()
    assert (viewer.id, viewer.role) == ("Priya Shah", Role.COORDINATOR)
    assert _viewer(paths, SUPERVISOR)[0] == "Sam Okafor"  # Sam's slot untouched


def test_a_slot_with_no_active_user_is_refused_plainly(
    vault_paths: VaultPaths, team: dict[str, int]
) -> None:
    workspace = vault_service.unlock(vault_paths, PASSPHRASE)
    with workspace.transaction() as s:  # the header kept Sam's slot (as after a failed write)
        user_store.set_active(s, team["sam"], False)
    workspace.close()
    with pytest.raises(NotSignedIn, match="no longer a PeerDesk user"):
        vault_service.unlock(vault_paths, SUPERVISOR)


def test_change_passphrase_rewraps_only_the_signed_in_users_slot(
    vault_paths: VaultPaths, team: dict[str, int]
) -> None:
    workspace = vault_service.unlock(vault_paths, SUPERVISOR)
    bundle = build(workspace)
    slot = bundle.users.my_slot()
    bundle.close()
    owner = user_slots.owner_slot(vault_paths)
    others = {
        s: user_slots.slot_document(vault_paths, s)
        for s in user_slots.passphrase_slots(vault_paths)
        if s != slot
    }
    db = vault_paths.db.read_bytes()
    with pytest.raises(WrongPassphrase):  # someone else's passphrase is not Sam's current one
        vault_service.change_passphrase(vault_paths, PASSPHRASE, NEW, NEW, slot=slot)
    vault_service.change_passphrase(vault_paths, SUPERVISOR, NEW, NEW, slot=slot)
    assert vault_paths.db.read_bytes() == db  # the records are never re-encrypted
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_paths, SUPERVISOR)
    assert _viewer(vault_paths, NEW)[0] == "Sam Okafor"
    assert {s: user_slots.slot_document(vault_paths, s) for s in others} == others
    assert owner in others
