"""Several passphrase slots: each user's opens the vault and says whose it is; changes touch one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peerdesk.domain.errors import ValidationFailed, VaultDamaged, WrongPassphrase
from peerdesk.storage.vault import keyslots, user_slots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF, NewVault
from peerdesk.storage.vault.user_slots import SlotRefused

OWNER = "correct horse battery staple"
SAM = "purple elephant kettle drum"
JO = "seven quiet lanterns glowing"


@pytest.fixture
def paths(tmp_path: Path) -> VaultPaths:
    return VaultPaths(tmp_path)


@pytest.fixture
def made(paths: VaultPaths) -> NewVault:
    return keyslots.create(paths, OWNER, kdf=TEST_KDF)


def _slots(paths: VaultPaths) -> list[dict[str, Any]]:
    slots: list[dict[str, Any]] = json.loads(paths.header.read_bytes())["slots"]
    return slots


def test_each_passphrase_opens_its_own_slot_with_the_same_key(
    paths: VaultPaths, made: NewVault
) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    jo = user_slots.add_slot(paths, made.data_key, JO)
    owner = user_slots.owner_slot(paths)
    assert user_slots.passphrase_slots(paths) == (owner, sam, jo)
    for passphrase, slot in ((OWNER, owner), (SAM, sam), (JO, jo)):
        opened = user_slots.unlock_slot(paths, passphrase)
        assert opened.slot_id == slot
        assert opened.data_key == made.data_key
        assert keyslots.unlock(paths, passphrase) == made.data_key
    kdfs = {json.dumps(s["kdf"]["salt"]) for s in _slots(paths)}
    assert len(kdfs) == 4  # every slot its own salt
    with pytest.raises(WrongPassphrase):
        user_slots.unlock_slot(paths, "not anyone's passphrase at all")


def test_a_passphrase_already_in_use_is_refused_and_the_header_unchanged(
    paths: VaultPaths, made: NewVault
) -> None:
    user_slots.add_slot(paths, made.data_key, SAM)
    before = paths.header.read_bytes()
    for taken in (OWNER, SAM):
        with pytest.raises(SlotRefused, match="already opens this vault"):
            user_slots.add_slot(paths, made.data_key, taken)
    with pytest.raises(ValidationFailed):
        user_slots.add_slot(paths, made.data_key, "short")
    assert paths.header.read_bytes() == before


def test_changing_one_slot_leaves_every_other_slot_byte_for_byte(
    paths: VaultPaths, made: NewVault
) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    before = _slots(paths)
    with pytest.raises(WrongPassphrase):  # the owner's passphrase does not open Sam's slot
        user_slots.change_slot(paths, sam, OWNER, JO)
    with pytest.raises(SlotRefused):  # nor may Sam take the owner's passphrase
        user_slots.change_slot(paths, sam, SAM, OWNER)
    assert _slots(paths) == before
    user_slots.change_slot(paths, sam, SAM, JO)
    after = _slots(paths)
    assert [s for s in after if s["id"] != sam] == [s for s in before if s["id"] != sam]
    assert user_slots.unlock_slot(paths, JO).slot_id == sam
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, SAM)


def test_keyslots_change_passphrase_changes_the_slot_the_old_one_opens(
    paths: VaultPaths, made: NewVault
) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    owner_before = user_slots.slot_document(paths, user_slots.owner_slot(paths))
    keyslots.change_passphrase(paths, SAM, JO)
    assert user_slots.unlock_slot(paths, JO).slot_id == sam
    assert user_slots.slot_document(paths, user_slots.owner_slot(paths)) == owner_before


def test_removing_a_slot_and_never_the_last(paths: VaultPaths, made: NewVault) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    user_slots.remove_slot(paths, sam)
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, SAM)
    before = paths.header.read_bytes()
    with pytest.raises(SlotRefused, match="last passphrase"):
        user_slots.remove_slot(paths, user_slots.owner_slot(paths))
    with pytest.raises(SlotRefused):
        user_slots.remove_slot(paths, sam)  # already gone
    assert paths.header.read_bytes() == before
    assert keyslots.unlock(paths, OWNER) == made.data_key


def test_reset_gives_one_slot_a_new_passphrase_with_the_open_key(
    paths: VaultPaths, made: NewVault
) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    owner = user_slots.slot_document(paths, user_slots.owner_slot(paths))
    user_slots.reset_slot(paths, sam, made.data_key, JO)
    assert user_slots.unlock_slot(paths, JO).slot_id == sam
    assert user_slots.slot_document(paths, user_slots.owner_slot(paths)) == owner
    with pytest.raises(SlotRefused):
        user_slots.reset_slot(paths, sam, made.data_key, OWNER)


def test_recovery_key_opens_and_resets_the_owner_slot_only(
    paths: VaultPaths, made: NewVault
) -> None:
    sam = user_slots.add_slot(paths, made.data_key, SAM)
    sam_before = user_slots.slot_document(paths, sam)
    assert keyslots.unlock_with_recovery(paths, made.recovery_key) == made.data_key
    key = keyslots.unlock_with_recovery(paths, made.recovery_key)
    user_slots.reset_slot(paths, user_slots.owner_slot(paths), key, JO)
    assert user_slots.unlock_slot(paths, JO).slot_id == user_slots.owner_slot(paths)
    assert user_slots.slot_document(paths, sam) == sam_before
    assert user_slots.unlock_slot(paths, SAM).slot_id == sam


def test_a_header_without_any_passphrase_slot_is_damaged(paths: VaultPaths, made: NewVault) -> None:
    document = json.loads(paths.header.read_bytes())
    document["slots"] = [s for s in document["slots"] if s["kind"] != "passphrase"]
    paths.header.write_text(json.dumps(document))
    with pytest.raises(VaultDamaged, match="no passphrase slot"):
        keyslots.unlock(paths, OWNER)


def test_open_data_key_refuses_a_closed_vault(vault_paths: VaultPaths) -> None:
    from peerdesk.services import vault_service

    workspace = vault_service.unlock(vault_paths, OWNER)
    key = user_slots.open_data_key(workspace)
    assert len(key) == 32 and any(key)
    keyslots.wipe(key)
    workspace.close()
    with pytest.raises(SlotRefused):
        user_slots.open_data_key(workspace)
